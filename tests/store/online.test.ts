/**
 * Schema v5 (online checks): an old database opens with every row kept and the new tables empty; consent is per
 * service and only an explicit yes counts; lookups, results and decisions are kept per page and survive reopening.
 * Recipe as in schema.test.ts: build the old version with applySchema(db, 4), write rows, close, reopen with createDb.
 */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import { createDb } from '../../lib/store/db';
import { applySchema, LATEST_VERSION } from '../../lib/store/schema';
import { notesForPage, saveNote } from '../../lib/store/notes';
import { searchNotes } from '../../lib/store/search';
import { checksForPage } from '../../lib/store/checks';
import { consentMap, decideMatch, getOnlineSettings, lookupCache, matchesForPage, ONLINE_SETTINGS_KEY, resultsForPage, saveEntryResult, setConsent } from '../../lib/store/online';
import { freshDb, unwrap } from './helpers';

const PAGE = 'https://news.example/story?utm_source=x#refs';
const ENTRY = { id: 'r1-e4', text: 'Egevang C (2010). Seasonal migration of the arctic tern. PNAS.' };

describe('v4 → v5', () => {
  it('keeps notes, pages, checks and meta, and adds empty online tables', async () => {
    const name = 'upgrade-v4-online';
    const db4 = new Dexie(name);
    applySchema(db4, 4);
    await db4.open();
    expect(db4.verno).toBe(4);
    await db4.table('pages').add({ url: 'https://a.org/', title: 'A' });
    await db4.table('checks').add({ id: 'c1', pageUrl: 'https://a.org/', status: 'verified' });
    await db4.table('meta').add({ key: 'lastBackupAt', value: 5 });
    db4.close();
    const db = createDb(name);
    await db.open();
    expect(db.verno).toBe(LATEST_VERSION);
    expect(await db.pages.count()).toBe(1);
    expect((await checksForPage(db, 'https://a.org/')).map((c) => c.id)).toEqual(['c1']);
    expect(await db.meta.get('lastBackupAt')).toEqual({ key: 'lastBackupAt', value: 5 });
    expect(await db.lookups.count()).toBe(0);
    expect(await db.onlineResults.count()).toBe(0);
    expect(await db.onlineMatches.count()).toBe(0);
    db.close();
  });

  it('notes saved at v4 are found at v5', async () => {
    const name = 'upgrade-v4-notes';
    const v4 = new Dexie(name) as ReturnType<typeof createDb>;
    applySchema(v4, 4);
    unwrap(await saveNote(v4, { pageUrl: 'https://a.org/', target: { kind: 'page' }, body: 'Kept across the online schema', tags: ['t'] }, 1));
    v4.close();
    const db = createDb(name);
    await db.open();
    expect(db.verno).toBe(5);
    expect((await notesForPage(db, 'https://a.org/')).map((n) => n.body)).toEqual(['Kept across the online schema']);
    expect((await searchNotes(db, 'online schema')).length).toBe(1);
    db.close();
  });
});

