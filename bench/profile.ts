/**
 * CDP CPU profiles of one in-page call, reduced to self time per function. Bundles are built unminified, and
 * esbuild marks each source file in them with a `// path/to/file.ts` comment, so a bundle line maps back to its file.
 */
import type { CDPSession, Page } from 'playwright-core';

export interface HotSpot {
  fn: string;
  file: string;
  selfMs: number;
  share: number;
}

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}

interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** Map from bundle URL to its text, to find the source file of a line. */
export type BundleSources = Map<string, string>;

function sourceFileOf(bundle: string | undefined, line: number): string {
  if (!bundle) return '';
  const lines = bundle.split('\n');
  for (let i = Math.min(line, lines.length - 1); i >= 0; i--) {
    const m = /^\s*\/\/ ((?:lib|components|bench|node_modules)\/[^\s]+)$/.exec(lines[i]);
    if (m) return m[1];
  }
  return '';
}

/** Profile `expression` (evaluated in the page, awaited) and return the top functions by self time. */
export async function profileCall(page: Page, cdp: CDPSession, expression: string, sources: BundleSources, top = 10): Promise<{ totalMs: number; hot: HotSpot[] }> {
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  await page.evaluate(expression);
  const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: Profile };
  await cdp.send('Profiler.disable');
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<string, { fn: string; file: string; us: number }>();
  let total = 0;
  profile.samples.forEach((id, i) => {
    const node = byId.get(id);
    const dt = profile.timeDeltas[i] ?? 0;
    if (!node) return;
    const { functionName, url, lineNumber } = node.callFrame;
    if (functionName === '(idle)' || functionName === '(program)') return;
    total += dt;
    const name = functionName || '(anonymous)';
    const file = url ? sourceFileOf(sources.get(url), lineNumber) || url.replace(/^.*\//, '') : '(native)';
    const key = `${name}@${file}`;
    const entry = self.get(key) ?? { fn: name, file, us: 0 };
    entry.us += dt;
    self.set(key, entry);
  });
  const hot = [...self.values()]
    .sort((a, b) => b.us - a.us)
    .slice(0, top)
    .map((e) => ({ fn: e.fn, file: e.file, selfMs: e.us / 1000, share: total ? e.us / total : 0 }));
  return { totalMs: total / 1000, hot };
}
