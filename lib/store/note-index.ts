/**
 * How notes are stored since schema v4 (issue #5). Chromium's IndexedDB costs 120–250 µs per record (in memory; 210–460
 * on disk) and 15–40 µs per index entry on the bench machine, whatever the durability (bench/out probe), so 100,000
 * notes as 100,000 records with 3 million word-index entries could not import in 10 s (82 s; 491 s on disk). Instead:
 * - NoteGroup: one record per page holding its notes (a page's notes are one read);
 * - PostingPart: the word index as posting lists filed by word prefix, referring to notes by slot number;
 * - SlotBlock: per slot, the note's updatedAt and group (search orders and checks hits without reading notes);
 * - IdShard: which slot holds each note id.
 * An import of 100,000 notes over 10,000 pages writes about 11,000 records. Every write goes through a NoteBatch
 * inside the caller's read-write transaction over these tables, so IndexedDB serialises two panels writing at once.
 */
import Dexie, { type Table, type Transaction } from 'dexie';
import type { CitelensDb } from './tables';
import type { IdShard, Note, NoteGroup, PostingPart, SlotBlock } from './types';
import { wordsForNote } from './words';

/**
 * Slots per block: 16,384 × 12 bytes = 192 KB, 7 blocks for 100,000 notes. A search reads every block (unless nothing
 * was written since its last read: readSlots), and fewer, larger values read faster: the same 1.2 MB took 16–20 ms as
 * 25 blocks of 48 KB and 11 ms as 7 of 192 KB in Chromium (bench/out probe). A save rewrites one block.
 */
export const SLOTS_PER_BLOCK = 16_384;
/**
 * Slots per posting part: V8 serialises a small integer in about 4 bytes, so a full part is about 32 KB. Saving a note
 * rewrites the last part of each of its words' prefixes (about 30), so parts stay small: a save took 19–26 ms at
 * 100,000 notes in Chromium (bench/out probe).
 */
export const PART_MAX_SLOTS = 8_192;
/**
 * Words are filed under their first letters: a term this long or longer reads the parts of one prefix, a shorter one a
 * key range. With 3, the bench's 100,000 notes make 333 prefixes in 562 parts; with 2, a part would hold words of a
 * twentieth of the notes, with 4 the import writes more parts (586 prefixes) for little gain.
 */
export const PREFIX_LENGTH = 3;
/** Id shards: 100,000 uuids make about 390 ids (20 KB) per shard. */
export const ID_SHARDS = 256;
/** Tags are filed as postings under this mark + the tag: words (letters and digits only) never start with it. */
export const TAG_PREFIX = '#';
/** The first key after every TAG_PREFIX key ('#' + 1). */
const AFTER_TAGS = '$';
/** Notes per bulkPut of groups when a batch is flushed; the caller reports progress after each (50 steps for 100,000). */
export const WRITE_CHUNK_NOTES = 2_000;

/** Meta key of a token that every write of notes changes: a search reuses the slot table it read while it holds. */
export const NOTES_VERSION_KEY = 'notesVersion';

export interface NoteTables {
  groups: Table<NoteGroup, number>;
  postings: Table<PostingPart, [string, number]>;
  ids: Table<IdShard, number>;
  slots: Table<SlotBlock, number>;
  meta: CitelensDb['meta'];
}

export function noteTables(db: CitelensDb): NoteTables {
  return { groups: db.noteGroups, postings: db.notePostings, ids: db.noteIds, slots: db.noteSlots, meta: db.meta };
}

/** The tables a transaction that reads or writes notes must hold. */
export function noteScope(db: CitelensDb) {
  return [db.noteGroups, db.notePostings, db.noteIds, db.noteSlots, db.meta];
}

/** The same tables inside a schema upgrade (the Dexie instance's table objects are not usable there). */
export function upgradeTables(tx: Transaction): NoteTables {
  return { groups: tx.table('noteGroups'), postings: tx.table('notePostings'), ids: tx.table('noteIds'), slots: tx.table('noteSlots'), meta: tx.table('meta') };
}

/** The group of a row: its pageUrl, or '' for rows from older versions without a text one (kept as they were). */
export function groupKey(pageUrl: unknown): string {
  return typeof pageUrl === 'string' ? pageUrl : '';
}

/** FNV-1a (32-bit) of the id's text: spreads uuids and made-up ids ("n1", "n2") alike over the shards. */
function idShard(id: unknown): number {
  const text = String(id);
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return (h >>> 0) % ID_SHARDS;
}

export function prefixOf(word: string): string {
  return word.slice(0, PREFIX_LENGTH);
}

