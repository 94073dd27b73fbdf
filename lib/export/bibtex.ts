/** BibTeX from CSL items, hand-written: one @misc/@article per entry, every field escaped (escape.ts). */
import type { CslItem } from './csl';
import { bibtexVerbatim, escapeBibtex } from './escape';

/** Citation keys: letters, digits and "-_:" only (what BibTeX and biber accept without quoting). */
function citeKey(id: string, used: Set<string>): string {
  const base = id.replace(/[^A-Za-z0-9_:-]/g, '') || 'ref';
  let key = base;
  for (let n = 2; used.has(key); n++) key = `${base}-${n}`;
  used.add(key);
  return key;
}

export function toBibtex(items: CslItem[]): string {
  const used = new Set<string>();
  return items
    .map((item) => {
      const fields: [string, string][] = [['title', `{${escapeBibtex(item.title)}}`]];
      // "Family, Given" joined by "and": BibTeX's own name form, which keeps "van der Maaten" whole.
      if (item.author?.length) fields.push(['author', item.author.map((a) => escapeBibtex(a.given ? `${a.family}, ${a.given}` : a.family)).join(' and ')]);
      if (item.issued) fields.push(['year', String(item.issued['date-parts'][0][0])]);
      if (item['container-title']) fields.push(['journal', escapeBibtex(item['container-title'])]);
      if (item.URL) fields.push(['url', bibtexVerbatim(item.URL)]);
      if (item.DOI) fields.push(['doi', bibtexVerbatim(item.DOI)]);
      if (item.ISBN) fields.push(['isbn', escapeBibtex(item.ISBN)]);
      if (item.PMID) fields.push(['pmid', escapeBibtex(item.PMID)]);
      if (item.PMCID) fields.push(['pmcid', escapeBibtex(item.PMCID)]);
      if (item.note) fields.push(['note', escapeBibtex(item.note)]);
      const type = item.type === 'article' ? 'article' : 'misc';
      return `@${type}{${citeKey(item.id, used)},\n${fields.map(([k, v]) => `  ${k} = {${v}}`).join(',\n')}\n}\n`;
    })
    .join('\n');
}