describe('consent per service', () => {
  it('nothing is consented to before the reader answers; each answer is kept with its date', async () => {
    const db = freshDb();
    expect(await getOnlineSettings(db)).toEqual({ consent: {} });
    expect(consentMap(await getOnlineSettings(db))).toEqual({ crossref: false, wayback: false, sites: false, unpaywall: false, openalex: false });
    unwrap(await setConsent(db, { crossref: true, wayback: true, sites: false }, 100));
    expect(await getOnlineSettings(db)).toEqual({ consent: { crossref: { allowed: true, at: 100 }, wayback: { allowed: true, at: 100 }, sites: { allowed: false, at: 100 } } });
    unwrap(await setConsent(db, { wayback: false }, 200, 'reader@example.org'));
    const s = await getOnlineSettings(db);
    expect(consentMap(s)).toEqual({ crossref: true, wayback: false, sites: false, unpaywall: false, openalex: false });
    expect(s.mailto).toBe('reader@example.org');
    unwrap(await setConsent(db, {}, 300, ''));
    expect((await getOnlineSettings(db)).mailto).toBeUndefined();
  });

  it('Unpaywall and OpenAlex count as consented only with their own yes and the address or key they require', async () => {
    const db = freshDb();
    unwrap(await setConsent(db, { unpaywall: true, openalex: true }, 100));
    expect(consentMap(await getOnlineSettings(db))).toMatchObject({ unpaywall: false, openalex: false });
    unwrap(await setConsent(db, {}, 200, 'reader@example.org', 'key-0123456789'));
    expect(consentMap(await getOnlineSettings(db))).toMatchObject({ unpaywall: true, openalex: true });
    unwrap(await setConsent(db, { unpaywall: false }, 300));
    expect(consentMap(await getOnlineSettings(db))).toMatchObject({ unpaywall: false, openalex: true });
    unwrap(await setConsent(db, { unpaywall: true }, 400, undefined, ''));
    const s = await getOnlineSettings(db);
    expect(s.openalexKey).toBeUndefined();
    expect(consentMap(s)).toMatchObject({ unpaywall: true, openalex: false });
  });

  it('a malformed address or key in the settings row is as good as none', async () => {
    const db = freshDb();
    await db.meta.put({ key: ONLINE_SETTINGS_KEY, value: { consent: { unpaywall: { allowed: true, at: 1 }, openalex: { allowed: true, at: 1 } }, mailto: 'no address', openalexKey: 'has spaces in it' } });
    const s = await getOnlineSettings(db);
    expect(s.mailto).toBeUndefined();
    expect(s.openalexKey).toBeUndefined();
    expect(consentMap(s)).toMatchObject({ unpaywall: false, openalex: false });
  });

  it.each([null, 'yes', 5, { consent: 'all' }, { consent: { crossref: 'true', sites: { allowed: 1, at: 1 } } }, { consent: { crossref: { allowed: true } } }])('a malformed settings row %j consents to nothing', async (value) => {
    const db = freshDb();
    await db.meta.put({ key: ONLINE_SETTINGS_KEY, value });
    expect(consentMap(await getOnlineSettings(db))).toEqual({ crossref: false, wayback: false, sites: false, unpaywall: false, openalex: false });
  });
});

describe('lookups, results and decisions', () => {
  it('the lookup cache keeps answers and address histories', async () => {
    const db = freshDb();
    const cache = lookupCache(db);
    await cache.put({ key: 'url:https://a.org/x', kind: 'url', checkedAt: 5, result: { status: 'gone' }, history: [{ at: 5, status: 'gone', code: 404 }] });
    expect(await cache.get('url:https://a.org/x')).toEqual({ key: 'url:https://a.org/x', kind: 'url', checkedAt: 5, result: { status: 'gone' }, history: [{ at: 5, status: 'gone', code: 404 }] });
    expect(await cache.get('doi:10.1/none')).toBeUndefined();
    await db.lookups.put({ key: 'doi:bad', kind: 'doi' } as never);
    expect(await cache.get('doi:bad')).toBeUndefined();
  });

  it("an entry's results and the reader's decision are kept per page (normalised URL), by the entry's text", async () => {
    const db = freshDb();
    unwrap(await saveEntryResult(db, PAGE, ENTRY, { checkedAt: 7, match: { doi: '10.5555/tern', title: 'Seasonal migration', score: 0.93 } }));
    const results = await resultsForPage(db, 'https://news.example/story');
    expect([...results.values()]).toEqual([{ checkedAt: 7, match: { doi: '10.5555/tern', title: 'Seasonal migration', score: 0.93 } }]);
    unwrap(await decideMatch(db, PAGE, ENTRY, { doi: '10.5555/tern', title: 'Seasonal migration', score: 0.93 }, 'accepted', 9));
    const matches = await matchesForPage(db, 'https://news.example/story');
    expect([...matches.values()].map((m) => [m.entryId, m.decision, m.candidate.doi, m.decidedAt])).toEqual([['r1-e4', 'accepted', '10.5555/tern', 9]]);
    unwrap(await decideMatch(db, PAGE, ENTRY, { doi: '10.5555/tern', title: 'Seasonal migration', score: 0.93 }, 'rejected', 10));
    expect([...(await matchesForPage(db, PAGE)).values()].map((m) => m.decision)).toEqual(['rejected']);
  });
});
