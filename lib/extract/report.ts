// PLACEHOLDER until the extractor lands (issue 2): the real buildReport replaces this file.
import type { PageReport } from './types';
export interface ReportOptions { force?: boolean; budgetMs?: number; now?: () => number }
export function buildReport(doc: Document, url: string, _options: ReportOptions = {}): PageReport {
  return { version: 1, url, title: doc.title, isArticle: false, detection: { score: 0, reasons: [] }, outline: [], referenceLists: [],
    citations: { markers: [], uncited: [], dangling: [] }, stats: { elements: 0, headings: 0, lists: 0, entries: 0, unlinked: 0, words: 0 },
    timings: {}, truncated: false, errors: [] };
}
