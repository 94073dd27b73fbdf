/** Storage failures as values: the UI shows `reason` and keeps what the reader typed. */

export type StoreErrorCode = 'quota' | 'blocked' | 'closed' | 'invalid' | 'not-found' | 'failed';

export type StoreResult<T> = { ok: true; value: T } | { ok: false; reason: string; code: StoreErrorCode };

/** Shown to the reader; each says what happened and that their text is safe. */
export const STORE_MESSAGES: Record<StoreErrorCode, string> = {
  quota: 'The browser’s storage for Citelens is full, so this was not saved. Your text is still here: export a backup and delete old notes, or allow more storage in the library page.',
  blocked: 'Citelens was updated and needs its other tabs closed to upgrade the notes database. Close other Citelens panels or library tabs; your text is still here.',
  closed: 'The notes database was closed (Citelens was updated in another tab). Reload this panel; your text is still here.',
  invalid: 'This could not be saved because it is not valid.',
  'not-found': 'That note no longer exists (it may have been deleted in another panel).',
  failed: 'Could not save to the browser’s storage. Your text is still here; try again.',
};

function names(error: unknown): string[] {
  const out: string[] = [];
  // Dexie wraps native errors (Dexie.QuotaExceededError has name 'QuotaExceededError', with `inner` holding the DOMException).
  for (let e = error as { name?: unknown; inner?: unknown } | undefined, depth = 0; e && depth < 4; e = e.inner as typeof e, depth++) {
    if (typeof e.name === 'string') out.push(e.name);
  }
  return out;
}

export function classify(error: unknown): StoreErrorCode {
  const n = names(error);
  if (n.includes('QuotaExceededError')) return 'quota';
  if (n.includes('DatabaseClosedError') || n.includes('VersionChangeError') || n.includes('InvalidStateError')) return 'closed';
  if (n.includes('BlockedError')) return 'blocked';
  return 'failed';
}

export function failure(code: StoreErrorCode, detail?: string): { ok: false; reason: string; code: StoreErrorCode } {
  return { ok: false, code, reason: detail ? `${STORE_MESSAGES[code]} (${detail})` : STORE_MESSAGES[code] };
}

/** Run a storage operation; any thrown error becomes `{ ok: false, reason, code }`. */
export async function attempt<T>(fn: () => Promise<T>): Promise<StoreResult<T>> {
  try {
    return { ok: true, value: await fn() };
  } catch (error) {
    const code = classify(error);
    return failure(code, code === 'failed' && error instanceof Error ? error.message : undefined);
  }
}