/** A row's tags as the `*tags` index of v1–v3 read them: each text tag once; a text `tags` is one tag. */
export function tagsOf(row: unknown): string[] {
  const tags = row && typeof row === 'object' ? (row as Record<string, unknown>).tags : undefined;
  if (typeof tags === 'string') return [tags];
  return Array.isArray(tags) ? [...new Set(tags.filter((t): t is string => typeof t === 'string'))] : [];
}

/** The time a row sorts by: its updatedAt, or 0 when that is not a number (rows from older versions). */
function timeOf(row: Note): number {
  return typeof row.updatedAt === 'number' && Number.isFinite(row.updatedAt) ? row.updatedAt : 0;
}

const blockOf = (slot: number) => Math.floor(slot / SLOTS_PER_BLOCK);

function newBlock(block: number): SlotBlock {
  return { block, used: 0, updatedAt: new Float64Array(SLOTS_PER_BLOCK), group: new Int32Array(SLOTS_PER_BLOCK).fill(-1) };
}

function newPart(prefix: string, part: number): PostingPart {
  return { prefix, part, count: 0, words: new Map() };
}

/** Append each word's new slots to a prefix's last part, starting new parts when one is full. Returns the parts changed. */
function fillParts(last: PostingPart, words: Map<string, number[]>): PostingPart[] {
  const parts = [last];
  let part = last;
  for (const [word, slots] of words) {
    for (let from = 0; from < slots.length; ) {
      if (part.count >= PART_MAX_SLOTS) parts.push((part = newPart(part.prefix, part.part + 1)));
      const take = slots.slice(from, from + PART_MAX_SLOTS - part.count);
      const list = part.words.get(word);
      if (list) for (const s of take) list.push(s);
      else part.words.set(word, take);
      part.count += take.length;
      from += take.length;
    }
  }
  return parts;
}

// ---- reading ----

/** Every slot: the note's updatedAt and group (-1 when freed). */
export interface SlotTable {
  size: number;
  updatedAt: Float64Array;
  group: Int32Array;
}

/**
 * The last slot table each Dexie instance read, with the version token it was read at. Reading every block is the
 * fixed cost of a search (10–27 ms for 100,000 notes in Chromium, bench/out probe); typing a query searches on every
 * key with nothing written in between. Searches only read the table; writes build their own blocks.
 */
const slotCache = new WeakMap<object, { version: unknown; slots: SlotTable }>();

/** The slot table: the cached one while the version token is unchanged (read in the caller's transaction). */
export async function readSlots(tables: NoteTables): Promise<SlotTable> {
  const version = (await tables.meta.get(NOTES_VERSION_KEY))?.value;
  const cached = slotCache.get(tables.slots);
  if (version !== undefined && cached?.version === version) return cached.slots;
  const slots = await readAllSlots(tables);
  if (version !== undefined) slotCache.set(tables.slots, { version, slots });
  return slots;
}

async function readAllSlots(tables: NoteTables): Promise<SlotTable> {
  const blocks = await tables.slots.toArray();
  const last = blocks.at(-1);
  const size = last ? last.block * SLOTS_PER_BLOCK + last.used : 0;
  const table: SlotTable = { size, updatedAt: new Float64Array(size), group: new Int32Array(size).fill(-1) };
  for (const b of blocks) {
    const at = b.block * SLOTS_PER_BLOCK;
    const n = Math.min(b.used, size - at);
    table.updatedAt.set(b.updatedAt.subarray(0, n), at);
    table.group.set(b.group.subarray(0, n), at);
  }
  return table;
}

/** The posting parts that can hold words starting with `term`. */
function partsFor(tables: NoteTables, term: string): Promise<PostingPart[]> {
  const index = tables.postings.where('[prefix+part]');
  if (term.length >= PREFIX_LENGTH) {
    const prefix = prefixOf(term);
    return index.between([prefix, Dexie.minKey], [prefix, Dexie.maxKey], true, true).toArray();
  }
  // Shorter terms: every prefix that starts with the term ('\uffff' sorts after any letter or digit).
  return index.between([term, Dexie.minKey], [`${term}\uffff`, Dexie.maxKey], true, true).toArray();
}

/** Slot lists of the words starting with `term` (a slot may come more than once: "treaty" and "trek" in one note). */
export async function slotsStartingWith(tables: NoteTables, term: string): Promise<number[][]> {
  const lists: number[][] = [];
  for (const part of await partsFor(tables, term)) for (const [word, slots] of part.words) if (word.startsWith(term)) lists.push(slots);
  return lists;
}

