/**
 * A page and its notes as Markdown, for Obsidian and any other Markdown reader: YAML front matter, the outline, notes
 * under their sections (quotes as blockquotes), then the reference lists with link flags and check statuses.
 * Page text (title, headings, entries, quotes) is escaped; the reader's own note text keeps its light Markdown, with raw
 * HTML, images and non-http(s) links made literal (as the panel shows them).
 */
import type { ReferenceEntry } from '../extract/types';
import { entryFingerprint } from '../store/fingerprint';
import type { CheckRecord, Note, PageRecord } from '../store/types';
import { escapeMarkdown, escapeNoteMarkdown, markdownUrl, yamlString } from './escape';

export interface MarkdownInput {
  page: Pick<PageRecord, 'url' | 'title' | 'outline' | 'referenceLists'>;
  notes: Note[];
  checks: CheckRecord[];
  /** ISO date written in the front matter. */
  exportedAt: string;
}

/** Words shown for each check status. */
const STATUS_LABEL: Record<CheckRecord['status'], string> = {
  unchecked: 'unchecked',
  verified: 'verified',
  disputed: 'disputed',
  'not-found': 'not found',
};

/** Obsidian tags may not contain spaces: "peace talks" becomes "peace-talks". */
function obsidianTag(tag: string): string {
  return tag.replace(/\s+/g, '-').replace(/[^\p{L}\p{N}_/-]/gu, '');
}

function noteBlock(note: Note): string {
  const lines: string[] = [];
  if (note.target.kind === 'quote') {
    for (const l of note.target.quote.split(/\r?\n/)) lines.push(`> ${escapeMarkdown(l)}`);
    lines.push('');
  }
  if (note.body.trim()) lines.push(escapeNoteMarkdown(note.body.trim()));
  const tags = note.tags.map(obsidianTag).filter(Boolean);
  if (tags.length) lines.push(`Tags: ${tags.map((t) => `#${t}`).join(' ')}`);
  return lines.join('\n');
}

function sectionOf(note: Note): string | null {
  const t = note.target;
  if (t.kind === 'section') return t.sectionId;
  if (t.kind === 'quote') return t.sectionId ?? null;
  return null;
}

function entryLine(entry: ReferenceEntry, n: number, check: CheckRecord | undefined): string {
  const flag = entry.hasLink ? '' : ' — **no link**';
  const status = check && check.status !== 'unchecked' ? ` — check: ${STATUS_LABEL[check.status]}${check.note ? ` (${escapeMarkdown(check.note)})` : ''}` : '';
  const link = entry.links[0] ? ` ${markdownUrl(entry.links[0])}` : '';
  return `${n}. ${escapeMarkdown(entry.text)}${link}${flag}${status}`;
}

export function pageToMarkdown({ page, notes, checks, exportedAt }: MarkdownInput, options: { frontMatter?: boolean } = {}): string {
  const out: string[] = [];
  const sorted = [...notes].sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id));
  const tags = [...new Set(sorted.flatMap((n) => n.tags.map(obsidianTag)).filter(Boolean))];
  if (options.frontMatter !== false) {
    out.push('---', `title: ${yamlString(page.title)}`, `source: ${yamlString(page.url)}`, `exported: ${yamlString(exportedAt)}`);
    if (tags.length) out.push(`tags: [${tags.map(yamlString).join(', ')}]`);
    out.push('---', '');
  }
  out.push(`# ${escapeMarkdown(page.title || page.url)}`, '', markdownUrl(page.url), '');

  if (page.outline.length) {
    out.push('## Outline', '');
    const minLevel = Math.min(...page.outline.map((o) => o.level));
    for (const item of page.outline) out.push(`${'  '.repeat(Math.max(0, item.level - minLevel))}- ${escapeMarkdown(item.text)}`);
    out.push('');
  }

  const known = new Set(page.outline.map((o) => o.id));
  const pageNotes = sorted.filter((n) => n.target.kind === 'page' || (n.target.kind !== 'entry' && !known.has(sectionOf(n) ?? '')));
  if (sorted.some((n) => n.target.kind !== 'entry')) {
    out.push('## Notes', '');
    if (pageNotes.length) {
      out.push('### On the page', '');
      for (const n of pageNotes) out.push(noteBlock(n), '');
    }
    for (const item of page.outline) {
      const here = sorted.filter((n) => n.target.kind !== 'entry' && sectionOf(n) === item.id);
      if (!here.length) continue;
      out.push(`### ${escapeMarkdown(item.text)}`, '');
      for (const n of here) out.push(noteBlock(n), '');
    }
  }

  const checkByFp = new Map(checks.map((c) => [c.fingerprint, c]));
  for (const list of page.referenceLists) {
    out.push(`## ${escapeMarkdown(list.heading || 'References')}`, '');
    const unlinked = list.entries.filter((e) => !e.hasLink).length;
    const verified = list.entries.filter((e) => checkByFp.get(entryFingerprint(e.text))?.status === 'verified').length;
    out.push(`${list.entries.length} entries, ${unlinked} without a link, ${verified} of ${list.entries.length} verified.`, '');
    list.entries.forEach((entry, i) => {
      const fp = entryFingerprint(entry.text);
      out.push(entryLine(entry, i + 1, checkByFp.get(fp)));
      for (const n of sorted.filter((x) => x.target.kind === 'entry' && x.target.fingerprint === fp)) {
        out.push('', ...noteBlock(n).split('\n').map((l) => (l ? `    ${l}` : '')), '');
      }
    });
    out.push('');
  }
  // Entry notes whose entry is no longer listed: kept, never dropped.
  const listed = new Set(page.referenceLists.flatMap((l) => l.entries.map((e) => entryFingerprint(e.text))));
  const lost = sorted.filter((n) => n.target.kind === 'entry' && !listed.has(n.target.fingerprint));
  if (lost.length) {
    out.push('## Notes on entries no longer listed', '');
    for (const n of lost) out.push(`> ${escapeMarkdown(n.target.kind === 'entry' ? n.target.entryText : '')}`, '', noteBlock(n), '');
  }
  return out.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd() + '\n';
}
