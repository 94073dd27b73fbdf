/**
 * "Check online" for the References tab (issue 24): a consent screen that says what is sent where, progress with
 * cancel (what is done is kept), a count of findings at the top, and each checked entry's results. Nothing is sent
 * before the reader asks. Every string from a service is rendered as text; links only through safeHttpUrl.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { PageReport, ReferenceEntry } from '@/lib/extract/types';
import { safeHttpUrl } from '@/lib/links';
import { checkEntries, formatSummary, summarize } from '@/lib/online/check';
import { DEFAULT_CROSSREF_API, updateKind } from '@/lib/online/crossref';
import { DEFAULT_OPENALEX_API } from '@/lib/online/openalex';
import { DEFAULT_UNPAYWALL_API } from '@/lib/online/unpaywall';
import type { HostGuardOptions } from '@/lib/online/hosts';
import { crossrefClient, type OnlineClient, type FetchLike } from '@/lib/online/http';
import { doiUrl, isApiKey, isEmail } from '@/lib/online/text';
import { OPEN_ACCESS_SERVICES, type EntryOnline, type LinkResult, type MatchCandidate, type OpenAccessCopy, type OpenAccessService, type Service } from '@/lib/online/types';
import { entryFingerprint } from '@/lib/store/fingerprint';
import { consentMap, decideMatch, getOnlineSettings, lookupCache, matchesForPage, resultsForPage, saveEntryResult, setConsent, type OnlineSettings } from '@/lib/store/online';
import type { OnlineMatchRecord } from '@/lib/store/types';
import { useNotesEnv } from '@/components/notes/env';
import type { BadgeFindings } from '@/lib/background/toolbar';

export interface OnlineEndpoints {
  crossref?: string;
  wayback?: string;
  unpaywall?: string;
  openalex?: string;
}

export interface OnlineChecksProps {
  report: PageReport;
  /** The extension page's fetch (tests: a fake); the <all_urls> host grant lets it reach any site. */
  fetch?: FetchLike;
  endpoints?: OnlineEndpoints;
  guard?: HostGuardOptions;
  /** What the shown results found that the toolbar badge counts (retracted works, dead cited links). */
  onFindings?(findings: BadgeFindings): void;
}

/** What each service receives, as the consent screen says it. */
export const SERVICE_TEXT: Record<Service, { name: string; sends: string }> = {
  crossref: { name: 'Crossref (api.crossref.org)', sends: "each entry's DOI, and the text of entries without a link (to search for the work)" },
  sites: { name: 'The cited sites', sends: 'a request for each cited web address, to its own site, with no cookies' },
  wayback: { name: 'Internet Archive (archive.org)', sends: 'each address that is gone, moved or unreachable, to look for an archived copy' },
  unpaywall: {
    name: 'Unpaywall (api.unpaywall.org)',
    sends: 'the DOI of each entry Crossref resolved, with your e-mail address (Unpaywall requires one; Crossref then gets it too, for its faster polite pool), to find an open-access copy',
  },
  openalex: { name: 'OpenAlex (api.openalex.org)', sends: 'the DOI of each entry Crossref resolved that Unpaywall has no copy of, with your API key, to find an open-access copy' },
};
const ORDER: Service[] = ['crossref', 'sites', 'wayback'];
const OA_FIELD: Record<OpenAccessService, { label: string; missing: string }> = {
  unpaywall: { label: 'Your e-mail address, for Unpaywall', missing: 'Give an e-mail address for Unpaywall, or leave it unticked.' },
  openalex: { label: 'Your OpenAlex API key', missing: 'Give an OpenAlex API key, or leave it unticked.' },
};

/** The e-mail address (Unpaywall) or key (OpenAlex, masked) field; `onInput` while typing, `onCommit` when left. */
function GivenField({ service, value, onInput, onCommit }: { service: OpenAccessService; value: string; onInput?(v: string): void; onCommit?(v: string): void }) {
  const props = {
    'aria-label': OA_FIELD[service].label,
    autocomplete: 'off',
    value,
    onInput: (e: Event) => onInput?.((e.currentTarget as HTMLInputElement).value),
    onChange: (e: Event) => onCommit?.((e.currentTarget as HTMLInputElement).value),
  };
  return service === 'unpaywall' ? <input type="email" {...props} /> : <input type="password" {...props} />;
}
const OA_SOURCE: Record<OpenAccessService, string> = { unpaywall: 'Unpaywall', openalex: 'OpenAlex' };

