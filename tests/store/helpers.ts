import 'fake-indexeddb/auto';
import { createDb, type CitelensDb } from '../../lib/store/db';

let counter = 0;
/** A fresh database with a unique name (fake-indexeddb keeps databases for the whole file). */
export function freshDb(): CitelensDb {
  counter += 1;
  return createDb(`test-${counter}-${Math.random().toString(36).slice(2)}`);
}

export function unwrap<T>(r: { ok: true; value: T } | { ok: false; reason: string }): T {
  if (!r.ok) throw new Error(`expected ok, got: ${r.reason}`);
  return r.value;
}
