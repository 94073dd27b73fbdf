/**
 * Runs in the page (Playwright's and Puppeteer's evaluate both take it with one argument): finds `wanted` within one
 * text node, then selects it, or scrolls it into view and returns a point on its first line box to click. Throws when
 * the text is not on the page. Self-contained: the browser gets its source, not its closure.
 */
export function onQuote([wanted, select]: [string, boolean]): { x: number; y: number } | null {
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const at = node.textContent!.indexOf(wanted);
    if (at < 0) continue;
    const range = document.createRange();
    range.setStart(node, at);
    range.setEnd(node, at + wanted.length);
    if (select) {
      const selection = getSelection()!;
      selection.removeAllRanges();
      selection.addRange(range);
      return null;
    }
    node.parentElement!.scrollIntoView({ block: 'center' });
    const box = range.getClientRects()[0];
    return { x: box.left + Math.min(20, box.width / 2), y: box.top + box.height / 2 };
  }
  throw new Error(`"${wanted}" is not on the page`);
}
