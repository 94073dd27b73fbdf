/**
 * citelens audit <file-or-url>... [--json]
 * Prints a citation audit of each page (the same buildReport the extension runs). With --json, exactly the PageReport,
 * one JSON object per line. Bad inputs get one line on stderr and exit code 1; the other inputs are still reported.
 */
import { buildReport } from '../lib/extract/report';
import { NODE_BUDGET_MS, loadInput, parseHtml } from './load';
import { formatReport } from './format';

async function main(argv: string[]): Promise<number> {
  const json = argv.includes('--json');
  const inputs = argv.filter((a) => !a.startsWith('--'));
  if (!inputs.length || argv.includes('--help')) {
    process.stderr.write('usage: citelens audit <file-or-url>... [--json]\n');
    return inputs.length ? 0 : 2;
  }
  let failed = 0;
  for (const input of inputs) {
    const loaded = await loadInput(input);
    if (!loaded.ok) {
      process.stderr.write(`citelens: ${loaded.reason}\n`);
      failed++;
      continue;
    }
    const dom = parseHtml(loaded.html, loaded.url);
    try {
      const report = buildReport(dom.window.document, loaded.url, { budgetMs: NODE_BUDGET_MS });
      process.stdout.write(json ? JSON.stringify(report) + '\n' : formatReport(report) + '\n');
    } finally {
      dom.window.close();
    }
  }
  return failed ? 1 : 0;
}

main(process.argv.slice(2)).then((code) => process.exit(code), (err) => {
  process.stderr.write(`citelens: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
