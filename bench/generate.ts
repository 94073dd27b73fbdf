/**
 * Generated stress pages for the benchmark (bench/run.ts). Deterministic: a seeded PRNG, so every run measures the
 * same bytes. Nothing here touches the network or the disk.
 *
 * - referencesPage(): a Wikipedia-style article with 3,000 references and 300 headings (ol.references, li ids
 *   cite_note-N, sup markers [N] linking to them, DOIs in a third of the entries).
 * - millionPage(): about 1,000,000 elements of article-shaped markup (the report must come back truncated in time).
 * - anchorArticle(): a ~1 MB article for re-anchoring 500 notes, and a changed copy (paragraphs inserted, deleted,
 *   and words edited) to re-anchor against.
 */

/** mulberry32 (public domain): small, fast, good enough to make text. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SYLLABLES = ['ka', 'lo', 'mi', 'ne', 'ra', 'to', 'su', 'vi', 'de', 'po', 'len', 'mar', 'tis', 'gor', 'ban', 'sel', 'quin', 'dra', 'fe', 'hu', 'ost', 'pel', 'ur', 'an'];

/** A fixed vocabulary of pronounceable words (so quotes are unique enough, as in real prose). */
export function vocabulary(size = 3000, seed = 7): string[] {
  const rnd = prng(seed);
  const words = new Set<string>();
  while (words.size < size) {
    const n = 1 + Math.floor(rnd() * 3);
    let w = '';
    for (let i = 0; i < n; i++) w += SYLLABLES[Math.floor(rnd() * SYLLABLES.length)];
    words.add(w);
  }
  return [...words];
}

const COMMON = ['the', 'of', 'and', 'in', 'to', 'a', 'is', 'was', 'for', 'on', 'as', 'with', 'by', 'that', 'from'];

/** A sentence-ish run of `n` words: common short words mixed with vocabulary words, capitalised, with a full stop. */
function sentence(rnd: () => number, vocab: string[], n: number): string {
  const out: string[] = [];
  for (let i = 0; i < n; i++) out.push(rnd() < 0.35 ? COMMON[Math.floor(rnd() * COMMON.length)] : vocab[Math.floor(rnd() * vocab.length)]);
  const s = out.join(' ');
  return s[0].toUpperCase() + s.slice(1) + '.';
}

function prose(rnd: () => number, vocab: string[], sentences: number): string {
  const out: string[] = [];
  for (let i = 0; i < sentences; i++) out.push(sentence(rnd, vocab, 8 + Math.floor(rnd() * 14)));
  return out.join(' ');
}

