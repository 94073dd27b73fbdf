// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen } from '@testing-library/preact';
import { lazyComponent } from '@/components/ui/lazy';

afterEach(cleanup);

const Part = ({ word }: { word: string }) => <p>{word}</p>;

describe('a part of the panel in a chunk of its own', () => {
  it('shows once its chunk arrives, even when the first try to load it fails', async () => {
    let tries = 0;
    const Lazy = lazyComponent<{ word: string }>(() => (++tries === 1 ? Promise.reject(new Error('Failed to fetch dynamically imported module')) : Promise.resolve(Part)));
    render(<Lazy word="loaded" />);
    expect(await screen.findByText('loaded', undefined, { timeout: 2_000 })).toBeTruthy();
    expect(tries).toBe(2);
  });

  it('says it could not be loaded when the chunk never arrives, instead of showing nothing', async () => {
    const Lazy = lazyComponent<{ word: string }>(() => Promise.reject(new Error('Failed to fetch dynamically imported module')));
    render(<Lazy word="loaded" />);
    const alert = await screen.findByRole('alert', undefined, { timeout: 2_000 });
    expect(alert.textContent).toContain('could not be loaded');
    expect(alert.textContent).toContain('Failed to fetch dynamically imported module');
    expect(screen.queryByText('loaded')).toBeNull();
  });
});
