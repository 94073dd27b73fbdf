// @vitest-environment jsdom
// The content script on every page asks for the reader once the page looks like an article: when it starts (at the
// first idle moment), or after a large change or a navigation turns it into one. Other pages never ask.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { quickDetect } from '@/lib/extract/detect';
import { CHANGE_MAX_WAIT_MS, LARGE_CHANGE_ADDED_ELEMENTS } from '@/lib/page/constants';
import { startLookout } from '@/lib/page/lookout';
import type { PageWindow } from '@/lib/page/text';

/** An article body: prose well past the cheap check's threshold, in more elements than a large change needs. */
function articleHtml(): string {
  const para = 'The committee heard evidence from twelve witnesses over three days, and its report runs to two hundred pages. ';
  return Array.from({ length: LARGE_CHANGE_ADDED_ELEMENTS + 5 }, () => `<p>${para.repeat(3)}</p>`).join('');
}

beforeEach(() => {
  // An article's address: the cheap check takes a site's front page ("/") for a list of articles, not one.
  history.replaceState(null, '', '/news/2026/11/committee-report');
  vi.useFakeTimers();
  document.body.innerHTML = '<nav><a href="/">Home</a></nav>';
});
afterEach(() => {
  vi.useRealTimers();
  document.body.innerHTML = '';
});

async function settle() {
  await vi.advanceTimersByTimeAsync(CHANGE_MAX_WAIT_MS);
}

describe('content script lookout', () => {
  it('asks for the reader once on an article page', async () => {
    document.body.innerHTML = articleHtml();
    const loadReader = vi.fn(async () => true);
    startLookout(document, window as PageWindow, { quickDetect, loadReader, alive: () => true });
    await settle();
    expect(loadReader).toHaveBeenCalledTimes(1);
    // Later changes are the reader's to watch.
    document.body.insertAdjacentHTML('beforeend', articleHtml());
    await settle();
    expect(loadReader).toHaveBeenCalledTimes(1);
  });

  it('never asks on a page that is not an article', async () => {
    const loadReader = vi.fn(async () => true);
    startLookout(document, window as PageWindow, { quickDetect, loadReader, alive: () => true });
    await settle();
    document.body.insertAdjacentHTML('beforeend', '<ul>' + '<li><a href="/x">x</a></li>'.repeat(LARGE_CHANGE_ADDED_ELEMENTS) + '</ul>');
    await settle();
    expect(loadReader).not.toHaveBeenCalled();
  });

  it('asks when a large change turns the page into an article (a single-page site rendering late)', async () => {
    const loadReader = vi.fn(async () => true);
    startLookout(document, window as PageWindow, { quickDetect, loadReader, alive: () => true });
    await settle();
    expect(loadReader).not.toHaveBeenCalled();
    document.body.insertAdjacentHTML('beforeend', articleHtml());
    await settle();
    expect(loadReader).toHaveBeenCalledTimes(1);
  });

  it('asks again at the next change when the reader could not be loaded', async () => {
    document.body.innerHTML = articleHtml();
    const loadReader = vi.fn(async () => false);
    startLookout(document, window as PageWindow, { quickDetect, loadReader, alive: () => true });
    await settle();
    document.body.insertAdjacentHTML('beforeend', articleHtml());
    await settle();
    expect(loadReader).toHaveBeenCalledTimes(2);
  });

  it('stops once the extension is gone (removed or updated)', async () => {
    const loadReader = vi.fn(async () => true);
    let alive = true;
    startLookout(document, window as PageWindow, { quickDetect, loadReader, alive: () => alive });
    alive = false;
    document.body.innerHTML = articleHtml();
    await settle();
    document.body.insertAdjacentHTML('beforeend', articleHtml());
    await settle();
    expect(loadReader).not.toHaveBeenCalled();
  });
});
