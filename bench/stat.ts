/** Median, min and max of a measure's runs: shared by the in-page harness and the Node side that pools its runs. */
export interface Stat {
  median: number;
  min: number;
  max: number;
  runs: number;
}

/** Median (of the middle two for an even count), min and max. */
export function stat(samples: number[]): Stat {
  const s = [...samples].sort((a, b) => a - b);
  const mid = s.length >> 1;
  const median = s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
  return { median, min: s[0], max: s[s.length - 1], runs: s.length };
}
