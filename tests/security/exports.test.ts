/**
 * Hardening suite, exports (issue #6): every payload of the injection corpus, placed in each place page or note text
 * reaches an export (reference entry text, entry link, heading, page title, page URL, note body, quote, tag, check
 * note), is written as Markdown, BibTeX, RIS and CSL-JSON; none may break out of its field or become markup, and its
 * words must still be in the file (kept, not dropped).
 */
import { describe, expect, it } from 'vitest';
import { Cite } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-ris';
import type { ReferenceEntry, ReferenceList } from '../../lib/extract/types';
import { toBibtex } from '../../lib/export/bibtex';
import { referencesToCsl } from '../../lib/export/csl';
import { pageToMarkdown } from '../../lib/export/markdown';
import { toRis } from '../../lib/export/ris';
import { entryFingerprint } from '../../lib/store/fingerprint';
import type { CheckRecord, Note } from '../../lib/store/types';
import { ALL_PAYLOADS, type Payload } from './payloads';

const PLACES = ['entry text', 'entry link', 'identifier', 'list heading', 'outline heading', 'page title', 'page url', 'note body', 'note quote', 'note tag', 'check note'] as const;
type Place = (typeof PLACES)[number];

function entry(id: string, text: string, extra: Partial<ReferenceEntry> = {}): ReferenceEntry {
  return { id, label: '1', text, links: [], identifiers: [], hasLink: false, linkState: 'none', citedBy: [], anchor: '', ...extra };
}

/** A page with one benign entry around the payload's place, so a break-out would show as an extra or a lost record. */
function fixture(p: Payload, place: Place) {
  const t = p.text;
  const at = (x: Place, fallback: string) => (place === x ? t : fallback);
  const payloadEntry = entry('r1-e2', at('entry text', 'Second entry, plain.'), {
    links: place === 'entry link' ? [t] : ['https://example.org/second'],
    identifiers: place === 'identifier' ? [{ type: 'doi', value: t, source: 'text' }, { type: 'isbn', value: t, source: 'text' }, { type: 'pmid', value: t, source: 'text' }, { type: 'pmcid', value: t, source: 'text' }, { type: 'arxiv', value: t, source: 'text' }] : [],
    hasLink: true,
  });
  const lists: ReferenceList[] = [{ id: 'r1', heading: at('list heading', 'References'), kind: 'references', entries: [entry('r1-e1', 'First entry, plain.'), payloadEntry, entry('r1-e3', 'Third entry, plain.')] }];
  const url = at('page url', 'https://example.org/article');
  const outline = [{ id: 'h1', level: 1, text: 'Title', anchor: '', citations: 0 }, { id: 'h2', level: 2, text: at('outline heading', 'Section'), anchor: '', citations: 0 }];
  const note = (id: string, target: Note['target'], body: string, tags: string[]): Note => ({ id, pageUrl: url, target, body, tags, createdAt: 1, updatedAt: 1 });
  const notes: Note[] = [
    note('n1', { kind: 'page' }, at('note body', 'A page note.'), [at('note tag', 'tag')]),
    note('n2', { kind: 'quote', quote: at('note quote', 'a quote'), selectors: [], sectionId: 'h2' }, 'On the quote.', []),
    note('n3', { kind: 'entry', entryId: 'r1-e2', fingerprint: entryFingerprint(payloadEntry.text), entryText: payloadEntry.text }, 'On the entry.', []),
  ];
  const checks: CheckRecord[] = [{ id: `${url} ${entryFingerprint(payloadEntry.text)}`, pageUrl: url, fingerprint: entryFingerprint(payloadEntry.text), entryId: 'r1-e2', entryText: payloadEntry.text, status: 'disputed', note: at('check note', ''), updatedAt: 1 }];
  return { page: { url, title: at('page title', 'A title'), outline, referenceLists: lists }, notes, checks };
}

/** Undo Markdown backslash escapes and %-encoding of autolinks, to find the payload's words again. */
const unescapeMd = (md: string) => md.replace(/\\(.)/g, '$1').replace(/%20|%0A|%0D/g, ' ');
const words = (text: string) => [...new Set(text.match(/[A-Za-z]{4,}/g) ?? [])].slice(0, 6);

