#!/usr/bin/env node
// Keeps tests/corpus in step with ../shared/corpus: copies every shared page (source.html, truth.json) and the
// corpus README, drops shared pages that left, and records them in tests/corpus/shared.json. Pages the project
// added itself are never touched. `--check` changes nothing and exits 1 when the copy is out of step.
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const shared = resolve(root, '../shared/corpus');
const local = join(root, 'tests/corpus');
const manifestFile = join(local, 'shared.json');
const check = process.argv.includes('--check');
if (!existsSync(shared)) { console.log('no ../shared/corpus here: nothing to sync'); process.exit(0); }

const hash = (f) => createHash('sha256').update(readFileSync(f)).digest('hex');
const before = existsSync(manifestFile) ? JSON.parse(readFileSync(manifestFile, 'utf8')) : {};
const after = {};
const changes = [];
for (const id of readdirSync(shared).sort()) {
  if (!existsSync(join(shared, id, 'truth.json'))) continue;
  after[id] = {};
  for (const name of ['source.html', 'truth.json']) {
    const from = join(shared, id, name), to = join(local, id, name);
    after[id][name] = hash(from);
    if (existsSync(to) && hash(to) === after[id][name]) continue;
    changes.push(`${existsSync(to) ? 'update' : 'add'} ${id}/${name}`);
    if (!check) { mkdirSync(join(local, id), { recursive: true }); copyFileSync(from, to); }
  }
}
for (const id of Object.keys(before)) if (!after[id]) {
  changes.push(`remove ${id}`);
  if (!check) rmSync(join(local, id), { recursive: true, force: true });
}
const readme = join(local, 'SHARED-README.md');
if (!existsSync(readme) || hash(readme) !== hash(join(shared, 'README.md'))) {
  changes.push('update SHARED-README.md');
  if (!check) copyFileSync(join(shared, 'README.md'), readme);
}
if (!check) writeFileSync(manifestFile, JSON.stringify(after, null, 1) + '\n');
console.log(changes.length ? changes.join('\n') : 'tests/corpus is in step with ../shared/corpus');
process.exit(check && changes.length ? 1 : 0);