/** Slot lists of every tag (or of one tag), by tag. */
export async function tagSlots(tables: NoteTables, tag?: string): Promise<Map<string, number[][]>> {
  const index = tables.postings.where('[prefix+part]');
  const parts = await (tag === undefined
    ? index.between([TAG_PREFIX, Dexie.minKey], [AFTER_TAGS, Dexie.minKey], true, false)
    : index.between([TAG_PREFIX + tag, Dexie.minKey], [TAG_PREFIX + tag, Dexie.maxKey], true, true)
  ).toArray();
  const out = new Map<string, number[][]>();
  for (const part of parts) for (const [t, slots] of part.words) out.set(t, [...(out.get(t) ?? []), slots]);
  return out;
}

/** The live slots among `lists`, each once. */
export function liveSlots(lists: number[][], slots: SlotTable): number[] {
  const seen = new Set<number>();
  for (const list of lists) for (const s of list) if (s < slots.size && slots.group[s] >= 0) seen.add(s);
  return [...seen];
}

/** The notes in live `slots`, in that order, read from their groups. */
export async function notesAt(tables: NoteTables, wanted: number[], slots: SlotTable): Promise<Note[]> {
  const groups = await tables.groups.bulkGet([...new Set(wanted.map((s) => slots.group[s]))]);
  const bySlot = new Map<number, Note>();
  for (const g of groups) if (g) g.slots.forEach((s, i) => bySlot.set(s, g.notes[i]));
  return wanted.map((s) => bySlot.get(s)).filter((n): n is Note => n !== undefined);
}

export async function countNotes(tables: NoteTables): Promise<number> {
  const { group } = await readSlots(tables);
  let n = 0;
  for (const g of group) if (g >= 0) n += 1;
  return n;
}

/** Every stored note, page by page. */
export async function allNotes(tables: NoteTables): Promise<Note[]> {
  return (await tables.groups.toArray()).flatMap((g) => g.notes);
}

// ---- writing ----

/** Groups in chunks of about WRITE_CHUNK_NOTES notes, each with how many notes were put into its groups. */
function groupChunks(groups: [NoteGroup, number][]): [NoteGroup[], number][] {
  const chunks: [NoteGroup[], number][] = [];
  let notes = WRITE_CHUNK_NOTES;
  for (const [group, puts] of groups) {
    if (notes >= WRITE_CHUNK_NOTES) {
      chunks.push([[], 0]);
      notes = 0;
    }
    const chunk = chunks[chunks.length - 1];
    chunk[0].push(group);
    chunk[1] += puts;
    notes += group.notes.length;
  }
  return chunks;
}

interface Found {
  slot: number;
  group: NoteGroup;
  index: number;
}

/**
 * Notes being changed inside one read-write transaction: `open` reads what the change touches (the id shards of the
 * notes, their groups, the groups of the pages they go to), `put`/`remove` change them in memory, `flush` writes.
 * Reading and writing in the one transaction is what keeps two panels' changes from overwriting each other.
 */
export class NoteBatch {
  private readonly groupsByNo = new Map<number, NoteGroup>();
  private readonly groupsByUrl = new Map<string, NoteGroup>();
  private readonly urlsRead = new Set<string>();
  private readonly shards = new Map<number, IdShard>();
  private readonly blocks = new Map<number, SlotBlock>();
  /** Changed groups, with how many notes were put into each (for progress). */
  private readonly changedGroups = new Map<NoteGroup, number>();
  private readonly changedShards = new Set<IdShard>();
  private readonly changedBlocks = new Set<SlotBlock>();
  /** Notes put whose words and tags are not in `appends` yet (with their words, when the caller has them): filed by flush. */
  private readonly unfiled: [slot: number, row: Note, words: string[] | undefined][] = [];
  private filed = 0;
  /** New postings: posting key (a word, or TAG_PREFIX + a tag) → slots. Filed by prefix when flushed. */
  private readonly appends = new Map<string, number[]>();
  private nextGroup = 0;
  private nextSlot = 0;

  private constructor(private readonly tables: NoteTables) {}

