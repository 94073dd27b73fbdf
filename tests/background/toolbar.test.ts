import { describe, expect, it, vi } from 'vitest';
import { badgeText, setBadge, wirePanelButton, type ActionApi } from '@/lib/background/toolbar';

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