type Phase = { kind: 'idle' } | { kind: 'consent' } | { kind: 'running'; done: number; total: number } | { kind: 'finished'; cancelled: boolean };

function daysAgo(at: number, now: number): string {
  const d = Math.floor((now - at) / 86_400_000);
  return d <= 0 ? 'today' : d === 1 ? 'yesterday' : `${d} days ago`;
}

function Ext({ href, children }: { href: string | undefined; children: preact.ComponentChildren }) {
  const safe = href ? safeHttpUrl(href) : null;
  return safe ? (
    <a href={safe} target="_blank" rel="noopener noreferrer">
      {children}
    </a>
  ) : (
    <span>{children}</span>
  );
}

const LINK_TEXT: Record<LinkResult['status'], string> = {
  ok: 'alive',
  moved: 'moved',
  gone: 'gone',
  unreachable: 'unreachable now',
  skipped: 'not checked',
};

function LinkLine({ link }: { link: LinkResult }) {
  let text = LINK_TEXT[link.status];
  if (link.status === 'moved' && link.softNotFound) text = 'moved to the home page (likely gone)';
  if (link.dead && link.status !== 'gone') text = 'dead (failed on several days)';
  return (
    <li>
      <span class="url">{link.url}</span>: {text}
      {link.code ? ` (HTTP ${link.code})` : ''}
      {link.reason && link.status !== 'ok' ? ` — ${link.reason}` : ''}
      {link.archived && (
        <>
          {' · '}
          <Ext href={link.archived}>archived copy{link.archivedAt ? ` (${link.archivedAt.slice(0, 4)}-${link.archivedAt.slice(4, 6)}-${link.archivedAt.slice(6, 8)})` : ''}</Ext>
        </>
      )}
    </li>
  );
}

/** "Open-access copy" as a link (only an http(s) address is ever an href), then what it is and where it was found. */
function OpenAccessLine({ copy }: { copy: OpenAccessCopy }) {
  const what = [copy.pdf ? 'PDF' : '', copy.version ?? '', `via ${OA_SOURCE[copy.source] ?? copy.source}`].filter(Boolean).join(', ');
  return (
    <p class="open-access">
      <Ext href={copy.url}>Open-access copy</Ext> ({what})
    </p>
  );
}

