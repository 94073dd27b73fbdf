// @vitest-environment jsdom
// fake-indexeddb must load before Dexie: Dexie reads the indexedDB global when it is imported.
import 'fake-indexeddb/auto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { JSDOM } from 'jsdom';
import { pageToMarkdown } from '../../lib/export/markdown';
import { escapeMarkdown } from '../../lib/export/escape';
import { buildReport } from '../../lib/extract/report';
import { describeRange } from '../../lib/anchor/anchor';
import { saveNote, notesForPage } from '../../lib/store/notes';
import { setCheckStatus, checksForPage } from '../../lib/store/checks';
import { entryFingerprint } from '../../lib/store/fingerprint';
import { freshDb, unwrap } from '../store/helpers';
import { SEED_TITLE, SEED_URL, seedReport } from './seed-report';

const repoRoot = path.resolve(__dirname, '../..');
const SEED_HTML = path.resolve(repoRoot, 'tests/corpus/seed-article/source.html');
const GOLDEN = path.join(__dirname, '__golden__/seed.md');

describe('Markdown export', () => {
  it('the seed article with two notes matches the golden file', async () => {
    const report = seedReport();
    const dom = new JSDOM(readFileSync(SEED_HTML, 'utf8'), { url: SEED_URL });
    const doc = dom.window.document;
    // A real selection in the second section, described as the content script would.
    const p = [...doc.querySelectorAll('p')].find((x) => x.textContent!.startsWith('Importantly, progress'))!;
    const range = doc.createRange();
    range.setStart(p.firstChild!, 'Importantly, '.length);
    range.setEnd(p.firstChild!, 'Importantly, progress does not yet mean a finalized peace deal'.length);
    const selectors = describeRange(doc.body, range);
    dom.window.close();

    const db = freshDb();
    const reuters = report.referenceLists[0].entries[2];
    unwrap(await saveNote(db, { pageUrl: SEED_URL, pageTitle: SEED_TITLE, body: 'The key caveat: *frameworks*, not terms.\nCompare with the FT piece.', tags: ['ukraine', 'peace talks'],
      target: { kind: 'quote', quote: 'progress does not yet mean a finalized peace deal', selectors, sectionId: 'h3' } }, Date.UTC(2025, 11, 3)));
    unwrap(await saveNote(db, { pageUrl: SEED_URL, body: 'Find the Reuters original: no link given.', tags: ['to-check'],
      target: { kind: 'entry', entryId: reuters.id, fingerprint: entryFingerprint(reuters.text), entryText: reuters.text } }, Date.UTC(2025, 11, 4)));
    unwrap(await setCheckStatus(db, SEED_URL, report.referenceLists[0].entries[0], 'verified', 'aired 1 Dec', Date.UTC(2025, 11, 5)));
    unwrap(await setCheckStatus(db, SEED_URL, reuters, 'not-found', '', Date.UTC(2025, 11, 5)));

    const md = pageToMarkdown({
      page: { url: SEED_URL, title: report.title, outline: report.outline, referenceLists: report.referenceLists },
      notes: await notesForPage(db, SEED_URL),
      checks: await checksForPage(db, SEED_URL),
      exportedAt: '2025-12-06T00:00:00.000Z',
    });
    db.close();
    if (process.env.UPDATE_GOLDEN || !existsSync(GOLDEN)) writeFileSync(GOLDEN, md);
    expect(md).toBe(readFileSync(GOLDEN, 'utf8'));
  });

  it('escapes page text so a title or entry cannot inject links, images or HTML', () => {
    const md = pageToMarkdown({
      page: { url: 'https://e.org/a b', title: '[click](javascript:alert(1)) <img src=x onerror=alert(1)> ![x](y) [[Wiki]] #tag', outline: [{ id: 'h1', level: 2, text: '# not a heading', anchor: '', citations: 0 }], referenceLists: [] },
      notes: [], checks: [], exportedAt: 'now',
    });
    // The front matter holds the title as a YAML string (data, not rendered); the body must be inert.
    expect(md).toMatch(/^---\ntitle: "\[click\]/);
    const body = md.slice(md.indexOf('\n---\n') + 5);
    expect(body).not.toMatch(/(?<!\\)\[click\]/);
    expect(body).not.toMatch(/(?<!\\)<img/);
    expect(md).toContain('\\[click\\](javascript:alert(1)) \\<img src\\=x onerror\\=alert(1)\\> \\!\\[x\\](y) \\[\\[Wiki\\]\\] \\#tag');
    expect(md).toContain('<https://e.org/a%20b>');
    expect(md).toContain('- \\# not a heading');
    expect(escapeMarkdown('- item')).toBe('\\- item');
    expect(escapeMarkdown('1. first')).toBe('1\\. first');
    expect(escapeMarkdown('two\nlines')).toBe('two lines');
  });

  it('matches buildReport on the seed once the extractor lands (skipped while it is a placeholder)', () => {
    const dom = new JSDOM(readFileSync(SEED_HTML, 'utf8'), { url: SEED_URL });
    const real = buildReport(dom.window.document, SEED_URL);
    dom.window.close();
    if (real.outline.length === 0) return; // Placeholder extractor: nothing to compare yet.
    const hand = seedReport();
    expect(real.title).toBe(hand.title);
    expect(real.outline.map((o) => o.text)).toEqual(expect.arrayContaining(hand.outline.slice(1).map((o) => o.text)));
    expect(real.referenceLists[0].entries.map((e) => e.text.slice(0, 20))).toEqual(hand.referenceLists[0].entries.map((e) => e.text.slice(0, 20)));
  });
});
