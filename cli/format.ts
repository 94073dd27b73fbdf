/** The human-readable citation audit printed by `citelens audit`. */
import type { PageReport } from '../lib/extract/types';

const STATE_NOTE: Record<string, string> = {
  none: 'no link, no identifier',
  'plain-url': 'a web address written as text, not a link',
  'search-only': 'only a search look-up link',
  linked: 'linked',
};

export function formatReport(r: PageReport): string {
  const out: string[] = [];
  out.push(`# ${r.title || '(untitled)'}`, r.url, '');
  out.push(r.isArticle ? `Article: yes (${r.detection.reasons.join('; ')})` : `Article: no (${r.detection.reasons.join('; ')})`);
  if (r.truncated) out.push('Partial report: the page was too large to read within the time budget.');
  for (const e of r.errors) out.push(`Error: ${e}`);
  if (!r.isArticle && !r.outline.length) return out.join('\n');
  out.push('', `## Outline (${r.outline.length} headings)`);
  const minLevel = Math.min(...r.outline.map((h) => h.level), 6);
  for (const h of r.outline) out.push(`${'  '.repeat(h.level - minLevel)}- ${h.text}${h.citations ? `  [${h.citations} citation${h.citations === 1 ? "" : "s"}]` : ''}`);
  for (const l of r.referenceLists) {
    const unlinked = l.entries.filter((e) => !e.hasLink);
    out.push('', `## ${l.heading || '(unlabelled list)'} — ${l.entries.length} entries · ${unlinked.length} without a link`);
    l.entries.forEach((e, i) => {
      const flag = e.linkState === 'linked' ? '   ' : '⚑  ';
      const ids = e.identifiers.map((x) => `${x.type.toUpperCase()} ${x.value}`).join(', ');
      const cited = e.citedBy.length ? ` (cited ${e.citedBy.length}×)` : '';
      out.push(`${flag}${e.label || i + 1}. ${e.text.slice(0, 160)}${e.text.length > 160 ? '…' : ''}${cited}`);
      if (e.linkState !== 'linked') out.push(`     ↳ ${STATE_NOTE[e.linkState]}`);
      if (ids) out.push(`     ↳ ${ids}`);
    });
  }
  const c = r.citations;
  if (c.markers.length || c.dangling.length) {
    out.push('', `## Citations: ${c.markers.length} markers · ${c.uncited.length} entries never cited · ${c.dangling.length} markers with no entry`);
    for (const id of c.dangling) {
      const m = c.markers.find((x) => x.id === id)!;
      out.push(`   marker "${m.text}" → #${m.target} (missing)`);
    }
  }
  return out.join('\n');
}