function EntryResult({ entry, result, decision, onDecide }: { entry: ReferenceEntry; result: EntryOnline; decision?: OnlineMatchRecord; onDecide(c: MatchCandidate, d: 'accepted' | 'rejected'): void }) {
  const d = result.doi;
  return (
    <li class="online-entry" aria-label={`Online results for entry ${entry.label || entry.id}`}>
      <p class="entry-text">{entry.text.length > 140 ? entry.text.slice(0, 140) + '…' : entry.text}</p>
      {d && d.status === 'resolved' && (
        <p>
          DOI resolves: <Ext href={doiUrl(d.value)}>{d.title || d.value}</Ext>
          {d.year ? ` (${d.year}${d.venue ? `, ${d.venue}` : ''})` : ''}
          {d.agrees === false && <strong class="finding"> The DOI points to another work than the entry names.</strong>}
        </p>
      )}
      {d && d.status === 'not-found' && <p class="finding">DOI {d.value} is not registered with Crossref.</p>}
      {d && d.status === 'error' && <p>DOI not checked: {d.error}</p>}
      {result.retraction && result.retraction.updates.length > 0 && (
        <ul class="updates" aria-label="Editorial updates">
          {result.retraction.updates.map((u, i) => (
            <li key={i}>
              <span class={updateKind(u.type) === 'retracted' ? 'badge badge-retracted' : 'badge'}>{u.label || u.type.replace(/_/g, ' ')}</span>{' '}
              {u.notice ? <Ext href={u.notice}>notice</Ext> : null}
              {u.updated ? ` ${u.updated}` : ''}
              {u.source ? ` · ${u.source}` : ''}
            </li>
          ))}
        </ul>
      )}
      {result.openAccess && <OpenAccessLine copy={result.openAccess} />}
      {result.links && result.links.length > 0 && (
        <ul class="links" aria-label="Cited addresses">
          {result.links.map((l) => (
            <LinkLine key={l.url} link={l} />
          ))}
        </ul>
      )}
      {result.match && decision?.decision !== 'rejected' && (
        decision?.decision === 'accepted' ? (
          <p>
            linked: found online — <Ext href={doiUrl(decision.candidate.doi)}>{decision.candidate.title}</Ext>
          </p>
        ) : (
          <p>
            Candidate: <Ext href={doiUrl(result.match.doi)}>{result.match.title}</Ext> (confidence {Math.round(result.match.score * 100)}%){' '}
            <button type="button" onClick={() => onDecide(result.match!, 'accepted')}>
              Accept
            </button>{' '}
            <button type="button" onClick={() => onDecide(result.match!, 'rejected')}>
              Reject
            </button>
          </p>
        )
      )}
      {result.errors?.map((e, i) => (
        <p key={i} class="error">
          {e}
        </p>
      ))}
    </li>
  );
}