  /** Read what changing the notes `ids` and adding notes to `pageUrls` (group keys) needs. */
  static async open(tables: NoteTables, ids: readonly unknown[], pageUrls: readonly string[]): Promise<NoteBatch> {
    const batch = new NoteBatch(tables);
    const idShards = ids.map(idShard);
    const shardNos = [...new Set(idShards)];
    const [shards, lastBlock, lastGroup] = await Promise.all([tables.ids.bulkGet(shardNos), tables.slots.toCollection().lastKey(), tables.groups.toCollection().lastKey()]);
    shardNos.forEach((no, i) => batch.shards.set(no, shards[i] ?? { shard: no, ids: new Map() }));
    const found = ids.map((id, i) => batch.shards.get(idShards[i])!.ids.get(id as string)).filter((s): s is number => s !== undefined);
    const blockNos = new Set(found.map(blockOf));
    if (typeof lastBlock === 'number') blockNos.add(lastBlock);
    for (const b of await tables.slots.bulkGet([...blockNos])) if (b) batch.blocks.set(b.block, b);
    if (typeof lastBlock === 'number') batch.nextSlot = lastBlock * SLOTS_PER_BLOCK + (batch.blocks.get(lastBlock)?.used ?? 0);
    if (typeof lastGroup === 'number') batch.nextGroup = lastGroup + 1;
    const groupNos = [...new Set(found.map((s) => batch.groupAt(s)).filter((no) => no >= 0))];
    const urls = [...new Set(pageUrls)];
    const [byNo, byUrl] = await Promise.all([tables.groups.bulkGet(groupNos), urls.length ? tables.groups.where('pageUrl').anyOf(urls).toArray() : []]);
    for (const g of [...byNo, ...byUrl]) if (g) batch.keep(g);
    for (const url of urls) batch.urlsRead.add(url);
    return batch;
  }

  /** The saved note with this id, if any (its id must have been given to `open`). */
  get(id: unknown): Note | undefined {
    const at = this.find(this.shardOf(id), id);
    return at && at.group.notes[at.index];
  }

  /** Save a note: a new one, or a new version of the note with its id (moved if its page changed). */
  put(note: Note, words?: string[]): void {
    // Search words are derived: never stored (older rows and backups may carry them).
    const { words: _words, ...row } = note as Note & { words?: unknown };
    const shard = this.shardOf(row.id);
    const at = this.find(shard, row.id);
    const url = groupKey(row.pageUrl);
    if (at) this.free(at.slot);
    const group = at && at.group.pageUrl === url ? at.group : this.groupFor(url);
    if (at && at.group !== group) this.takeOut(at.group, at.index);
    const slot = this.allocate(group.no, timeOf(row));
    if (at && at.group === group) {
      group.notes[at.index] = row;
      group.slots[at.index] = slot;
    } else {
      group.notes.push(row);
      group.slots.push(slot);
    }
    this.changedGroups.set(group, (this.changedGroups.get(group) ?? 0) + 1);
    shard.ids.set(row.id, slot);
    this.changedShards.add(shard);
    this.unfiled.push([slot, row, words]);
  }

  /** Remove the note with this id; returns it, or undefined when there is none. */
  remove(id: unknown): Note | undefined {
    const shard = this.shardOf(id);
    const at = this.find(shard, id);
    if (!at) return undefined;
    const note = at.group.notes[at.index];
    this.free(at.slot);
    this.takeOut(at.group, at.index);
    shard.ids.delete(id as string);
    this.changedShards.add(shard);
    return note;
  }

  /**
   * Write every change, one bulk write after another; `onNotes` hears how many of the notes put were written, after
   * each chunk of groups. While the browser stores a chunk (bulkPut has serialised it and returned), the page files
   * the next notes' words as postings: it would idle otherwise. The word index is written last. (Issuing every write
   * at once was not faster on the bench's 2 cores, and held the progress bar still until all were serialised.)
   */
  async flush(onNotes?: (written: number) => void): Promise<void> {
    await this.tables.meta.put({ key: NOTES_VERSION_KEY, value: crypto.randomUUID() });
    await this.tables.ids.bulkPut([...this.changedShards]);
    await this.tables.slots.bulkPut([...this.changedBlocks]);
    const groups = [...this.changedGroups];
    const emptied = groups.filter(([g]) => g.notes.length === 0).map(([g]) => g.no);
    if (emptied.length) await this.tables.groups.bulkDelete(emptied);
    const chunks = groupChunks(groups.filter(([g]) => g.notes.length > 0));
    const perChunk = Math.ceil(this.unfiled.length / Math.max(chunks.length, 1));
    for (const [chunk, puts] of chunks) {
      const stored = this.tables.groups.bulkPut(chunk);
      this.file(perChunk);
      await stored;
      onNotes?.(puts);
    }
    this.file(Infinity);
    await this.tables.postings.bulkPut(await this.newParts());
  }

  /** File the words and tags of up to `count` more notes put as new postings. */
  private file(count: number): void {
    const end = Math.min(this.unfiled.length, this.filed + count);
    for (; this.filed < end; this.filed++) {
      const [slot, row, words] = this.unfiled[this.filed];
      for (const w of words ?? wordsForNote(row)) this.append(w, slot);
      for (const t of tagsOf(row)) this.append(TAG_PREFIX + t, slot);
    }
  }

