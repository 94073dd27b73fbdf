/**
 * The seed article's PageReport, written by hand from tests/corpus/seed-article/source.html and its truth.json,
 * so the Markdown golden file does not move while the extractor is being written. seed-compat in markdown.test.ts
 * checks buildReport against it once the real extractor lands.
 */
import type { OutlineItem, PageReport, ReferenceEntry } from '../../lib/extract/types';

export const SEED_URL = 'http://paulkizitoblog.com/ukraine-u-s-talks-show-progress-as-trump-pushes-for-a-swift-peace/';
export const SEED_TITLE = 'Ukraine–U.S. Talks Show “Progress” as Trump Pushes for a Swift Peace';

const SECTIONS: [string, string][] = [
  ['A Shift Toward Urgency', 'A_Shift_Toward_Urgency'],
  ['What “Progress” Means—And What It Doesn’t', 'What_%E2%80%9CProgress%E2%80%9D_Means%E2%80%94And_What_It_Doesnt'],
  ['Trump’s Calculated Gamble', 'Trumps_Calculated_Gamble'],
  ['What Comes Next', 'What_Comes_Next'],
  ['Bottom Line', 'Bottom_Line'],
  ['References', 'References'],
];

const ENTRIES = [
  'PBS NewsHour Latest talks between Ukraine and U.S. yield ‘progress’ as Trump seeks swift peace PBS NewsHour, December 2025.',
  'Associated Press (AP News) Ukraine and U.S. officials say progress made in peace discussions, divisions remain Associated Press, December 2025.',
  'Reuters European leaders back Ukraine security guarantees amid U.S.-led peace talks Reuters, December 2025.',
  'Financial Times Ukraine and US claim progress toward peace deal but key disagreements persist Financial Times, December 2025.',
  'The Guardian US proposals for NATO-like security guarantees mark possible breakthrough in Ukraine talks The Guardian, December 2025.',
];

export function seedReport(): PageReport {
  const outline: OutlineItem[] = [
    { id: 'h1', level: 1, text: SEED_TITLE, anchor: '', citations: 0 },
    ...SECTIONS.map(([text, anchor], i) => ({ id: `h${i + 2}`, level: 2, text, anchor, citations: 0 })),
  ];
  const entries: ReferenceEntry[] = ENTRIES.map((text, i) => ({
    id: `r1-e${i + 1}`, label: String(i + 1), text, links: [], identifiers: [], hasLink: false, linkState: 'none', citedBy: [], anchor: '',
  }));
  return {
    version: 1, url: SEED_URL, title: SEED_TITLE, isArticle: true, detection: { score: 1, reasons: ['hand-written'] }, outline,
    referenceLists: [{ id: 'r1', heading: 'References', kind: 'references', entries }],
    citations: { markers: [], uncited: [], dangling: [] },
    stats: { elements: 0, headings: outline.length, lists: 1, entries: entries.length, unlinked: entries.length, words: 0 },
    timings: {}, truncated: false, errors: [],
  };
}
