// The store functions behind the library page: search highlighting, page filters, asking for persistent storage.
// fake-indexeddb must load before Dexie: Dexie reads the indexedDB global when it is imported.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { saveNote } from '../../lib/store/notes';
import { setCheckStatus } from '../../lib/store/checks';
import { filterPages } from '../../lib/store/pages';
import { askPersistOnce } from '../../lib/store/status';
import { matchSpans } from '../../lib/store/words';
import { freshDb, unwrap } from './helpers';

describe('matchSpans', () => {
  it('marks whole words starting with a query term, folded as the index folds them', () => {
    expect(matchSpans('Security guarantees, not a Café deal', 'secur cafe')).toEqual([
      { text: 'Security', match: true },
      { text: ' guarantees, not a ', match: false },
      { text: 'Café', match: true },
      { text: ' deal', match: false },
    ]);
  });

  it('keeps a decomposed accent inside its word and leaves markup as plain text', () => {
    expect(matchSpans('cafe\u0301 <b>bar</b>', 'caf bar')).toEqual([
      { text: 'cafe\u0301', match: true },
      { text: ' <b>', match: false },
      { text: 'bar', match: true },
      { text: '</b>', match: false },
    ]);
  });

  it('returns the text unmarked for an empty query, and nothing for an empty text', () => {
    expect(matchSpans('Plain text', '  ')).toEqual([{ text: 'Plain text', match: false }]);
    expect(matchSpans('', 'x')).toEqual([]);
  });
});

describe('filterPages', () => {
  it('narrows by tag and by check status, both at once, or not at all', async () => {
    const db = freshDb();
    unwrap(await saveNote(db, { pageUrl: 'https://a.org/1', target: { kind: 'page' }, body: 'one', tags: ['war'] }, 1));
    unwrap(await saveNote(db, { pageUrl: 'https://b.org/2', target: { kind: 'page' }, body: 'two', tags: ['war'] }, 2));
    unwrap(await setCheckStatus(db, 'https://b.org/2', { id: 'e1', text: 'Some entry' }, 'disputed'));
    expect(await filterPages(db, {})).toBeNull();
    expect(await filterPages(db, { tag: 'war' })).toEqual(new Set(['https://a.org/1', 'https://b.org/2']));
    expect(await filterPages(db, { status: 'disputed' })).toEqual(new Set(['https://b.org/2']));
    expect(await filterPages(db, { tag: 'war', status: 'verified' })).toEqual(new Set());
    db.close();
  });
});

describe('askPersistOnce', () => {
  it('asks the browser once and says what it answered; later calls do not ask again', async () => {
    const db = freshDb();
    let asked = 0;
    const nav = { storage: { persisted: async () => false, persist: async () => (asked++, false) } };
    expect(await askPersistOnce(db, nav, 5)).toBe('refused');
    expect(await askPersistOnce(db, nav, 6)).toBeNull();
    expect(asked).toBe(1);
    db.close();
  });

  it('counts storage already kept as granted without asking, and a browser without the API as unsupported', async () => {
    const kept = freshDb();
    let asked = 0;
    expect(await askPersistOnce(kept, { storage: { persisted: async () => true, persist: async () => (asked++, true) } })).toBe('granted');
    expect(asked).toBe(0);
    const bare = freshDb();
    expect(await askPersistOnce(bare, {})).toBe('unsupported');
    kept.close();
    bare.close();
  });
});
