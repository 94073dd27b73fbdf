import { describe, expect, it, vi } from 'vitest';
import { BADGE_COLOUR, BADGE_FINDINGS_COLOUR, badgeText, DEFAULT_TITLE, setBadge, wirePanelButton, type ActionApi } from '@/lib/background/toolbar';
import { findingsFor, saveFindings } from '@/lib/panel/findings';
import { memoryStorage } from '../support/memory-storage';

function fakeAction(): ActionApi & { clicks: Array<(tab: { id?: number }) => void> } {
  const clicks: Array<(tab: { id?: number }) => void> = [];
  return { clicks, setBadgeText: vi.fn(), setBadgeBackgroundColor: vi.fn(), onClicked: { addListener: (cb) => clicks.push(cb) } };
}

describe('toolbar', () => {
  it('shows the unlinked count, nothing for zero or non-articles', () => {
    expect(badgeText(5)).toBe('5');
    expect(badgeText(0)).toBe('');
    expect(badgeText(null)).toBe('');
    expect(badgeText(1234)).toBe('999+');
  });

  it('sets per-tab badge text through action, or browserAction on Firefox MV2', async () => {
    const browserAction = fakeAction();
    await setBadge({ browserAction }, 42, 5);
    expect(browserAction.setBadgeText).toHaveBeenCalledWith({ tabId: 42, text: '5' });
  });

  it('lets Chrome open the side panel itself, and toggles the Firefox sidebar on click', async () => {
    const setPanelBehavior = vi.fn().mockResolvedValue(undefined);
    await wirePanelButton({ sidePanel: { setPanelBehavior }, action: fakeAction() });
    expect(setPanelBehavior).toHaveBeenCalledWith({ openPanelOnActionClick: true });
    const browserAction = fakeAction();
    const toggle = vi.fn().mockResolvedValue(undefined);
    await wirePanelButton({ browserAction, sidebarAction: { toggle } });
    browserAction.clicks[0]({ id: 1 });
    expect(toggle).toHaveBeenCalledTimes(1);
  });
});

describe('toolbar badge with online findings', () => {
  it('turns red with the counts in the title when a check found retracted works or dead links', async () => {
    const setTitle = vi.fn((_details: { tabId?: number; title: string }) => {});
    const action = { ...fakeAction(), setTitle };
    await setBadge({ action }, 3, 5, { retracted: 1, dead: 2 });
    expect(action.setBadgeBackgroundColor).toHaveBeenLastCalledWith({ tabId: 3, color: BADGE_FINDINGS_COLOUR });
    expect(action.setBadgeText).toHaveBeenLastCalledWith({ tabId: 3, text: '5' });
    expect(setTitle).toHaveBeenLastCalledWith({ tabId: 3, title: 'Citelens: 5 references without a link · 1 retracted · 2 dead links' });
    // Nothing unlinked, one retraction: the badge still says something is wrong.
    await setBadge({ action }, 3, 0, { retracted: 1, dead: 0 });
    expect(action.setBadgeText).toHaveBeenLastCalledWith({ tabId: 3, text: '!' });
    // Nothing found: amber, and the plain title.
    await setBadge({ action }, 3, 2, { retracted: 0, dead: 0 });
    expect(action.setBadgeBackgroundColor).toHaveBeenLastCalledWith({ tabId: 3, color: BADGE_COLOUR });
    expect(setTitle).toHaveBeenLastCalledWith({ tabId: 3, title: 'Citelens: 2 references without a link' });
    await setBadge({ action }, 3, null);
    expect(setTitle).toHaveBeenLastCalledWith({ tabId: 3, title: DEFAULT_TITLE });
  });

  it('keeps findings for the page the tab shows, not for the next page in it', async () => {
    const area = memoryStorage();
    await saveFindings(area, 4, 'https://j.example/a#intro', { retracted: 1, dead: 0 });
    expect(await findingsFor(area, 4, 'https://j.example/a#results')).toEqual({ retracted: 1, dead: 0 });
    expect(await findingsFor(area, 4, 'https://j.example/b')).toBeUndefined();
    expect(await findingsFor(area, 5, 'https://j.example/a')).toBeUndefined();
  });
});
