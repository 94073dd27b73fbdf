/** Every saved page as one Markdown document (the library's "Export Markdown"). */
import { pagesByRecency } from '../store/bulk';
import { checksForPage } from '../store/checks';
import type { CitelensDb } from '../store/db';
import { notesForPage } from '../store/notes';
import { pageToMarkdown } from './markdown';

export async function exportAllMarkdown(db: CitelensDb, now: Date = new Date()): Promise<string> {
  const parts: string[] = [];
  for (const page of await pagesByRecency(db)) {
    const [notes, checks] = await Promise.all([notesForPage(db, page.url), checksForPage(db, page.url)]);
    parts.push(pageToMarkdown({ page, notes, checks, exportedAt: now.toISOString() }, { frontMatter: false }));
  }
  return parts.join('\n---\n\n');
}
