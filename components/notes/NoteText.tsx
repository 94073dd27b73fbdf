/**
 * Light Markdown for note bodies, built as Preact nodes (never innerHTML): paragraphs, line breaks, "- " lists,
 * **bold**, *italic*, `code` and http(s) links. Anything else stays literal text.
 */
import type { ComponentChildren } from 'preact';

/** Inline marks in one pass; the link form only accepts http(s) targets, so `javascript:` stays text. */
const INLINE = /(`[^`\n]+`)|(\*\*[^*\n]+\*\*)|(\*[^*\n]+\*)|(\[[^\]\n]+\]\((https?:\/\/[^\s)]+)\))|(https?:\/\/[^\s<>()]+[^\s<>().,;:!?'"])/g;

export function renderInline(text: string): ComponentChildren[] {
  const out: ComponentChildren[] = [];
  let last = 0;
  for (const m of text.matchAll(INLINE)) {
    if (m.index! > last) out.push(text.slice(last, m.index));
    const [all, code, bold, em, link, href, bare] = m;
    if (code) out.push(<code>{code.slice(1, -1)}</code>);
    else if (bold) out.push(<strong>{bold.slice(2, -2)}</strong>);
    else if (em) out.push(<em>{em.slice(1, -1)}</em>);
    else if (link && href) out.push(<a href={href} target="_blank" rel="noopener noreferrer">{link.slice(1, link.indexOf(']('))}</a>);
    else if (bare) out.push(<a href={bare} target="_blank" rel="noopener noreferrer">{bare}</a>);
    else out.push(all);
    last = m.index! + all.length;
  }
  if (last < text.length) out.push(text.slice(last));
  return out;
}

export function NoteText({ text }: { text: string }) {
  const blocks = text.trim().split(/\n\s*\n/);
  return (
    <div class="note-text">
      {blocks.map((block) => {
        const lines = block.split('\n');
        if (lines.every((l) => /^\s*[-*] /.test(l))) {
          return <ul>{lines.map((l) => <li>{renderInline(l.replace(/^\s*[-*] /, ''))}</li>)}</ul>;
        }
        return <p>{lines.flatMap((l, i) => (i ? [<br />, ...renderInline(l)] : renderInline(l)))}</p>;
      })}
    </div>
  );
}
