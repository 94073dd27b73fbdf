/** Time and size budgets of a report. Each says where it came from; the measurements are in bench/RESULTS.md. */

/** Default time budget for a full report: a partial answer within 1 s on any page (issue #5's bar for the 1M-element
 * page). 900, not 1,000: what runs after the last clock check, and the pauses between slices, made the answer arrive
 * just past 1,000 ms with a 1,000 ms budget. Only pathological pages reach it; they come back with `truncated: true`. */
export const DEFAULT_BUDGET_MS = 900;
/** Share of the budget a sliced report works before the wall clock counts too. Until then only its own working time
 * counts, so a page busy with its own scripts between the slices gets the same report as an idle one, later; after
 * that the pauses count, so the 1M-element page still answers within the second. */
export const WALL_CLOCK_AFTER_SHARE = 1 / 3;
/** Share of the budget the document scan may use; the stages after it check the clock too and stop with what they
 * have. Half: on the benchmark's 1M-element page they cost about as much as the scan. */
export const SCAN_BUDGET_SHARE = 0.5;
/** Share of the budget by which detection stops reading prose (bench/quick.ts on the 1M-element page). */
export const DETECT_BUDGET_SHARE = 0.8;
/** Longest stretch of a sliced report between pauses, in ms. A task over 50 ms is a "long task" (W3C Long Tasks API);
 * a slice ends at the first checkpoint past this, and V8's incremental marking of a huge DOM adds steps of ~10 ms
 * inside whatever script runs, so 10 ms slices keep tasks under 50 ms where 20 ms ones did not (docs/speed.md). */
export const SLICE_MS = 10;
/** Child nodes of one container read for its own text (detection): a forum post of 500 lines has ~1,000; a container
 * of 40,000 paragraphs (the 1M-element stress page) would otherwise be read whole in one step. */
export const MAX_OWN_TEXT_CHILDREN = 4096;
/** How often (in elements) the walker looks at the clock, and where a sliced report (lib/extract/work.ts) may pause:
 * often enough to stop within a few ms of a slice, rarely enough to cost nothing (performance.now() is ~25 ns). */
export const CLOCK_CHECK_EVERY = 256;
/** Texts longer than this are cut when read (a 50 MB text node must not be copied whole into a report). */
export const MAX_TEXT_CHARS = 20_000;
/** The most reference entries one report carries; a page with more gets them and `truncated: true`. The reply to the
 * panel is cloned in one task of the page's thread at ~5 µs an entry, so 5,000 stay near 25 ms. The corpus's largest
 * list has 387 entries, the benchmark's Wikipedia-style page 3,000. */
export const MAX_REPORT_ENTRIES = 5_000;
/** Elements a page may have for detection to run its whole-document selector checks (forum posts, vote controls): one
 * such query took 81 ms on the 1M-element page in Chromium (two of them made the sliced report's 160–210 ms tasks),
 * so about 16 ms at this size. Larger pages are judged by their prose and declarations alone. */
export const MAX_SELECTOR_CHECK_ELEMENTS = 200_000;
