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

/**
 * A URL inside <…> (CommonMark autolink form): spaces and angle brackets percent-encoded so it cannot break out. Only
 * http(s) addresses become links; anything else (javascript:, data:, a backup's garbage) is written as escaped text.
 */
export function markdownUrl(url: string): string {
  if (!/^https?:\/\//i.test(url)) return escapeMarkdown(url);
  return `<${url.replace(/[\s<>]/g, (c) => encodeURIComponent(c))}>`;
}

/** The one link form the panel renders in a note (components/notes/NoteText.tsx): [text](http(s)://…). */
const NOTE_LINK = /\[[^\]\n]+\]\(https?:\/\/[^\s)]+\)/y;

/**
 * A note body for Markdown: the reader's light Markdown is kept (emphasis, code, lists, http(s) links), but what the
 * panel shows as literal text stays literal: raw HTML (`<`), images (`![`), and every `[` that does not open an
 * http(s) link (so `[x](javascript:…)`, `[x][1]` with `[1]: javascript:…`, and entity-encoded targets are inert).
 */
export function escapeNoteMarkdown(body: string): string {
  let out = '';
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (c === '[') {
      NOTE_LINK.lastIndex = i;
      const link = NOTE_LINK.exec(body);
      if (link && body[i - 1] !== '!') {
        out += link[0];
        i += link[0].length - 1;
        continue;
      }
      out += '\\[';
    } else if (c === '<' || (c === '!' && body[i + 1] === '[')) out += `\\${c}`;
    else out += c;
  }
  return out;
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

/**
 * One RIS value: a single line, no tag-like line starts possible because line breaks are gone. Every control
 * character goes too: readers that split lines like Python's splitlines() also break at \v, \f, U+001C-U+001E and
 * NEL (U+0085), so "x\u0085TY  - BOOK" would otherwise start a new record there.
 */
export function risValue(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ').replace(/\s+/g, ' ').trim();
}

/** Words of a title as a file name's stem ("Cool roof: a history" → "Cool-roof-a-history"), at most 60 characters. */
export function fileStem(title: string): string {
  return title.replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-+|-+$/g, '').slice(0, 60);
}
