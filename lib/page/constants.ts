/** Tuning values for the page side of the extension, each named with why it is what it is. */

/** Elements taller than this share of the viewport are not treated as a sticky header (they are layouts, overlays). */
export const STICKY_HEADER_MAX_VIEWPORT_SHARE = 0.4;

/** Points along the top edge probed for fixed/sticky elements: fractions of the viewport width. */
export const STICKY_PROBE_X_FRACTIONS = [0.1, 0.5, 0.9];

/** Pixels from the very top where a sticky header is looked for (it may have a thin border above it). */
export const STICKY_PROBE_Y_PX = 2;

/** Breathing room left between a sticky header (or the viewport edge) and the target of a jump. */
export const JUMP_GAP_PX = 12;

/** How long the jump mark stays visible, in milliseconds: long enough to find it, short enough not to annoy. */
export const JUMP_MARK_MS = 1600;

/** Colour of the jump mark (an outline, which never moves layout). */
export const JUMP_MARK_COLOUR = 'rgba(255, 170, 0, 0.95)';

/**
 * The scroll-spy's reading line, as a share of the viewport height from the top: the current section is the last
 * heading above it. Near the top, so a heading scrolled (or jumped) to the top is current even when its section is
 * short and the next heading is already in view; low enough to clear most sticky headers.
 */
export const READING_LINE_SHARE = 0.15;

/**
 * A DOM change counts as "large" (worth a new report) when at least this many element nodes were added in one burst.
 * A comment widget or an ad slot adds tens; a single-page site swapping its article adds hundreds.
 */
export const LARGE_CHANGE_ADDED_ELEMENTS = 80;

/** A burst ends after this many quiet milliseconds. */
export const CHANGE_QUIET_MS = 700;

/** A burst is judged after at most this long, so a slow trickle (tickers, live comments) is never counted up forever. */
export const CHANGE_MAX_WAIT_MS = 4000;

/** After a single-page-site navigation, wait this long for the new view to render before asking for a new report. */
export const LOCATION_SETTLE_MS = 500;

/** Characters of an entry's text compared when its element has no id and must be found by text. */
export const ENTRY_MATCH_CHARS = 60;

/** The first look (badge) waits for an idle moment, but no longer than this, in milliseconds. */
export const FIRST_LOOK_TIMEOUT_MS = 2000;
