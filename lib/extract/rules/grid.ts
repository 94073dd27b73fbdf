/** Grid columns of CSS frameworks: a page laid out as a wide column holding the article and a narrow one beside it
 * holds the site's or the record's side panel there (versions, licence, collections, "most read"). */

/** Bootstrap 3–5 column classes (`col-3`, `col-md-3`, `col-lg-9`), Foundation's (`large-3` with `columns`, `column`
 * or `cell`), with the column's span. Breakpoints from narrowest to widest; the unprefixed one first. */
export const GRID_BREAKPOINTS = [
  '', // Bootstrap `col-N`, all widths
  'xs', // Bootstrap 3
  'sm',
  'md',
  'lg',
  'xl',
  'xxl', // Bootstrap 5
  'small', // Foundation
  'medium',
  'large',
  'xlarge',
  'xxlarge',
];
export const BOOTSTRAP_COLUMN = /(?:^|\s)col-(?:(xs|sm|md|lg|xl|xxl)-)?(\d{1,2})(?=\s|$)/g;
export const FOUNDATION_COLUMN = /(?:^|\s)(small|medium|large|xlarge|xxlarge)-(\d{1,2})(?=\s|$)/g;
export const FOUNDATION_COLUMN_MARK = /(?:^|\s)(?:columns?|cell)(?:\s|$)/;
/** A column is a side panel when it spans at most this share of the sibling column that holds the article (3 of 9
 * on HAL's record pages, 3 of 8 on snopes.com's; 12-column and 24-column grids alike). */
export const SIDE_COLUMN_MAX_SHARE = 0.5;
