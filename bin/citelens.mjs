#!/usr/bin/env node
// `citelens audit <file-or-url>... [--json] [--online [--mailto ADDR]]`: runs the TypeScript CLI through tsx.
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const [cmd, ...rest] = process.argv.slice(2);
if (cmd !== 'audit') { process.stderr.write('usage: citelens audit <file-or-url>... [--json] [--online [--mailto ADDR] [--no-unpaywall] [--openalex-key KEY]] (--help for more)\n'); process.exit(2); }
const r = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'cli/audit.ts'), ...rest], { stdio: 'inherit', cwd: process.cwd() });
process.exit(r.status ?? 1);
