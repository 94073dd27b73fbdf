/** The built manifests carry the icons (extension, toolbar button and Firefox's sidebar, each file a PNG of its size)
 * and the keyboard shortcuts that open the panel and start a note. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const OUT = path.resolve(import.meta.dirname, '../../.output');

/** Width and height from a PNG's IHDR chunk (bytes 16–23), or null when the file is no PNG. */
function pngSize(file: string): [number, number] | null {
  const b = readFileSync(file);
  if (b.toString('latin1', 1, 4) !== 'PNG' || b.toString('latin1', 12, 16) !== 'IHDR') return null;
  return [b.readUInt32BE(16), b.readUInt32BE(20)];
}

describe.each(['chrome-mv3', 'firefox-mv2'])('icons in %s', (build) => {
  const dir = path.join(OUT, build);
  const manifest = JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8'));
  const action = manifest.action ?? manifest.browser_action;
  const sets: [string, Record<string, string>][] = [['icons', manifest.icons], ['toolbar', action?.default_icon]];
  if (build.startsWith('firefox')) sets.push(['sidebar', manifest.sidebar_action?.default_icon]);

  it.each(sets)('%s: 16, 32, 48 and 128 px PNGs', (_, icons) => {
    expect(Object.keys(icons ?? {}).sort()).toEqual(['128', '16', '32', '48']);
    for (const [size, file] of Object.entries(icons)) expect(pngSize(path.join(dir, file))).toEqual([Number(size), Number(size)]);
  });

  it('has a keyboard shortcut that opens the panel', () => {
    const command = build.startsWith('firefox') ? '_execute_sidebar_action' : '_execute_action';
    expect(manifest.commands?.[command]?.suggested_key?.default).toBe('Alt+Shift+L');
  });

  it('has a keyboard shortcut and a selection menu entry that start a note', () => {
    expect(manifest.commands?.['add-note']?.suggested_key?.default).toBe('Alt+Shift+K');
    expect(manifest.permissions).toContain('contextMenus');
  });

  if (build.startsWith('firefox')) {
    it('has a toolbar icon for light and for dark themes', () => {
      for (const t of action.theme_icons) for (const file of [t.light, t.dark]) expect(pngSize(path.join(dir, file))).toEqual([t.size, t.size]);
    });
  }
});
