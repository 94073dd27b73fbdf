/** Labels of reference lists, and labels that look like them but are not (../../tests/corpus/SHARED-README.md rules). */
import { LABEL_END, LABEL_START, classTokens, phrases } from './build';

/**
 * Labels of reference and note lists, whole-label match after trimming a trailing colon. The German ones come from the
 * corpus (Literatur, Literaturverzeichnis, Quellen, Einzelnachweise, Anmerkungen), the rest from the Wikipedias'
 * section names and publishers' templates.
 */
export const REFERENCE_LABEL = /* @__PURE__ */ referenceLabel();
/** A function call marked pure, so bundles that never read REFERENCE_LABEL (the always-on content script) drop it. */
function referenceLabel(): RegExp {
  return phrases(
    [
      // English
      '(?:notes?\\s*(?:and|&)\\s*)?references?(?:\\s*(?:and|&)\\s*notes?)?',
      '(?:normative|informative) references', // IETF RFCs and drafts (RFC 7322, ietf-remotestorage-draft)
      'references? cited',
      'references? (?:and|&) sources', // smarterarticles-ai-art-compensation
      'sources (?:and|&) references',
      'article sources', // Dotdash Meredith's and SmartAsset's source boxes (investopedia-digital-marketing, smartasset-financial-planning-business-for-sale)
      // a qualified list: the key and the other references of a health fact sheet (nccih-meditation-mindfulness),
      // Wikipedia's "General references", a review's "Selected references"
      '(?:key|other|selected|select|additional|general|further|main|primary|secondary) (?:references|sources)',
      'cited (?:works|sources|literature)',
      'works cited',
      'literature cited',
      'citations', // plural only: a singular "Citation" heads a how-to-cite box (NOT_REFERENCE_LABEL)
      'sources?(?:\\s*(?:and|&)\\s*notes?)?',
      'notes?(?:\\s*(?:and|&)\\s*sources?)?',
      'end ?notes?',
      'foot ?notes?',
      'bibliograph(?:y|ies)',
      'selected bibliography',
      'further sources',
      // German (corpus: careelite, hummelschutz, oekonomenstimme, huettenhilfe, publikum; de.wikipedia)
      'literatur',
      'literaturverzeichnis',
      'literaturhinweise',
      'literaturangaben',
      'verwendete literatur',
      'quellen',
      'quelle',
      'quellenangaben',
      'quellenverzeichnis',
      'einzelnachweise',
      'anmerkungen',
      'fußnoten',
      'fussnoten',
      'belege',
      'nachweise',
      // French (laviedesidees; fr.wikipedia)
      'références',
      'références bibliographiques',
      'bibliographie',
      'notes et références',
      'sources et références',
      // Spanish (es.wikipedia)
      'referencias',
      'bibliografía',
      'fuentes',
      'notas',
      'notas y referencias',
      'citas',
      // Italian (it.wikipedia)
      'note',
      'riferimenti',
      'riferimenti bibliografici',
      'bibliografia',
      'fonti',
      'note e riferimenti',
      // Portuguese (pt.wikipedia)
      'referências',
      'notas e referências',
      'fontes',
      'referências bibliográficas',
      // Dutch (nl.wikipedia)
      'bronnen',
      'bronvermelding',
      'noten',
      'referenties',
      'literatuur',
      'voetnoten',
      // Chinese and Japanese (zh/ja.wikipedia)
      '参考文献',
      '参考资料',
      '参考資料',
      '引用',
      '出典',
      '注释',
      '注釋',
      '注释与参考文献',
      '脚注',
      '注釈',
      '注',
      '外部链接参考',
      '文献',
    ],
    LABEL_END,
    LABEL_START,
  );
}

/** Labels that sit before a single inline citation in a paragraph (phys.org's "More information:"). */
export const INLINE_REFERENCE_LABEL = /* @__PURE__ */ phrases(
  [
    'more information',
    'reference',
    'references',
    'source',
    'sources',
    'quelle',
    'quellen',
    'literatur',
    'référence',
    'fuente',
    'fonte',
    'bron',
  ],
  '\\s*[:：]$',
);

/** Labels that look like reference labels but are not: further reading, external links, see also (corpus rules). */
export const NOT_REFERENCE_LABEL = /* @__PURE__ */ phrases(
  [
    'further reading',
    'external links',
    'see also',
    'weiterführende literatur', // de
    'weblinks',
    'siehe auch',
    'liens externes', // fr
    'voir aussi',
    'pour aller plus loin',
    'aller plus loin', // legrandcontinent-heran's "Pour aller plus loin" box
    'enlaces externos', // es
    'véase también',
    'collegamenti esterni', // it
    'voci correlate',
    'links externos', // pt
    'ver também',
    'externe links', // nl
    'zie ook',
    '外部链接', // zh
    '関連項目', // ja
    '外部リンク',
  ],
  '\\s*:?$',
);

/** Labels of how-to-cite boxes: the article's own citation to copy, not its sources (corpus rules: a "how to cite this
 * page" box is not a reference list). Not list labels, and not outline heads: they end a list that runs into them.
 * "Citation" in the singular is one (REFERENCE_LABEL takes only the plural): Project Euclid's h2 "Citation"
 * (euclid-renormalization-group), IOP's <strong>Citation</strong> line (iop-bilayer-gbr-membranes), phys.org's
 * print-only "Citation:"; "Pour citer cet article" (laviedesidees-evaluation), OpenEdition's "Référence électronique". */
export const HOW_TO_CITE_LABEL = /* @__PURE__ */ phrases(
  [
    'citation',
    'cite this (?:article|page|paper|chapter|entry|item)',
    'how to cite(?: this (?:article|page|paper|entry))?',
    'cite as',
    '(?:suggested|recommended|preferred) citation',
    'zitiervorschlag', // de
    'zitierweise',
    'pour citer (?:cet article|ce document|cette page)', // fr
    'citer cet article',
    'référence (?:électronique|papier)', // OpenEdition journals
    'cómo citar(?: este artículo)?', // es
    'citar este artículo',
  ],
  '\\s*:?$',
);

/** Whole class tokens of an admonition box ("Note", "Tip", "Warning" callouts): a label in one titles the box, whose
 * text is advice, not a list of notes. Bootstrap's alert (Gentoo's wiki boxes: gentoo-wiki-portage), Sphinx's and
 * MkDocs' admonition, Docusaurus's theme-admonition, GitHub's markdown-alert, Obsidian's and Notion's callout. With
 * ARIA's role="note" (the same box, said for machines). */
export const ADMONITION_CLASS = /* @__PURE__ */ classTokens([
  'alert',
  'admonition',
  'theme-admonition',
  'markdown-alert',
  'callout',
]);

