import { describe, expect, it } from 'vitest';
import { identifierUrl, lookupLinks, safeHttpUrl } from '@/lib/links';
import { nestOutline } from '@/lib/panel/outline-tree';

describe('links', () => {
  it('keeps only absolute http(s) addresses', () => {
    expect(safeHttpUrl('https://a.example/x')).toBe('https://a.example/x');
    expect(safeHttpUrl('javascript:alert(1)')).toBeNull();
    expect(safeHttpUrl('data:text/html,x')).toBeNull();
    expect(safeHttpUrl('/relative')).toBeNull();
  });

  it('resolves identifiers, keeping DOI slashes and encoding the rest', () => {
    expect(identifierUrl({ type: 'doi', value: '10.1000/a b', source: 'text' })).toBe('https://doi.org/10.1000/a%20b');
    expect(identifierUrl({ type: 'isbn', value: '9783161484100', source: 'text' })).toBe('https://search.worldcat.org/isbn/9783161484100');
    expect(identifierUrl({ type: 'url', value: 'javascript:x', source: 'text' })).toBeNull();
  });

  it('builds look-ups from the entry text, cut to a sensible length', () => {
    const links = lookupLinks(`  Doe,   J. ${'x'.repeat(500)}`);
    expect(links.map((l) => l.name)).toEqual(['Google Scholar', 'Crossref', 'WorldCat', 'Web search']);
    expect(decodeURIComponent(new URL(links[0].url).searchParams.get('q')!)).toHaveLength(300);
    expect(lookupLinks('   ')).toEqual([]);
  });
});

describe('nestOutline', () => {
  it('puts each item under the last item with a lower level, also when levels are inverted', () => {
    const item = (id: string, level: number) => ({ id, level, text: id, anchor: '', citations: 0 });
    const tree = nestOutline([item('a', 2), item('b', 3), item('c', 1), item('d', 2)]);
    expect(tree.map((n) => [n.item.id, n.children.map((c) => c.item.id)])).toEqual([
      ['a', ['b']],
      ['c', ['d']],
    ]);
  });
});