  private keep(group: NoteGroup): void {
    this.groupsByNo.set(group.no, group);
    this.groupsByUrl.set(group.pageUrl, group);
  }

  private shardOf(id: unknown): IdShard {
    const shard = this.shards.get(idShard(id));
    if (!shard) throw new Error(`NoteBatch: note ${String(id)} was not given to open()`);
    return shard;
  }

  private groupAt(slot: number): number {
    return this.blocks.get(blockOf(slot))?.group[slot % SLOTS_PER_BLOCK] ?? -1;
  }

  /** Where the note with this id is; undefined when absent (or when the index points to a freed slot). */
  private find(shard: IdShard, id: unknown): Found | undefined {
    const slot = shard.ids.get(id as string);
    if (slot === undefined) return undefined;
    const group = this.groupsByNo.get(this.groupAt(slot));
    const index = group ? group.slots.indexOf(slot) : -1;
    return group && index >= 0 ? { slot, group, index } : undefined;
  }

  private groupFor(url: string): NoteGroup {
    const found = this.groupsByUrl.get(url);
    if (found) return found;
    if (!this.urlsRead.has(url)) throw new Error(`NoteBatch: page ${url} was not given to open()`);
    const group: NoteGroup = { no: this.nextGroup++, pageUrl: url, notes: [], slots: [] };
    this.keep(group);
    return group;
  }

  private takeOut(group: NoteGroup, index: number): void {
    group.notes.splice(index, 1);
    group.slots.splice(index, 1);
    this.changedGroups.set(group, this.changedGroups.get(group) ?? 0);
  }

  private block(no: number): SlotBlock {
    let block = this.blocks.get(no);
    if (!block) this.blocks.set(no, (block = newBlock(no)));
    this.changedBlocks.add(block);
    return block;
  }

  private allocate(group: number, time: number): number {
    const slot = this.nextSlot++;
    const block = this.block(blockOf(slot));
    const i = slot % SLOTS_PER_BLOCK;
    block.updatedAt[i] = time;
    block.group[i] = group;
    block.used = i + 1;
    return slot;
  }

  private free(slot: number): void {
    this.block(blockOf(slot)).group[slot % SLOTS_PER_BLOCK] = -1;
  }

  private append(key: string, slot: number): void {
    const slots = this.appends.get(key);
    if (slots) slots.push(slot);
    else this.appends.set(key, [slot]);
  }

  /** The new postings by prefix: words under their first letters, a tag under TAG_PREFIX + the tag. */
  private byPrefix(): Map<string, Map<string, number[]>> {
    const out = new Map<string, Map<string, number[]>>();
    for (const [key, slots] of this.appends) {
      const tag = key.startsWith(TAG_PREFIX);
      const prefix = tag ? key : prefixOf(key);
      let words = out.get(prefix);
      if (!words) out.set(prefix, (words = new Map()));
      words.set(tag ? key.slice(TAG_PREFIX.length) : key, slots);
    }
    return out;
  }

  /** The new postings appended to each prefix's last part (read first: one read of every part key, then those parts). */
  private async newParts(): Promise<PostingPart[]> {
    if (!this.appends.size) return [];
    const appends = this.byPrefix();
    const lastPart = new Map<string, number>();
    for (const [prefix, part] of await this.tables.postings.toCollection().primaryKeys()) lastPart.set(prefix, Math.max(part, lastPart.get(prefix) ?? 0));
    const wanted = [...appends.keys()].filter((p) => lastPart.has(p)).map((p): [string, number] => [p, lastPart.get(p)!]);
    const last = new Map<string, PostingPart>();
    for (const part of await this.tables.postings.bulkGet(wanted)) if (part) last.set(part.prefix, part);
    const parts: PostingPart[] = [];
    for (const [prefix, words] of appends) parts.push(...fillParts(last.get(prefix) ?? newPart(prefix, 0), words));
    return parts;
  }
}

/** Put notes as they are (ids and dates kept) into their pages' groups and the index, inside the caller's read-write
 * transaction: saving, undoing a delete and the v3 → v4 upgrade (which passes rows as they were, malformed ones too). */
export async function putNotes(tables: NoteTables, notes: readonly Note[]): Promise<void> {
  const batch = await NoteBatch.open(tables, notes.map((n) => n.id), notes.map((n) => groupKey(n.pageUrl)));
  for (const n of notes) batch.put(n);
  await batch.flush();
}
