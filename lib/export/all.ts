/** Every saved page as one Markdown document (the library's "Export Markdown"). */
import { checksForPage } from '../store/checks';
import type { CitelensDb } from '../store/db';
import { notesForPage } from '../store/notes';
import { pageToMarkdown } from './markdown';

export async function exportAllMarkdown(db: CitelensDb, now: Date = new Date()): Promise<string> {
  const pages = await db.pages.orderBy('updatedAt').reverse().toArray();
  const parts: string[] = [];
  for (const page of pages) {
    const [notes, checks] = await Promise.all([notesForPage(db, page.url), checksForPage(db, page.url)]);
    parts.push(pageToMarkdown({ page, notes, checks, exportedAt: now.toISOString() }, { frontMatter: false }));
  }
  return parts.join('\n---\n\n');
}