/** Problems a Markdown export shows; [] when it is inert. */
function markdownProblems(md: string): string[] {
  const problems: string[] = [];
  // Front matter is YAML data, not rendered: checked separately (it must stay three keys and a fence).
  const fm = md.match(/^---\n([\s\S]*?)\n---\n/);
  if (fm) {
    for (const l of fm[1].split('\n')) if (!/^(title|source|exported): "/.test(l) && !/^tags: \[/.test(l)) problems.push(`front matter line: ${l.slice(0, 60)}`);
  }
  const body = fm ? md.slice(fm[0].length) : md;
  if (/(?<!\\)<\s*script/i.test(body)) problems.push('raw <script');
  for (const m of body.matchAll(/(?<!\\)<([A-Za-z/!?][^>\n]*)>?/g)) if (!/^https?:\/\//.test(m[1])) problems.push(`raw HTML or non-http autolink <${m[1].slice(0, 40)}`);
  for (const m of body.matchAll(/(?<![\\!])\[((?:[^\]\\\n]|\\.)*)\]\(([^)\n]*)\)?/g)) if (!/^<?https?:\/\//.test(m[2])) problems.push(`link to ${m[2].slice(0, 40)}`);
  if (/(?<!\\)!\[/.test(body)) problems.push('image');
  for (const m of body.matchAll(/^ {0,3}(?<!\\)\[[^\]\n]+\]:\s*(\S*)/gm)) if (!/^<?https?:\/\//.test(m[1])) problems.push(`link definition ${m[1].slice(0, 40)}`);
  return problems;
}

/** Unescaped braces must balance at depth ≥ 0 and each @entry must open at depth 0. */
function bibtexProblems(bib: string, expected: number): string[] {
  const problems: string[] = [];
  let depth = 0;
  let entries = 0;
  for (let i = 0; i < bib.length; i++) {
    const c = bib[i];
    if (c === '\\') {
      i++;
      continue;
    }
    if (c === '{') depth++;
    else if (c === '}') depth--;
    else if (c === '@' && depth === 0) entries++;
    if (depth < 0) problems.push(`brace closes below depth 0 at ${i}`);
  }
  if (depth !== 0) problems.push(`braces unbalanced (${depth})`);
  if (entries !== expected) problems.push(`${entries} @entries, expected ${expected}`);
  return problems;
}

/** Every line a tag line; one TY and one ER per record. Split on every line break a reader might honour. */
function risProblems(ris: string, expected: number): string[] {
  const problems: string[] = [];
  const lines = ris.split(/\r\n|[\n\r\v\f\u0085\u001c-\u001e\u2028\u2029]/);
  for (const l of lines) if (l !== '' && !/^[A-Z][A-Z0-9]  - /.test(l)) problems.push(`line: ${JSON.stringify(l.slice(0, 40))}`);
  const ty = lines.filter((l) => l.startsWith('TY  - ')).length;
  const er = lines.filter((l) => l.startsWith('ER  - ')).length;
  if (ty !== expected || er !== expected) problems.push(`${ty} TY and ${er} ER, expected ${expected}`);
  // Records alternate TY … ER.
  let open = false;
  for (const l of lines) {
    if (l.startsWith('TY  - ')) {
      if (open) problems.push('TY inside a record');
      open = true;
    } else if (l.startsWith('ER  - ')) {
      if (!open) problems.push('ER outside a record');
      open = false;
    } else if (l !== '' && !open) problems.push('field outside a record');
  }
  return problems;
}

describe('exports: the injection corpus cannot break out', () => {
  const broke: string[] = [];
  let tried = 0;

  for (const p of ALL_PAYLOADS) {
    it(`payload "${p.name}" in ${PLACES.length} places`, () => {
      for (const place of PLACES) {
        const { page, notes, checks } = fixture(p, place);
        const fail = (format: string, problems: string[]) => {
          for (const problem of problems) broke.push(`${p.name} @ ${place} → ${format}: ${problem}`);
        };
        tried += 1;

        const md = pageToMarkdown({ page, notes, checks, exportedAt: '2026-01-01T00:00:00.000Z' });
        fail('markdown', markdownProblems(md));
        // Kept and visible: the payload's words are in the Markdown (page URL lives in an autolink / front matter).
        const plain = unescapeMd(md);
        const expectWords = place === 'entry link' || place === 'identifier' ? [] : place === 'note tag' ? [] : words(p.text);
        for (const w of expectWords) if (!plain.includes(w)) fail('markdown', [`lost the word "${w}"`]);

        const csl = referencesToCsl(page.referenceLists);
        const cslText = JSON.stringify(csl);
        const back = JSON.parse(cslText) as typeof csl;
        if (back.length !== 3) fail('csl', [`${back.length} items`]);
        if (place === 'entry text' && back[1].title !== p.text) fail('csl', ['title changed']);

        fail('bibtex', bibtexProblems(toBibtex(csl), 3));
        fail('ris', risProblems(toRis(csl), 3));
      }
    });
  }

  it('prints the count: 0 broke out', () => {
    console.log(`[security] exports: ${ALL_PAYLOADS.length} payloads × ${PLACES.length} places × 4 formats (Markdown, BibTeX, RIS, CSL-JSON) tried, ${broke.length} broke out`);
    for (const b of broke.slice(0, 40)) console.log(`  ${b}`);
    expect(tried).toBe(ALL_PAYLOADS.length * PLACES.length);
    expect(broke).toEqual([]);
  });

  it('citation-js reads our BibTeX and RIS of the payload entries back as the same number of records, titles intact', () => {
    const small = ALL_PAYLOADS.filter((p) => p.text.length < 10_000);
    const lists: ReferenceList[] = [{ id: 'r1', heading: 'R', kind: 'references', entries: small.map((p, i) => entry(`r1-e${i + 1}`, p.text)) }];
    const csl = referencesToCsl(lists);
    const fromRis = new Cite(toRis(csl), { forceType: '@ris/file' }).data as Array<{ title?: string }>;
    expect(fromRis).toHaveLength(small.length);
    const oneLine = (s: string) => s.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ').replace(/\s+/g, ' ').trim();
    expect(fromRis.map((d) => d.title)).toEqual(csl.map((c) => oneLine(c.title)));
    const fromBib = new Cite(toBibtex(csl), { forceType: '@biblatex/text' }).data as Array<{ title?: string }>;
    expect(fromBib).toHaveLength(small.length);
    for (const [i, d] of fromBib.entries()) for (const w of words(small[i].text)) expect(d.title ?? '').toContain(w);
  });

  it('the checks themselves catch a break-out (they are not vacuous)', () => {
    expect(markdownProblems('# t\n\n[x](javascript:alert(1)) <script>x</script> ![](http://e/)').length).toBeGreaterThanOrEqual(3);
    expect(bibtexProblems('@misc{a,\n title = {x}}\n@misc{b, title={y}}\n', 1)).not.toEqual([]);
    expect(bibtexProblems('@misc{a, title = {}}}\n', 1)).not.toEqual([]);
    expect(risProblems('TY  - JOUR\r\nTI  - a\nTY  - BOOK\r\nER  - \r\n', 1)).not.toEqual([]);
    expect(risProblems('TY  - JOUR\r\nTI  - a\u0085ER  - \r\nER  - \r\n', 1)).not.toEqual([]);
  });
});
