/**
 * Navigations without reload (pushState, the Navigation API), through WXT's `wxt:locationchange` on the script's
 * context, debounced: `settled` runs once the new view has had time to render.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { CHANGE_MAX_WAIT_MS, LOCATION_SETTLE_MS } from './constants';
import type { PageWindow } from './text';

export interface NavigationHandlers {
  /** Right away, on every navigation (the old page's report is stale). */
  started?(): void;
  /** After LOCATION_SETTLE_MS without another navigation, or CHANGE_MAX_WAIT_MS after the first of a run of them. */
  settled(): void;
}

/**
 * A page that navigates again and again (a pushState every 100 ms) still settles every CHANGE_MAX_WAIT_MS. The timer is
 * the page's own, cleared on invalidation: a ctx timer per navigation would add a listener each time that stays until
 * the script ends.
 */
export function watchNavigations(ctx: ContentScriptContext, win: PageWindow, { started, settled }: NavigationHandlers): void {
  let settle: number | undefined;
  let pendingSince = 0;
  ctx.addEventListener(win, 'wxt:locationchange', () => {
    started?.();
    const now = Date.now();
    if (settle === undefined) pendingSince = now;
    else win.clearTimeout(settle);
    settle = win.setTimeout(
      () => {
        settle = undefined;
        if (!ctx.isInvalid) settled();
      },
      Math.max(0, Math.min(LOCATION_SETTLE_MS, pendingSince + CHANGE_MAX_WAIT_MS - now)),
    );
  });
  ctx.onInvalidated(() => win.clearTimeout(settle));
}
