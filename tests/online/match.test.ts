/** The match check on labelled pairs: precision at least Crossref's own 0.98, and what it finds. */
import { describe, expect, it } from 'vitest';
import { agrees, bestMatch, isMatch, scoreWork } from '../../lib/online/match';
import type { Work } from '../../lib/online/types';
import { PAIRS } from './match-pairs';

const asWork = (w: (typeof PAIRS)[number]['work'], doi = '10.5555/x'): Work => ({ doi, authors: w.families, updates: [], ...w });

describe('match check on labelled pairs', () => {
  const outcomes = PAIRS.map((p) => ({ p, s: scoreWork(p.work, p.entry), m: isMatch(p.work, scoreWork(p.work, p.entry)) }));
  const tp = outcomes.filter((o) => o.m && o.p.same).length;
  const fp = outcomes.filter((o) => o.m && !o.p.same);
  const fn = outcomes.filter((o) => !o.m && o.p.same);

  it('never takes a look-alike for the cited work (precision 1 on these pairs, at least 0.98 required)', () => {
    expect(fp.map((o) => `${o.p.entry} ⇄ ${o.p.work.title} (${o.s.score})`)).toEqual([]);
    expect(tp / (tp + fp.length)).toBeGreaterThanOrEqual(0.98);
  });

  it('finds the true pairs, abridged news citations included', () => {
    expect(fn.map((o) => `${o.p.entry} ⇄ ${o.p.work.title} (${JSON.stringify(o.s)})`)).toEqual([]);
    expect(PAIRS.filter((p) => p.same).length).toBeGreaterThanOrEqual(20);
    expect(PAIRS.filter((p) => !p.same).length).toBeGreaterThanOrEqual(20);
  });

  it('a DOI pointing to another paper disagrees with its entry; the right one agrees; a bare DOI cannot tell', () => {
    const [vaswaniEntry] = PAIRS;
    expect(agrees(scoreWork(PAIRS[0].work, vaswaniEntry.entry))).toBe(true);
    expect(agrees(scoreWork({ title: 'Tidal marsh hydrology', families: ['Okafor'], years: [2003] }, vaswaniEntry.entry))).toBe(false);
    expect(agrees(scoreWork(PAIRS[0].work, 'doi:10.48550/arXiv.1706.03762'))).toBeUndefined();
  });

  it('bestMatch picks the cited work among search candidates, and none when only look-alikes came back', () => {
    const entry = PAIRS[0].entry;
    const candidates = [asWork(PAIRS[22].work, '10.5555/jain'), asWork(PAIRS[0].work, '10.5555/vaswani')];
    expect(bestMatch(candidates, entry)?.work.doi).toBe('10.5555/vaswani');
    expect(bestMatch([asWork(PAIRS[22].work, '10.5555/jain')], entry)).toBeNull();
    expect(bestMatch([], entry)).toBeNull();
  });
});
