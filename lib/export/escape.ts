/** Escaping page text for the formats we write. Page text is never trusted as markup. */

/**
 * Characters that start Markdown or Obsidian syntax anywhere in a line: emphasis (* _ ~ =), code (`), links and
 * embeds ([ ] ! < >), tables (|), Obsidian tags (#), comments (%), math ($), and the escape itself (\).
 * CommonMark lets any ASCII punctuation be backslash-escaped, so over-escaping is harmless.
 */
const MD_INLINE = /[\\`*_[\]<>|#~=%$!]/g;
/** Line starts that make a block: headings, lists, quotes, rules, ordered lists ("1." / "1)"). */
const MD_LINE_START = /^(\s*)([-+>]|\d+[.)])/;

/** One line of page text as literal Markdown text (newlines become spaces). */
export function escapeMarkdown(text: string): string {
  const line = text.replace(/[\r\n]+/g, ' ').replace(MD_INLINE, '\\$&');
  return line.replace(MD_LINE_START, (_m, space: string, mark: string) => `${space}${mark.replace(/([-+>.)])$/, '\\$1')}`);
}

/** A URL inside <…> (CommonMark autolink form): spaces and angle brackets percent-encoded so it cannot break out. */
export function markdownUrl(url: string): string {
  return `<${url.replace(/[\s<>]/g, (c) => encodeURIComponent(c))}>`;
}

/** A YAML double-quoted scalar: JSON string syntax is valid YAML 1.2. */
export function yamlString(text: string): string {
  return JSON.stringify(text);
}

/**
 * BibTeX field text inside braces: the LaTeX specials escaped so a title cannot unbalance the braces or start a
 * command. From the LaTeX "special characters" table (\ { } $ & % # _ ~ ^).
 */
export function escapeBibtex(text: string): string {
  return text
    .replace(/[\r\n]+/g, ' ')
    .replace(/[\\{}$&%#_~^]/g, (c) =>
      c === '\\' ? '\\textbackslash{}' : c === '~' ? '\\textasciitilde{}' : c === '^' ? '\\textasciicircum{}' : `\\${c}`,
    );
}

/** A BibTeX url/doi field: no line breaks, braces removed (they cannot occur in a valid URL unescaped anyway). */
export function bibtexVerbatim(text: string): string {
  return text.replace(/[\r\n]+/g, '').replace(/[{}]/g, (c) => encodeURIComponent(c));
}

/** One RIS value: a single line, no tag-like line starts possible because line breaks are gone. */
export function risValue(text: string): string {
  return text.replace(/[\r\n\u2028\u2029]+/g, ' ').replace(/\s+/g, ' ').trim();
}