export function OnlineChecks({ report, fetch: fetchFn, endpoints, guard, onFindings }: OnlineChecksProps) {
  const env = useNotesEnv();
  const entries = report.referenceLists.flatMap((l) => l.entries);
  const [settings, setSettings] = useState<OnlineSettings | null>(null);
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const [results, setResults] = useState<Map<string, EntryOnline>>(new Map());
  const [decisions, setDecisions] = useState<Map<string, OnlineMatchRecord>>(new Map());
  const [choice, setChoice] = useState<Record<Service, boolean>>({ crossref: true, sites: true, wayback: true, unpaywall: false, openalex: false });
  /** What the reader types for Unpaywall (an e-mail address) and OpenAlex (a key) on the consent screen. */
  const [given, setGiven] = useState<Record<OpenAccessService, string>>({ unpaywall: '', openalex: '' });
  /** The settings' fields while being edited (null: showing what is saved), so a re-render does not undo the typing. */
  const [drafts, setDrafts] = useState<Record<OpenAccessService, string | null>>({ unpaywall: null, openalex: null });
  const [error, setError] = useState<string | null>(null);
  const client = useRef<OnlineClient | null>(null);
  const consentRef = useRef<HTMLDivElement>(null);
  const checkButton = useRef<HTMLButtonElement>(null);
  // The consent screen takes the focus when it opens; closing it gives the focus back to "Check online".
  useEffect(() => {
    if (phase.kind === 'consent') consentRef.current?.querySelector('input')?.focus();
  }, [phase.kind]);
  const notNow = () => {
    setPhase({ kind: 'idle' });
    setTimeout(() => checkButton.current?.focus(), 0);
  };

  // What earlier checks found for this page (by entry text), and the reader's settings. Reads only: nothing is sent.
  useEffect(() => {
    let live = true;
    void (async () => {
      const [s, stored, matches] = await Promise.all([getOnlineSettings(env.db), resultsForPage(env.db, report.url), matchesForPage(env.db, report.url)]);
      if (!live) return;
      setSettings(s);
      const byId = new Map<string, EntryOnline>();
      for (const e of entries) {
        const r = stored.get(entryFingerprint(e.text));
        if (r) byId.set(e.id, r);
      }
      setResults(byId);
      setDecisions(matches);
    })().catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)));
    return () => {
      live = false;
      client.current?.cancel();
    };
  }, [env.db, report.url]);

  const answered = settings ? ORDER.some((s) => settings.consent[s]) : false;

  async function run(s: OnlineSettings) {
    const consent = consentMap(s);
    if (!ORDER.some((k) => consent[k])) return setPhase({ kind: 'idle' });
    // The address is the one given for Unpaywall: it goes anywhere (Unpaywall, and Crossref's polite pool, as the
    // consent text says) only while Unpaywall is ticked. consentMap says yes to Unpaywall only with an address.
    const email = consent.unpaywall ? s.mailto : undefined;
    const c = crossrefClient(fetchFn ?? ((u, i) => globalThis.fetch(u, i)), endpoints?.crossref ?? DEFAULT_CROSSREF_API, Boolean(email));
    client.current = c;
    setPhase({ kind: 'running', done: 0, total: entries.length });
    const byId = new Map(entries.map((e) => [e.id, e]));
    const run = await checkEntries(entries, {
      client: c,
      consent,
      crossref: { base: endpoints?.crossref, mailto: email },
      waybackBase: endpoints?.wayback,
      // Only with what each requires; consentMap already says no to a service without it.
      openAccess: {
        unpaywall: email ? { base: endpoints?.unpaywall ?? DEFAULT_UNPAYWALL_API, email } : undefined,
        openalex: s.openalexKey ? { base: endpoints?.openalex ?? DEFAULT_OPENALEX_API, key: s.openalexKey } : undefined,
      },
      cache: lookupCache(env.db),
      now: env.now,
      guard,
      onResult: (id, result, done, total) => {
        setResults((prev) => new Map(prev).set(id, result));
        setPhase({ kind: 'running', done, total });
        const e = byId.get(id);
        if (e) void saveEntryResult(env.db, report.url, e, result);
      },
    });
    setPhase({ kind: 'finished', cancelled: run.cancelled });
  }

  async function start() {
    if (!settings) return;
    if (!answered) return setPhase({ kind: 'consent' });
    await run(settings);
  }

  async function giveConsent() {
    const email = given.unpaywall.trim();
    const key = given.openalex.trim();
    if (choice.unpaywall && !isEmail(email)) return setError(OA_FIELD.unpaywall.missing);
    if (choice.openalex && !isApiKey(key)) return setError(OA_FIELD.openalex.missing);
    setError(null);
    // An address or key typed beside an unticked service is not kept.
    const saved = await setConsent(env.db, choice, env.now(), choice.unpaywall ? email : undefined, choice.openalex ? key : undefined);
    if (!saved.ok) return setError(saved.reason);
    setSettings(saved.value);
    await run(saved.value);
  }

  async function decide(entry: ReferenceEntry, candidate: MatchCandidate, d: 'accepted' | 'rejected') {
    const saved = await decideMatch(env.db, report.url, entry, candidate, d, env.now());
    if (!saved.ok) return setError(saved.reason);
    setDecisions((prev) => new Map(prev).set(saved.value.fingerprint, saved.value));
  }

  async function toggle(service: Service, allowed: boolean) {
    const saved = await setConsent(env.db, { [service]: allowed }, env.now());
    if (saved.ok) setSettings(saved.value);
  }

  /** The settings' address or key field: a valid one is kept, an empty one removes it. */
  async function saveGiven(service: OpenAccessService, raw: string) {
    const v = raw.trim();
    if (v && !(service === 'unpaywall' ? isEmail(v) : isApiKey(v))) return setError(OA_FIELD[service].missing);
    setError(null);
    const saved = service === 'unpaywall' ? await setConsent(env.db, {}, env.now(), v) : await setConsent(env.db, {}, env.now(), undefined, v);
    if (!saved.ok) return setError(saved.reason);
    setSettings(saved.value);
    setDrafts((d) => ({ ...d, [service]: null }));
  }

  // The badge counts what the results show, once they are read or a check ends (not at every entry that arrives).
  const settled = phase.kind !== 'running';
  const found = summarize(results.values());
  useEffect(() => {
    if (settled && results.size) onFindings?.({ retracted: found.retracted, dead: found.dead });
  }, [settled, results.size, found.retracted, found.dead]);

  if (entries.length === 0) return null;
  const summary = formatSummary(found);
  const newest = Math.max(0, ...[...results.values()].map((r) => r.checkedAt));
  return (
    <section class="online-checks" aria-label="Online checks">
      {phase.kind === 'consent' ? (
        <div role="dialog" aria-label="Check online: what is sent" ref={consentRef} onKeyDown={(e) => e.key === 'Escape' && notNow()}>
          <p>Checking online sends, only now and only for this page:</p>
          <ul>
            {ORDER.map((s) => (
              <li key={s}>
                <label>
                  <input type="checkbox" checked={choice[s]} onChange={(e) => setChoice({ ...choice, [s]: (e.currentTarget as HTMLInputElement).checked })} />
                  {' '}
                  {SERVICE_TEXT[s].name}: {SERVICE_TEXT[s].sends}
                </label>
              </li>
            ))}
          </ul>
          <p>Optional, to find open-access copies (off unless you tick them):</p>
          <ul>
            {OPEN_ACCESS_SERVICES.map((s) => (
              <li key={s}>
                <label>
                  <input type="checkbox" checked={choice[s]} onChange={(e) => setChoice({ ...choice, [s]: (e.currentTarget as HTMLInputElement).checked })} />
                  {' '}
                  {SERVICE_TEXT[s].name}: {SERVICE_TEXT[s].sends}
                </label>
                {choice[s] && (
                  <>
                    {' '}
                    <GivenField service={s} value={given[s]} onInput={(v) => setGiven({ ...given, [s]: v })} />
                  </>
                )}
              </li>
            ))}
          </ul>
          <p>Your answer is remembered for each service; you can turn each off again below the results.</p>
          <button type="button" onClick={() => void giveConsent()}>
            Allow and check
          </button>{' '}
          <button type="button" onClick={notNow}>
            Not now
          </button>
        </div>
      ) : phase.kind === 'running' ? (
        <p aria-live="polite">
          {phase.done} of {phase.total} checked{' '}
          <button type="button" onClick={() => client.current?.cancel()}>
            Cancel
          </button>
        </p>
      ) : (
        <p>
          <button type="button" ref={checkButton} onClick={() => void start()} disabled={!settings}>
            {newest ? 'Check again' : 'Check online'}
          </button>
          {newest ? ` checked ${daysAgo(newest, env.now())}` : ''}
          {phase.kind === 'finished' && phase.cancelled ? ' · cancelled, the entries checked so far are kept' : ''}
        </p>
      )}
      {summary && (
        <p class="online-summary" aria-live="polite">
          {summary}
        </p>
      )}
      {error && <p role="alert">{error}</p>}
      {results.size > 0 && (
        <ol class="online-results" aria-label="Online results">
          {entries
            .filter((e) => results.has(e.id))
            .map((e) => (
              <EntryResult key={e.id} entry={e} result={results.get(e.id)!} decision={decisions.get(entryFingerprint(e.text))} onDecide={(c, d) => void decide(e, c, d)} />
            ))}
        </ol>
      )}
      {answered && settings && (
        <details class="online-settings">
          <summary>Online services</summary>
          {ORDER.map((s) => (
            <div key={s}>
              <label>
                <input type="checkbox" checked={settings.consent[s]?.allowed === true} onChange={(e) => void toggle(s, (e.currentTarget as HTMLInputElement).checked)} /> {SERVICE_TEXT[s].name}
              </label>
            </div>
          ))}
          {OPEN_ACCESS_SERVICES.map((s) => (
            <div key={s} class="online-oa-setting">
              <label>
                <input type="checkbox" checked={settings.consent[s]?.allowed === true} onChange={(e) => void toggle(s, (e.currentTarget as HTMLInputElement).checked)} /> {SERVICE_TEXT[s].name}: {SERVICE_TEXT[s].sends}
              </label>{' '}
              <GivenField
                service={s}
                value={drafts[s] ?? (s === 'unpaywall' ? settings.mailto : settings.openalexKey) ?? ''}
                onInput={(v) => setDrafts((d) => ({ ...d, [s]: v }))}
                onCommit={(v) => void saveGiven(s, v)}
              />
            </div>
          ))}
        </details>
      )}
    </section>
  );
}
