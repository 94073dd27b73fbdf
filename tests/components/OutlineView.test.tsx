// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { OutlineView } from '@/components/panel/OutlineView';
import { heading } from './report-fixture';

afterEach(cleanup);

const OUTLINE = [heading(1, 1, 'Title'), heading(2, 2, 'First', 3), heading(3, 3, 'Detail'), heading(4, 2, 'Second'), heading(5, 4, 'Skipped a level')];

describe('OutlineView', () => {
  it('nests headings by level under the title', () => {
    render(<OutlineView outline={OUTLINE} current={null} onJump={() => {}} />);
    const nav = screen.getByRole('navigation', { name: 'Outline' });
    const top = within(nav).getAllByRole('list')[0];
    expect([...top.children].map((li) => li.querySelector('.outline-text')!.textContent)).toEqual(['Title']);
    const title = top.children[0];
    const sections = title.querySelector('ul')!;
    expect([...sections.children].map((li) => li.querySelector('.outline-text')!.textContent)).toEqual(['First', 'Second']);
    // h4 directly under an h2 nests under it; the h3 nests under "First".
    expect(within(sections.children[0] as HTMLElement).getByRole('button', { name: /Detail/ })).toBeTruthy();
    expect(within(sections.children[1] as HTMLElement).getByRole('button', { name: /Skipped a level/ })).toBeTruthy();
  });

  it('jumps to the heading that is pressed', () => {
    const onJump = vi.fn();
    render(<OutlineView outline={OUTLINE} current={null} onJump={onJump} />);
    fireEvent.click(screen.getByRole('button', { name: /^Second/ }));
    expect(onJump).toHaveBeenCalledWith('h4');
  });

  it('marks the section being read and shows citation counts', () => {
    render(<OutlineView outline={OUTLINE} current="h2" onJump={() => {}} />);
    const first = screen.getByRole('button', { name: /^First/ });
    expect(first.getAttribute('aria-current')).toBe('location');
    expect(screen.getByRole('button', { name: /^Second/ }).getAttribute('aria-current')).toBeNull();
    expect(within(first).getByLabelText('3 citations').textContent).toBe('3');
  });

  it('says so when the page has no headings', () => {
    render(<OutlineView outline={[]} current={null} onJump={() => {}} />);
    expect(screen.getByText('This page has no headings.')).toBeTruthy();
  });
});
