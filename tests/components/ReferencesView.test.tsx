// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ReferencesView } from '@/components/panel/ReferencesView';
import { PAGE_SIZE } from '@/components/panel/usePaged';
import { FIRST_PAINT_ITEMS } from '@/components/panel/useProgressive';
import { entry, list } from './report-fixture';

afterEach(cleanup);

const noop = () => {};

const MIXED = list([
  entry(1, { linkState: 'linked', hasLink: true, identifiers: [{ type: 'doi', value: '10.5555/12345678', source: 'href' }], links: ['https://doi.org/10.5555/12345678'] }),
  entry(2, { linkState: 'none' }),
  entry(3, { linkState: 'plain-url', identifiers: [{ type: 'url', value: 'https://example.org/report', source: 'text' }] }),
  entry(4, { linkState: 'search-only', links: ['https://scholar.google.com/scholar?q=x'] }),
  entry(5, {
    linkState: 'linked',
    hasLink: true,
    identifiers: [
      { type: 'arxiv', value: '2103.04512', source: 'text' },
      { type: 'pmid', value: '123456', source: 'text' },
      { type: 'pmcid', value: 'PMC7654321', source: 'text' },
      { type: 'isbn', value: '9783161484100', source: 'text' },
    ],
  }),
]);

describe('ReferencesView', () => {
  it('shows each list with its heading and counts, and each entry with its link state', () => {
    render(<ReferencesView lists={[MIXED]} onJumpEntry={noop} onJumpMarker={noop} />);
    expect(screen.getByRole('heading', { name: 'References' })).toBeTruthy();
    expect(screen.getByText('5 entries · 3 without a link')).toBeTruthy();
    const items = within(screen.getByRole('list', { name: 'References' })).getAllByRole('listitem');
    expect(items.map((li) => li.getAttribute('data-link-state'))).toEqual(['linked', 'none', 'plain-url', 'search-only', 'linked']);
    expect(within(items[1]).getByText('No link')).toBeTruthy();
    expect(within(items[2]).getByText('Address only, not linked')).toBeTruthy();
    expect(within(items[3]).getByText('Search link only')).toBeTruthy();
    expect(within(items[0]).queryByText('No link')).toBeNull();
  });

  it('links identifiers to their resolvers, opening in a new tab without a referrer', () => {
    render(<ReferencesView lists={[MIXED]} onJumpEntry={noop} onJumpMarker={noop} />);
    const href = (name: string) => screen.getByRole('link', { name }).getAttribute('href');
    expect(href('10.5555/12345678')).toBe('https://doi.org/10.5555/12345678');
    expect(href('2103.04512')).toBe('https://arxiv.org/abs/2103.04512');
    expect(href('123456')).toBe('https://pubmed.ncbi.nlm.nih.gov/123456');
    expect(href('PMC7654321')).toBe('https://www.ncbi.nlm.nih.gov/pmc/articles/PMC7654321');
    expect(href('9783161484100')).toBe('https://search.worldcat.org/isbn/9783161484100');
    const link = screen.getByRole('link', { name: '10.5555/12345678' });
    expect(link.getAttribute('target')).toBe('_blank');
    expect(link.getAttribute('rel')).toBe('noopener noreferrer');
    // The DOI link is shown once, as the identifier, not again as a plain link.
    expect(screen.getAllByRole('link', { name: /10\.5555\/12345678/ })).toHaveLength(1);
  });

  it('offers look-ups only for flagged entries, built from the entry text', () => {
    render(<ReferencesView lists={[MIXED]} onJumpEntry={noop} onJumpMarker={noop} />);
    const items = within(screen.getByRole('list', { name: 'References' })).getAllByRole('listitem');
    expect(within(items[0]).queryByRole('link', { name: /Look up/ })).toBeNull();
    const scholar = within(items[1]).getByRole('link', { name: 'Look up on Google Scholar (opens a new tab)' });
    expect(scholar.getAttribute('href')).toBe(`https://scholar.google.com/scholar?q=${encodeURIComponent('Author 2. Title number 2. Publisher, 2024.')}`);
    expect(within(items[1]).getAllByRole('link', { name: /^Look up on/ }).map((a) => a.textContent)).toEqual(['Google Scholar', 'Crossref', 'WorldCat', 'Web search']);
  });

  it('filters to flagged entries only', () => {
    render(<ReferencesView lists={[MIXED]} onJumpEntry={noop} onJumpMarker={noop} />);
    fireEvent.click(screen.getByRole('checkbox', { name: 'Only flagged' }));
    const items = within(screen.getByRole('list', { name: 'References' })).getAllByRole('listitem');
    expect(items.map((li) => li.getAttribute('data-link-state'))).toEqual(['none', 'plain-url', 'search-only']);
    // Counts still describe the whole list.
    expect(screen.getByText('5 entries · 3 without a link')).toBeTruthy();
  });

  it('jumps to an entry and cycles through the markers that cite it', () => {
    const onJumpEntry = vi.fn();
    const onJumpMarker = vi.fn();
    render(<ReferencesView lists={[list([entry(1, { citedBy: ['c1', 'c4', 'c7'] })])]} onJumpEntry={onJumpEntry} onJumpMarker={onJumpMarker} />);
    fireEvent.click(screen.getByRole('button', { name: /Title number 1/ }));
    expect(onJumpEntry).toHaveBeenCalledWith('r1-e1');
    const cited = screen.getByRole('button', { name: 'Cited 3 times: go to citation 1 of 3' });
    expect(cited.textContent).toBe('cited 3×');
    fireEvent.click(cited);
    fireEvent.click(screen.getByRole('button', { name: 'Cited 3 times: go to citation 2 of 3' }));
    expect(onJumpMarker.mock.calls.map((c) => c[0])).toEqual(['c1', 'c4']);
  });

  it('calls the latest jump handlers after the panel re-renders with new ones', () => {
    const first = vi.fn();
    const second = vi.fn();
    const lists = [list([entry(1)])];
    const { rerender } = render(<ReferencesView lists={lists} onJumpEntry={first} onJumpMarker={noop} />);
    rerender(<ReferencesView lists={lists} onJumpEntry={second} onJumpMarker={noop} />);
    fireEvent.click(screen.getByRole('button', { name: /Title number 1/ }));
    expect(first).not.toHaveBeenCalled();
    expect(second).toHaveBeenCalledWith('r1-e1');
  });

  const ids = () => [...document.querySelectorAll('li[data-entry-id]')].map((li) => li.getAttribute('data-entry-id'));
  const firstIds = (n: number, of = (i: number) => i + 1) => Array.from({ length: n }, (_, i) => `r1-e${of(i)}`);
  /** The "Show more" button by its text (a role query over hundreds of entries takes seconds in jsdom). */
  const showMore = (hidden: number) => {
    const button = screen.getByText(`Show more (${hidden} not shown)`);
    expect(button.tagName).toBe('BUTTON');
    return button;
  };
  /** The rest of a page is drawn in idle time; a loaded machine can take a while to run jsdom's timers. */
  const WAIT = { timeout: 5_000 };

  it('renders long lists in pages: a first screenful at once, the rest of the page right after', async () => {
    const many = list(Array.from({ length: 3000 }, (_, i) => entry(i + 1)));
    render(<ReferencesView lists={[many]} onJumpEntry={noop} onJumpMarker={noop} />);
    expect(ids()).toEqual(firstIds(FIRST_PAINT_ITEMS));
    await waitFor(() => expect(ids()).toEqual(firstIds(PAGE_SIZE)), WAIT);
    fireEvent.click(showMore(3000 - PAGE_SIZE));
    await waitFor(() => expect(ids()).toEqual(firstIds(2 * PAGE_SIZE)), WAIT);
    showMore(3000 - 2 * PAGE_SIZE);
  });

  it('keeps the entries it has drawn when the same report comes again, and redraws from the top under the filter', async () => {
    const make = () => list(Array.from({ length: 1000 }, (_, i) => entry(i + 1, { linkState: i % 2 === 0 ? 'linked' : 'none', hasLink: i % 2 === 0 })));
    const { rerender } = render(<ReferencesView lists={[make()]} onJumpEntry={noop} onJumpMarker={noop} />);
    await waitFor(() => expect(ids()).toEqual(firstIds(PAGE_SIZE)), WAIT);
    // A refreshed report (new objects, same entries): nothing drawn disappears under the reader.
    rerender(<ReferencesView lists={[make()]} onJumpEntry={noop} onJumpMarker={noop} />);
    expect(ids()).toEqual(firstIds(PAGE_SIZE));
    fireEvent.click(screen.getByRole('checkbox', { name: 'Only flagged' }));
    const flagged = (i: number) => 2 * i + 2;
    expect(ids()).toEqual(firstIds(FIRST_PAINT_ITEMS, flagged));
    await waitFor(() => expect(ids()).toEqual(firstIds(PAGE_SIZE, flagged)), WAIT);
    showMore(500 - PAGE_SIZE);
  });

  it('shows page text as text and renders no link that is not http(s)', () => {
    const hostile = list([
      entry(1, {
        text: '<img src=x onerror="window.__pwned=1"> Doe </script>',
        links: ['javascript:alert(1)', 'data:text/html,hi', 'https://ok.example/a'],
        identifiers: [{ type: 'url', value: 'javascript:alert(2)', source: 'text' }],
        linkState: 'plain-url',
      }),
    ]);
    render(<ReferencesView lists={[hostile]} onJumpEntry={noop} onJumpMarker={noop} />);
    expect(screen.getByText('<img src=x onerror="window.__pwned=1"> Doe </script>')).toBeTruthy();
    expect(document.querySelector('img, script')).toBeNull();
    const hrefs = [...document.querySelectorAll('a')].map((a) => a.getAttribute('href')!);
    expect(hrefs.every((h) => /^https?:\/\//.test(h))).toBe(true);
    expect(hrefs).toContain('https://ok.example/a');
  });

  it('says so when there is no reference list, or when every entry is linked under the filter', () => {
    const { unmount } = render(<ReferencesView lists={[]} onJumpEntry={noop} onJumpMarker={noop} />);
    expect(screen.getByText('No reference list was found on this page.')).toBeTruthy();
    unmount();
    render(<ReferencesView lists={[list([entry(1, { linkState: 'linked', hasLink: true })])]} onJumpEntry={noop} onJumpMarker={noop} />);
    fireEvent.click(screen.getByRole('checkbox', { name: 'Only flagged' }));
    expect(screen.getByText('Every entry in this list has a link.')).toBeTruthy();
  });
});