const HEAD = (title: string) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title><meta property="og:type" content="article"></head>`;

/** A Wikipedia-style article: `refs` references cited from `headings` sections, then one ol.references. */
export function referencesPage(refs = 3000, headings = 300): string {
  const rnd = prng(11);
  const vocab = vocabulary();
  const parts: string[] = [HEAD('Stress article with 3000 references - Wikipedia')];
  parts.push('<body class="mediawiki"><div id="mw-navigation"><nav id="p-navigation"><ul><li><a href="/wiki/Main_Page">Main page</a></li><li><a href="/wiki/Contents">Contents</a></li></ul></nav></div>');
  parts.push('<main id="content"><h1 id="firstHeading">Stress article with 3000 references</h1><div id="bodyContent"><div class="mw-parser-output">');
  const perSection = Math.ceil(refs / headings);
  let ref = 1;
  for (let h = 1; h <= headings; h++) {
    const level = h % 4 === 0 ? 3 : 2;
    const title = `Section ${h} ${vocab[h % vocab.length]}`;
    parts.push(`<div class="mw-heading mw-heading${level}"><h${level} id="Section_${h}">${title}</h${level}></div>`);
    // Two paragraphs per section; the section's references are cited across them.
    for (let p = 0; p < 2; p++) {
      const sentences: string[] = [];
      for (let s = 0; s < 5; s++) {
        let text = sentence(rnd, vocab, 10 + Math.floor(rnd() * 10));
        if (ref <= refs && ref <= h * perSection && (s + p * 5) % 2 === 0) {
          const cites = Math.min(perSection - ((ref - 1) % perSection), 1 + Math.floor(rnd() * 2));
          for (let c = 0; c < cites && ref <= refs; c++, ref++) {
            text += `<sup id="cite_ref-${ref}" class="reference"><a href="#cite_note-${ref}">[${ref}]</a></sup>`;
          }
        }
        sentences.push(text);
      }
      parts.push(`<p>${sentences.join(' ')}</p>`);
    }
    // Leftover references of this section (so every entry is cited once).
    while (ref <= Math.min(refs, h * perSection)) {
      parts.push(`<p>${sentence(rnd, vocab, 12)}<sup id="cite_ref-${ref}" class="reference"><a href="#cite_note-${ref}">[${ref}]</a></sup></p>`);
      ref++;
    }
  }
  parts.push('<div class="mw-heading mw-heading2"><h2 id="References">References</h2></div>');
  parts.push('<div class="reflist"><div class="mw-references-wrap mw-references-columns"><ol class="references">');
  for (let n = 1; n <= refs; n++) {
    const author = `${vocab[(n * 7) % vocab.length]}, ${vocab[(n * 13) % vocab.length][0].toUpperCase()}.`;
    const title = sentence(rnd, vocab, 6).replace(/\.$/, '');
    const year = 1950 + (n % 74);
    let cite: string;
    if (n % 3 === 0) {
      cite = `<cite class="citation journal cs1">${author} (${year}). "${title}". <i>Journal of ${vocab[n % vocab.length]}</i>. <b>${n % 90}</b>: ${n}–${n + 9}. <a href="https://doi.org/10.${1000 + (n % 9000)}/bench.${n}" class="extiw">doi:10.${1000 + (n % 9000)}/bench.${n}</a>.</cite>`;
    } else if (n % 3 === 1) {
      cite = `<cite class="citation web cs1"><a rel="nofollow" class="external text" href="https://example.org/${vocab[n % vocab.length]}/${n}">"${title}"</a>. <i>example.org</i>. Retrieved ${1 + (n % 28)} March 2024.</cite>`;
    } else {
      cite = `<cite class="citation book cs1">${author} (${year}). <i>${title}</i>. ${vocab[(n * 3) % vocab.length]} Press. p. ${n % 400}.</cite>`;
    }
    parts.push(`<li id="cite_note-${n}"><span class="mw-cite-backlink"><b><a href="#cite_ref-${n}">^</a></b></span> <span class="reference-text">${cite}</span></li>`);
  }
  parts.push('</ol></div></div></div></div></main><footer id="footer"><ul><li>This page was last edited today.</li></ul></footer></body></html>');
  return parts.join('\n');
}

/**
 * About `target` elements: a header and nav, then an article of blocks, each a <p> with 24 inline children, and a
 * heading every 400 blocks. Returns the HTML and the exact element count.
 */
export function millionPage(target = 1_000_000): { html: string; elements: number } {
  const rnd = prng(13);
  const vocab = vocabulary();
  const parts: string[] = [HEAD('A page of a million elements')];
  parts.push('<body><header class="site-header"><nav class="menu"><ul><li><a href="/">Home</a></li><li><a href="/a">A</a></li></ul></nav></header><main><article><h1>A page of a million elements</h1>');
  let elements = 14; // html, head, meta ×2, title, body, header, nav, ul, li ×2, a ×2, main … (approximate fixed part)
  elements += 2; // article, h1
  let block = 0;
  const word = () => vocab[Math.floor(rnd() * vocab.length)];
  while (elements < target) {
    if (block % 400 === 0) {
      parts.push(`<h2 id="s${block / 400}">Part ${block / 400} ${word()}</h2>`);
      elements++;
    }
    let inner = '';
    for (let i = 0; i < 24; i++) {
      inner += i % 6 === 5 ? `<a href="#s${i}">${word()}</a> ` : i % 2 ? `<em>${word()} ${word()}</em> ` : `<span>${word()} ${word()} ${word()}</span> `;
    }
    parts.push(`<p>${inner}</p>`);
    elements += 25;
    block++;
  }
  parts.push('</article></main></body></html>');
  return { html: parts.join('\n'), elements };
}

/** One paragraph of the anchoring article, from its own seed (so a changed copy keeps the others byte-identical). */
function anchorParagraph(i: number, vocab: string[]): string {
  const rnd = prng(1000 + i);
  const text = prose(rnd, vocab, 5 + Math.floor(rnd() * 4));
  // Some inline markup, so quotes cross element boundaries as they do on real pages.
  const words = text.split(' ');
  for (let k = 3; k < words.length - 2; k += 11 + Math.floor(rnd() * 6)) {
    words[k] = rnd() < 0.5 ? `<a href="https://example.org/${i}/${k}">${words[k]}</a>` : `<em>${words[k]}</em>`;
  }
  return words.join(' ');
}

/** Paragraph edits in the changed copy: inserted before, deleted, or one word replaced inside. */
export const ANCHOR_EDITS = { insertEvery: 40, deleteEvery: 97, editEvery: 7 } as const;

/**
 * A ~`bytes` article of paragraphs under h2 sections. `changed` inserts a new paragraph before every 40th, deletes
 * every 97th and replaces one word in every 7th, so positions shift (position selectors fail), most quotes are found
 * exactly elsewhere, some only fuzzily, and a few are gone.
 */
export function anchorArticle(changed: boolean, bytes = 1_000_000): string {
  const vocab = vocabulary();
  const parts: string[] = [HEAD('A long article for re-anchoring')];
  parts.push('<body><main><article><h1>A long article for re-anchoring</h1>');
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    if (i % 30 === 0) parts.push(`<h2 id="part-${i / 30}">Part ${i / 30}</h2>`);
    let p = anchorParagraph(i, vocab);
    size += p.length + 7;
    if (changed) {
      if (i % ANCHOR_EDITS.insertEvery === 0) parts.push(`<p>${prose(prng(5000 + i), vocab, 3)}</p>`);
      if (i % ANCHOR_EDITS.deleteEvery === 0 && i > 0) continue;
      if (i % ANCHOR_EDITS.editEvery === 0) {
        const words = p.split(' ');
        const k = Math.floor(words.length / 2);
        if (!words[k].includes('<')) words[k] = 'EDITED';
        p = words.join(' ');
      }
    }
    parts.push(`<p>${p}</p>`);
  }
  parts.push('</article></main></body></html>');
  return parts.join('\n');
}
