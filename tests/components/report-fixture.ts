/** Small PageReport builders for the panel's component tests. */
import type { OutlineItem, PageReport, ReferenceEntry, ReferenceList } from '@/lib/extract/types';

export function entry(n: number, patch: Partial<ReferenceEntry> = {}, listId = 'r1'): ReferenceEntry {
  return {
    id: `${listId}-e${n}`,
    label: String(n),
    text: `Author ${n}. Title number ${n}. Publisher, 2024.`,
    links: [],
    identifiers: [],
    hasLink: false,
    linkState: 'none',
    citedBy: [],
    anchor: '',
    ...patch,
  };
}

export function list(entries: ReferenceEntry[], patch: Partial<ReferenceList> = {}): ReferenceList {
  return { id: 'r1', heading: 'References', kind: 'references', entries, ...patch };
}

export function heading(n: number, level: number, text: string, citations = 0): OutlineItem {
  return { id: `h${n}`, level, text, anchor: '', citations };
}

export function report(patch: Partial<PageReport> = {}): PageReport {
  return {
    version: 1,
    url: 'https://news.example/story',
    title: 'A story',
    isArticle: true,
    detection: { score: 10, reasons: ['11 paragraphs'] },
    outline: [],
    referenceLists: [],
    citations: { markers: [], uncited: [], dangling: [] },
    stats: { elements: 0, headings: 0, lists: 0, entries: 0, unlinked: 0, words: 0 },
    timings: {},
    truncated: false,
    errors: [],
    ...patch,
  };
}
