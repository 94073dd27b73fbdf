/** W3C Web Annotation selectors (https://www.w3.org/TR/annotation-model/#selectors), as plain JSON. */
export interface TextQuoteSelector {
  type: 'TextQuoteSelector';
  exact: string;
  prefix: string;
  suffix: string;
}

export interface TextPositionSelector {
  type: 'TextPositionSelector';
  start: number;
  end: number;
}

export type Selector = TextQuoteSelector | TextPositionSelector;

/** How a stored quote was found again on the current page. */
export type AnchorStatus = 'exact' | 'fuzzy' | 'orphan';

export interface AnchorResult {
  noteId: string;
  status: AnchorStatus;
  /** Text-position of the match in the page's text (absent for orphans). */
  start?: number;
  end?: number;
}
