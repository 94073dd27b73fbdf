/** Shared helpers for extractor tests: load a corpus page into jsdom (and always close it: jsdom issue 4234). */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { NODE_BUDGET_MS, decodeHtml, parseHtml } from '../../cli/load';
import { type ReportOptions, buildReport } from '../../lib/extract/report';
import type { PageReport } from '../../lib/extract/types';

export const repoRoot = resolve(import.meta.dirname, '../..');
export const corpusDir = resolve(repoRoot, 'tests/corpus');

export function corpusFile(id: string): string {
  return join(corpusDir, id, 'source.html');
}

export function reportForHtml(html: string, url = 'https://example.org/article', options: ReportOptions = {}): PageReport {
  const dom = parseHtml(html, url);
  try {
    return buildReport(dom.window.document, url, { budgetMs: NODE_BUDGET_MS, ...options });
  } finally {
    dom.window.close();
  }
}

export function reportForFile(file: string, options: ReportOptions = {}): PageReport {
  const url = 'file://' + file;
  return reportForHtml(decodeHtml(readFileSync(file)), url, options);
}
