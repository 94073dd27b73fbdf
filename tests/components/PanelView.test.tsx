// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { loadLazyParts } from './lazy-parts';
import { PanelView } from '@/components/panel/PanelView';
import type { PanelSnapshot } from '@/lib/panel/controller';
import { MESSAGE_NO_ANSWER } from '@/lib/panel/state';
import { entry, heading, list, report } from './report-fixture';

beforeAll(loadLazyParts, 30_000);
afterEach(cleanup);

const snap = (state: PanelSnapshot['state'], patch: Partial<PanelSnapshot> = {}): PanelSnapshot => ({ tabId: 7, state, section: null, jumpError: null, request: null, ...patch });
const noop = () => {};

const ARTICLE = report({
  title: 'Cool roof',
  outline: [heading(1, 1, 'Cool roof'), heading(2, 2, 'History', 1), heading(3, 2, 'Effects', 1)],
  referenceLists: [list([entry(1, { citedBy: ['c1'] }), entry(2, { linkState: 'linked', hasLink: true })])],
  citations: {
    markers: [
      { id: 'c1', text: '[1]', target: 'cite_note-1', entryId: 'r1-e1', sectionId: 'h2' },
      { id: 'c2', text: '[9]', target: 'cite_note-9', entryId: null, sectionId: 'h3' },
    ],
    uncited: ['r1-e2'],
    dangling: ['c2'],
  },
});

describe('PanelView', () => {
  it('says it is reading while the report is on its way', () => {
    render(<PanelView snapshot={snap({ kind: 'loading' })} onJump={noop} onReload={noop} />);
    expect(screen.getByRole('status').textContent).toBe('Reading the page…');
  });

  it('says honestly that a page is not an article, and reads it anyway on request', () => {
    const onReload = vi.fn();
    const notArticle = report({ isArticle: false, detection: { score: 0, reasons: ['little prose (0 characters)'] } });
    render(<PanelView snapshot={snap({ kind: 'report', report: notArticle, forced: false })} onJump={noop} onReload={onReload} />);
    expect(screen.getByRole('heading', { name: 'This page does not look like an article' })).toBeTruthy();
    expect(screen.getByText('little prose (0 characters)')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Read it anyway' }));
    expect(onReload).toHaveBeenCalledWith(true);
  });

  it('shows a forced report with a note that the page did not look like an article', () => {
    const forced = report({ isArticle: false, title: 'Sign in', outline: [heading(1, 1, 'Sign in')] });
    render(<PanelView snapshot={snap({ kind: 'report', report: forced, forced: true })} onJump={noop} onReload={noop} />);
    expect(screen.getByText('Read anyway: this page did not look like an article.')).toBeTruthy();
    expect(screen.getByRole('navigation', { name: 'Outline' })).toBeTruthy();
  });

  it('explains pages it cannot read, with a way to try again', () => {
    const onReload = vi.fn();
    render(<PanelView snapshot={snap({ kind: 'unavailable', message: MESSAGE_NO_ANSWER })} onJump={noop} onReload={onReload} />);
    expect(screen.getByRole('heading', { name: 'Citelens cannot read this page' })).toBeTruthy();
    expect(screen.getByText(MESSAGE_NO_ANSWER)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(onReload).toHaveBeenCalledWith(false);
  });

  it('shows the content script’s error as a message', () => {
    render(<PanelView snapshot={snap({ kind: 'error', message: 'The page could not be read: boom' })} onJump={noop} onReload={noop} />);
    expect(screen.getByRole('heading', { name: 'Something went wrong' })).toBeTruthy();
    expect(screen.getByText('The page could not be read: boom')).toBeTruthy();
  });

  it('has keyboard tabs for Outline, References, Citations and Notes', () => {
    render(<PanelView snapshot={snap({ kind: 'report', report: ARTICLE, forced: false })} onJump={noop} onReload={noop} />);
    const tabs = screen.getAllByRole('tab');
    expect(tabs.map((t) => t.textContent)).toEqual(['Outline (3)', 'References (2)', 'Citations', 'Notes']);
    expect(tabs.map((t) => t.getAttribute('tabindex'))).toEqual(['0', '-1', '-1', '-1']);
    fireEvent.keyDown(tabs[0], { key: 'ArrowRight' });
    expect(screen.getByRole('tab', { name: 'References (2)' }).getAttribute('aria-selected')).toBe('true');
    expect(screen.getByRole('tabpanel', { name: 'References (2)' })).toBeTruthy();
    expect(document.activeElement?.textContent).toBe('References (2)');
    fireEvent.keyDown(document.activeElement!, { key: 'End' });
    expect(screen.getByRole('tab', { name: 'Notes' }).getAttribute('aria-selected')).toBe('true');
    fireEvent.keyDown(document.activeElement!, { key: 'Home' });
    expect(screen.getByRole('tab', { name: 'Outline (3)' }).getAttribute('aria-selected')).toBe('true');
  });

  it('audits citations: entries never cited and markers with no entry, each a jump', () => {
    const onJump = vi.fn();
    render(<PanelView snapshot={snap({ kind: 'report', report: ARTICLE, forced: false })} onJump={onJump} onReload={noop} />);
    fireEvent.click(screen.getByRole('tab', { name: 'Citations' }));
    expect(screen.getByText('2 citation markers · 1 entry never cited · 1 marker with no entry')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: /Title number 2/ }));
    fireEvent.click(screen.getByRole('button', { name: '[9] in “Effects”' }));
    expect(onJump.mock.calls.map((c) => c[0])).toEqual([
      { kind: 'entry', id: 'r1-e2' },
      { kind: 'marker', id: 'c2' },
    ]);
  });

  it('shows a failed jump in a status line', () => {
    render(<PanelView snapshot={snap({ kind: 'report', report: ARTICLE, forced: false }, { jumpError: 'That part of the page is no longer there.' })} onJump={noop} onReload={noop} />);
    expect(screen.getByText('That part of the page is no longer there.')).toBeTruthy();
  });
});
