/** A page's reference lists as a file a reference manager imports: BibTeX, RIS, CSL-JSON or Markdown, all entries or
 * only the flagged ones (no link). Pure: the panel copies or downloads the text. */
import type { PageReport, ReferenceList } from '../extract/types';
import { toBibtex } from './bibtex';
import { referencesToCsl } from './csl';
import { escapeMarkdown, fileStem, markdownUrl } from './escape';
import type { RegistryWork } from './registry';
import { toRis } from './ris';

export const REFERENCE_FORMATS = {
  bibtex: { label: 'BibTeX', ext: 'bib', mime: 'application/x-bibtex' },
  ris: { label: 'RIS', ext: 'ris', mime: 'application/x-research-info-systems' },
  csl: { label: 'CSL-JSON', ext: 'json', mime: 'application/vnd.citationstyles.csl+json' },
  markdown: { label: 'Markdown', ext: 'md', mime: 'text/markdown' },
} as const;
export type ReferenceFormat = keyof typeof REFERENCE_FORMATS;
export type ReferenceScope = 'all' | 'flagged';

/** The lists with only the entries in scope ("flagged": those without a link), empty lists dropped. */
export function listsInScope(lists: ReferenceList[], scope: ReferenceScope): ReferenceList[] {
  if (scope === 'all') return lists;
  return lists.map((l) => ({ ...l, entries: l.entries.filter((e) => !e.hasLink) })).filter((l) => l.entries.length);
}

function toMarkdown(report: Pick<PageReport, 'title' | 'url'>, lists: ReferenceList[]): string {
  const out = [`# References of ${escapeMarkdown(report.title || report.url)}`, '', `Source: ${markdownUrl(report.url)}`, ''];
  for (const list of lists) {
    out.push(`## ${escapeMarkdown(list.heading || 'References')}`, '');
    list.entries.forEach((e, i) => {
      const link = e.links[0] ? ` ${markdownUrl(e.links[0])}` : ' (no link)';
      out.push(`${i + 1}. ${escapeMarkdown(e.text)}${link}`);
    });
    out.push('');
  }
  return out.join('\n');
}

export interface ReferenceExport {
  text: string;
  filename: string;
  mime: string;
  count: number;
}

/**
 * The page's references in `format`, and a file name made from the page's title. `works` (lib/export/registry.ts)
 * gives the registry's fields for the entries whose work the online checks established; Markdown keeps the text.
 */
export function exportReferences(report: Pick<PageReport, 'title' | 'url' | 'referenceLists'>, format: ReferenceFormat, scope: ReferenceScope, works?: ReadonlyMap<string, RegistryWork>): ReferenceExport {
  const lists = listsInScope(report.referenceLists, scope);
  const items = referencesToCsl(lists, works);
  const text =
    format === 'bibtex' ? toBibtex(items) : format === 'ris' ? toRis(items) : format === 'csl' ? JSON.stringify(items, null, 2) : toMarkdown(report, lists);
  const base = fileStem(report.title) || 'references';
  const { ext, mime } = REFERENCE_FORMATS[format];
  return { text, filename: `${base}${scope === 'flagged' ? '-unlinked' : ''}.${ext}`, mime, count: items.length };
}
