/** Saved pages as Markdown: every page as one document (the library's "Export Markdown"), or one page's notes. */
import { checksForPage } from '../store/checks';
import type { CitelensDb } from '../store/db';
import { notesForPage } from '../store/notes';
import { getPage, pagesByRecency } from '../store/pages';
import type { PageRecord } from '../store/types';
import { normalizeUrl } from '../store/url';
import { fileStem } from './escape';
import { pageToMarkdown } from './markdown';

export async function exportAllMarkdown(db: CitelensDb, now: Date = new Date()): Promise<string> {
  const parts: string[] = [];
  for (const page of await pagesByRecency(db)) {
    const [notes, checks] = await Promise.all([notesForPage(db, page.url), checksForPage(db, page.url)]);
    parts.push(pageToMarkdown({ page, notes, checks, exportedAt: now.toISOString() }, { frontMatter: false }));
  }
  return parts.join('\n---\n\n');
}

type PageShape = Pick<PageRecord, 'url' | 'title' | 'outline' | 'referenceLists'>;

/**
 * One page with its notes and checks, front matter included (a file of its own). `current` is the page as the panel
 * reads it now; without it, the saved snapshot is used.
 */
export async function exportPageMarkdown(db: CitelensDb, pageUrl: string, now: Date = new Date(), current?: PageShape): Promise<string> {
  const url = normalizeUrl(pageUrl);
  const saved = current ? undefined : await getPage(db, url);
  const page: PageShape = current ?? saved ?? { url, title: '', outline: [], referenceLists: [] };
  const [notes, checks] = await Promise.all([notesForPage(db, url), checksForPage(db, url)]);
  return pageToMarkdown({ page, notes, checks, exportedAt: now.toISOString() });
}

/** A file name for a page's Markdown: its title's words, else its host. */
export function markdownFilename(title: string, url: string): string {
  const words = fileStem(title).toLowerCase();
  let host = '';
  try {
    host = new URL(url).hostname;
  } catch {
    /* not a URL: no host */
  }
  return `${words || host || 'page'}-notes.md`;
}
