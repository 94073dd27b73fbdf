/** The audit's command line: flags and inputs. */

export const USAGE = 'usage: citelens audit <file-or-url>... [--json] [--online [--mailto ADDR]]\n';

/** An e-mail address, loosely (the same rule as lib/online/crossref.ts, which drops anything else silently). */
const MAILTO = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export interface AuditArgs {
  json: boolean;
  online: boolean;
  mailto?: string;
  help: boolean;
  inputs: string[];
  error?: string;
}

/** Flags and inputs; `--mailto` takes the next word (or `--mailto=ADDR`). */
export function parseArgs(argv: string[]): AuditArgs {
  const out: AuditArgs = { json: false, online: false, help: false, inputs: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--json') out.json = true;
    else if (a === '--online') out.online = true;
    else if (a === '--help') out.help = true;
    else if (a === '--mailto' || a.startsWith('--mailto=')) {
      const v = a === '--mailto' ? argv[++i] : a.slice('--mailto='.length);
      if (!v || !MAILTO.test(v)) out.error = '--mailto needs an e-mail address';
      else out.mailto = v;
    } else if (a.startsWith('--')) out.error = `unknown option ${a}`;
    else out.inputs.push(a);
  }
  if (out.mailto && !out.online) out.error = '--mailto is only used with --online';
  return out;
}
