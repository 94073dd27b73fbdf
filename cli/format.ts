/** The human-readable citation audit printed by `citelens audit`, with the online findings after `--online`. */
import { formatSummary } from '../lib/online/check';
import type { OnlineEntryJson } from '../lib/online/shape';
import type { AuditReport } from './online';

const STATE_NOTE: Record<string, string> = {
  none: 'no link, no identifier',
  'plain-url': 'a web address written as text, not a link',
  'search-only': 'only a search look-up link',
  linked: 'linked',
};

/** Registry and site strings are already plain text (lib/online/text.ts); control characters are dropped again here so
 * that nothing a service sends can move the terminal's cursor or colour its output. */
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;
const shown = (s: string) => s.replace(CONTROL, '');

/** The findings of one entry's online checks, one line each: what needs the reader's attention, nothing when all is well. */
export function onlineLines(o: OnlineEntryJson): string[] {
  const out: string[] = [];
  const r = o.retraction;
  if (r && r.status !== 'none') {
    // The badge names the update's own type ("erratum", "expression_of_concern"), never merged into "retracted".
    const types = [...new Set(r.updates.map((u) => u.type))].join(', ');
    const word = r.status === 'retracted' ? 'RETRACTED' : r.status === 'concern' ? 'expression of concern' : 'corrected';
    out.push(`${word} (${shown(types)}${r.date ? `, ${r.date}` : ''})${r.notice ? `: ${shown(r.notice)}` : ''}`);
  }
  const d = o.doi;
  if (d?.status === 'not-found') out.push(`DOI ${shown(d.value)} not found in the registry`);
  else if (d?.status === 'resolved' && d.agrees === false) {
    out.push(`DOI ${shown(d.value)} points to another work: "${shown(d.title ?? '')}"${d.authors?.length ? `, ${shown(d.authors.slice(0, 3).join(', '))}` : ''}${d.year ? ` (${d.year})` : ''}`);
  } else if (d?.status === 'error') out.push(`DOI ${shown(d.value)} not checked: ${shown(d.error ?? 'error')}`);
  for (const l of o.links ?? []) {
    if (l.status === 'ok') continue;
    const url = shown(l.url);
    let line: string;
    if (l.skipped) line = `link not checked: ${url} (${shown(l.reason ?? '')})`;
    else if (l.status === 'gone') line = `${l.dead ? 'dead' : 'gone'} link (${l.code}): ${url}`;
    else if (l.status === 'moved') line = `moved link: ${url} → ${shown(l.finalUrl ?? '')}${l.softNotFound ? ' (to the home page: likely gone)' : ''}`;
    else line = `${l.dead ? 'dead link' : 'link unreachable now'}: ${url} (${shown(l.reason ?? (l.code ? `HTTP ${l.code}` : 'no answer'))})`;
    if (l.archived) line += `; archived copy: ${shown(l.archived)}`;
    out.push(line);
  }
  if (o.openAccess) {
    const f = o.openAccessFrom;
    const what = [f?.pdf ? 'PDF' : '', f?.version ?? ''].filter(Boolean).join(', ');
    out.push(`open-access copy${what ? ` (${shown(what)})` : ''}: ${shown(o.openAccess)}${f ? ` [${f.source === 'unpaywall' ? 'Unpaywall' : 'OpenAlex'}]` : ''}`);
  }
  if (o.match) out.push(`found online: DOI ${shown(o.match.doi)} "${shown(o.match.title)}" (score ${o.match.score.toFixed(2)})`);
  if (o.error && d?.status !== 'error') out.push(`online check failed: ${shown(o.error)}`);
  return out;
}

export function formatReport(r: AuditReport): string {
  const out: string[] = [];
  out.push(`# ${r.title || '(untitled)'}`, r.url, '');
  out.push(r.isArticle ? `Article: yes (${r.detection.reasons.join('; ')})` : `Article: no (${r.detection.reasons.join('; ')})`);
  if (r.truncated) out.push('Partial report: the page was too large to read within the time budget.');
  for (const e of r.errors) out.push(`Error: ${e}`);
  if (r.online) {
    const q = r.online.requests;
    const found = formatSummary(r.online.summary);
    // Unpaywall and OpenAlex are named only when asked: they are asked only with an address or key.
    const oa = `${q.unpaywall ? `, ${q.unpaywall} Unpaywall` : ''}${q.openalex ? `, ${q.openalex} OpenAlex` : ''}`;
    out.push(`Online checks (${r.online.checkedAt}): ${found || 'nothing to report'} · ${q.crossref} Crossref, ${q.wayback} Wayback${oa}, ${q.sites} site requests${r.online.errors.length ? ` · ${r.online.errors.length} failed` : ''}`);
  }
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
      if (e.online) for (const line of onlineLines(e.online)) out.push(`     ↳ ${line}`);
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
