/** The audit's command line: flags and inputs. */
import { isApiKey } from '../lib/online/text';

export const USAGE = `usage: citelens audit <file-or-url>... [--json] [--online [--mailto ADDR] [--no-unpaywall] [--openalex-key KEY]]
  --online          check DOIs, retractions and unlinked entries with Crossref, cited pages on their own sites, and
                    archived copies with the Internet Archive; nothing is sent without it
  --mailto ADDR     your e-mail address: sent to Crossref (its polite pool) and to Unpaywall (api.unpaywall.org),
                    which is then asked for an open-access copy of each resolved DOI
  --no-unpaywall    keep the address for Crossref only: Unpaywall is not asked
  --openalex-key KEY  an OpenAlex API key (or CITELENS_OPENALEX_KEY, which keeps it out of the process list): OpenAlex
                    (api.openalex.org) is asked for an open-access copy of each resolved DOI Unpaywall has none for
`;

/** An e-mail address, loosely (the same rule as lib/online/crossref.ts, which drops anything else silently). */
const MAILTO = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export interface AuditArgs {
  json: boolean;
  online: boolean;
  mailto?: string;
  /** --no-unpaywall: the address goes to Crossref only. */
  noUnpaywall: boolean;
  openalexKey?: string;
  help: boolean;
  inputs: string[];
  error?: string;
}

/** Flags and inputs; `--mailto` and `--openalex-key` take the next word (or `--mailto=ADDR`, `--openalex-key=KEY`). */
export function parseArgs(argv: string[]): AuditArgs {
  const out: AuditArgs = { json: false, online: false, noUnpaywall: false, help: false, inputs: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--json') out.json = true;
    else if (a === '--online') out.online = true;
    else if (a === '--help') out.help = true;
    else if (a === '--mailto' || a.startsWith('--mailto=')) {
      const v = a === '--mailto' ? argv[++i] : a.slice('--mailto='.length);
      if (!v || !MAILTO.test(v)) out.error = '--mailto needs an e-mail address';
      else out.mailto = v;
    } else if (a === '--openalex-key' || a.startsWith('--openalex-key=')) {
      const v = a === '--openalex-key' ? argv[++i] : a.slice('--openalex-key='.length);
      if (!v || !isApiKey(v)) out.error = '--openalex-key needs an API key';
      else out.openalexKey = v;
    } else if (a === '--no-unpaywall') out.noUnpaywall = true;
    else if (a.startsWith('--')) out.error = `unknown option ${a}`;
    else out.inputs.push(a);
  }
  if (out.mailto && !out.online) out.error = '--mailto is only used with --online';
  if (out.openalexKey && !out.online) out.error = '--openalex-key is only used with --online';
  return out;
}
