// Messages from content scripts are checked against their types (issue 6): a real report passes, every malformed
// variant is refused.
import { describe, expect, it } from 'vitest';
import { isBadgeInfo, isPageReport, isSectionInfo } from '../../lib/validate';
import { corpusFile, reportForFile } from '../extract/helpers';

describe('content-script message validation', () => {
  const good = reportForFile(corpusFile('seed-article'));
  const variant = (edit: (r: any) => void) => {
    const r = structuredClone(good) as any;
    edit(r);
    return r;
  };

  it('accepts a real report', () => {
    expect(isPageReport(good)).toBe(true);
  });

  it('refuses malformed reports', () => {
    const bad = [
      null, 'report', [], {},
      variant((r) => (r.version = 2)),
      variant((r) => (r.title = { toString: 'x' })),
      variant((r) => (r.outline[0].level = 7)),
      variant((r) => (r.outline[0].text = ['<img src=x onerror=alert(1)>'])),
      variant((r) => (r.referenceLists[0].entries[0].linkState = 'javascript')),
      variant((r) => (r.referenceLists[0].entries[0].links = [42])),
      variant((r) => (r.referenceLists[0].entries = 'none')),
      variant((r) => (r.citations.markers = [{ id: 'c1' }])),
      variant((r) => (r.timings.total = 'fast')),
    ];
    expect(bad.map(isPageReport)).toEqual(bad.map(() => false));
  });

  it('checks badge and section messages', () => {
    expect([{ unlinked: 5 }, { unlinked: null }].map(isBadgeInfo)).toEqual([true, true]);
    expect([{ unlinked: -1 }, { unlinked: 1.5 }, { unlinked: '5' }, {}, null].map(isBadgeInfo)).toEqual([false, false, false, false, false]);
    expect([{ url: 'https://a.example/', outlineId: 'h2' }, { url: 'x', outlineId: null }].map(isSectionInfo)).toEqual([true, true]);
    expect([{ url: 1, outlineId: 'h2' }, { url: 'x', outlineId: 3 }].map(isSectionInfo)).toEqual([false, false]);
  });
});
