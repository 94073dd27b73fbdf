/** RIS from CSL items, hand-written: one field per line ("TY  - ..."), values on one line, records ended by "ER  - ". */
import type { CslItem } from './csl';
import { risValue } from './escape';

/** RIS lines end in CRLF (RIS format specification, Research Information Systems). */
const EOL = '\r\n';

function line(tag: string, value: string): string {
  return `${tag}  - ${risValue(value)}${EOL}`;
}

export function toRis(items: CslItem[]): string {
  return items
    .map((item) => {
      let out = line('TY', item.type === 'article' ? 'JOUR' : 'ELEC');
      out += line('TI', item.title);
      for (const a of item.author ?? []) out += line('AU', a.given ? `${a.family}, ${a.given}` : a.family);
      if (item.issued) out += line('PY', String(item.issued['date-parts'][0][0]));
      if (item['container-title']) out += line('T2', item['container-title']);
      if (item.URL) out += line('UR', item.URL);
      if (item.DOI) out += line('DO', item.DOI);
      if (item.ISBN) out += line('SN', item.ISBN);
      if (item.PMID) out += line('N1', `PMID: ${item.PMID}`);
      if (item.PMCID) out += line('N1', `PMCID: ${item.PMCID}`);
      if (item.note) out += line('N1', item.note);
      out += line('ID', item.id);
      return out + `ER  - ${EOL}`;
    })
    .join('');
}
