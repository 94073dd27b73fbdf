/**
 * Page object for the Citelens panel opened as an ordinary tab (`sidepanel.html?tabId=N`), written against what a
 * reader sees: roles, names and visible text. Works with Playwright pages; the Firefox test has its own small copy
 * over Puppeteer.
 */
import type { Locator, Page } from 'playwright-core';

export class PanelPage {
  constructor(readonly page: Page) {}

  outline(): Locator {
    return this.page.getByRole('navigation', { name: 'Outline' });
  }

  /** Texts of the outline's buttons, in order (the citation count, when shown, is a separate element). */
  async outlineTexts(): Promise<string[]> {
    return this.outline().locator('.outline-text').allInnerTexts();
  }

  async openTab(name: RegExp | string): Promise<void> {
    await this.page.getByRole('tab', { name }).click();
  }

  entries(): Locator {
    return this.page.locator('li[data-link-state]');
  }

  async linkStates(): Promise<string[]> {
    return this.entries().evaluateAll((els) => els.map((el) => el.getAttribute('data-link-state') ?? ''));
  }

  /** Every href in the panel, to check that only http(s) links are rendered. */
  async hrefs(): Promise<string[]> {
    return this.page.locator('a[href]').evaluateAll((els) => els.map((el) => el.getAttribute('href') ?? ''));
  }
}
