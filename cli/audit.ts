/**
 * citelens audit [--json] [--online [--mailto ADDR] [--no-unpaywall] [--openalex-key KEY]] <file-or-url>...
 * Prints a citation audit of each page (the same buildReport the extension runs). With --json, exactly the PageReport,
 * one JSON object per line. With --online, the entries are also checked against Crossref, the Wayback Machine and the
 * cited sites, and with an e-mail address or key Unpaywall and OpenAlex (cli/online.ts); without it nothing is sent
 * anywhere (beyond fetching an input given as a URL).
 * Bad inputs get one line on stderr and exit code 1; the other inputs are still reported.
 */
import { buildReport } from '../lib/extract/report';
import { NODE_BUDGET_MS, loadInput, parseHtml } from './load';
import { USAGE, parseArgs } from './args';
import { formatReport } from './format';

async function main(argv: string[]): Promise<number> {
  const args = parseArgs(argv);
  if (args.error) {
    process.stderr.write(`citelens: ${args.error}\n${USAGE}`);
    return 2;
  }
  if (!args.inputs.length || args.help) {
    process.stderr.write(USAGE);
    return args.inputs.length ? 0 : 2;
  }
  // Loaded only with --online: without the flag no code that sends anything is even imported.
  const online = args.online ? await import('./online') : null;
  const session = online?.createSession(online.onlineSettings(process.env, { mailto: args.mailto, noUnpaywall: args.noUnpaywall, openalexKey: args.openalexKey }));
  for (const note of session?.settings.notes ?? []) process.stderr.write(`citelens: ${note}\n`);
  let failed = 0;
  for (const input of args.inputs) {
    const loaded = await loadInput(input);
    if (!loaded.ok) {
      process.stderr.write(`citelens: ${loaded.reason}\n`);
      failed++;
      continue;
    }
    const dom = parseHtml(loaded.html, loaded.url);
    let report;
    try {
      report = buildReport(dom.window.document, loaded.url, { budgetMs: NODE_BUDGET_MS });
    } finally {
      dom.window.close();
    }
    const audited = online && session ? await online.checkReport(report, session) : report;
    process.stdout.write(args.json ? JSON.stringify(audited) + '\n' : formatReport(audited) + '\n');
  }
  return failed ? 1 : 0;
}

main(process.argv.slice(2)).then((code) => process.exit(code), (err) => {
  process.stderr.write(`citelens: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
