// Every page of tests/corpus through buildReport, scored in-process by the project's scorer (eval/score.mjs, the
// rules of the shared corpus). Pages that come out exactly right are listed below and must stay right: the list only
// grows (a ratchet). The totals must stay at or above the bars, which are raised as the extractor improves.
import { describe, expect, it } from 'vitest';
// @ts-expect-error plain ES module without types
import { corpusPages, pageLine, scorePage, total, totalLine } from '../../eval/score.mjs';
import { reportForFile } from './helpers';

const EXACT_PAGES = [
  '37signals-dev-rails-delegated-type',
  'about-lung-cancer-genetic-testing',
  'acl-prompt-data-points',
  'acp-influenza-vaccination',
  'acs-cuaac-click-solid-phase',
  'acs-photonics-squeezed-light',
  'aip-apl-1965-issue-toc',
  'allrecipes-dinner-recipes-index',
  'amazon-uk-vegetable-perfection',
  'amazon-us-whole-truth-kindle',
  'anarcat-cdpath',
  'annualreviews-mbl-thermalization',
  'ansto-dspace-silk-metal-ions',
  'anwalt-niemeyer-home',
  'apa-arc-replication-crisis',
  'app-brachiosaurus-pneumatic-ribs',
  'apple-podcasts-mixx-episode',
  'aps-prx-turbulent-dynamo-tearing',
  'aps-rmp-ultrafast-electron-diffraction',
  'baiduzhidao-quake-warning-question',
  'baike-xiongan-hitech-zone',
  'bbc-obama-guns',
  'bhphoto-nikon-d750-product',
  'bing-serp-microsoft-wikipedia',
  'biorxiv-urine-cfdna',
  'blogger-greenpak4',
  'bmc-evolbiol-lion-ancient-dna',
  'bmc-trials-decision-making-frail-elderly',
  'bmc-trials-emotional-labour-staff',
  'bmj-dabigatran-warfarin-prediction',
  'bogleheads-strategy-review-thread',
  'careelite-flaechenverbrauch',
  'cfpb-guide-filing-taxes',
  'coaching-magazin-transgenerational',
  'constructioncoverage-hottest-real-estate-markets',
  'contemporaryartissue-fine-art-photographers',
  'decodingai-workflows-vs-agents',
  'deezer-despecha-track',
  'dhammatalks-mn37',
  'dlib-crowdsourcing-glam',
  'dribbble-phenomenon-profile',
  'dugushici-bai-juyi-night-rain',
  'educationdata-online-college-cost',
  'euclid-delocalization-eigenvectors',
  'euclid-renormalization-group',
  'eventbrite-online-tech-conferences-search',
  'evm-hr-planning-events',
  'fandom-water-making-spell',
  'filippo-transparent-keyserver',
  'firefox-customize-landing',
  'firstmonday-hiv-surveillance-design',
  'fivethirtyeight-endorsements',
  'forestwholefoods-sunflower-seeds',
  'freedonia-plumbing-fixtures-report',
  'frontiers-canine-cooperation-hypothesis',
  'giphy-office-no-gif',
  'github-yapapi-repo',
  'givewell-evidence-action-beta',
  'gmw-astronaut-alcohol',
  'hackernews-ask-hn-2024-predictions',
  'hakibenita-anomaly-sql',
  'hal-knight-shift-alloys',
  'hal-theses-global-discharging',
  'harvard-healthy-eating-plate',
  'heise-lithium-schredder',
  'hindawi-mitochondria-liver-injury',
  'hummelschutz-linden',
  'ieee-xplore-dsa-spectrum-management',
  'ieee-xplore-fso-rf-hybrid-networks',
  'ietf-remotestorage-draft',
  'ijsem-validation-list-53-1',
  'infuy-blockchain-optimization',
  'innermettle-hemp-clothing',
  'instagram-pluto-profile',
  'investopedia-digital-marketing',
  'iop-bilayer-gbr-membranes',
  'iop-magnetic-temperature-scale',
  'jneurosci-gabaa-autoantibodies',
  'katzenforum-pepe-fell',
  'kff-adolescent-mental-health-trends',
  'klier-zeitphilosophie',
  'laviedesidees-evaluation',
  'legrandcontinent-heran',
  'lemonde-loi-renseignement',
  'lingbuzz-svo-attractors',
  'lwn-front-page',
  'mathse-83-27-prime',
  'mdpi-metabolites-fusarium-wheat-volatiles',
  'mdpi-sensors-preheating',
  'medium-literally',
  'mercurial-evolve-sharing',
  'microbiology-ijsem-phaeobacter-gallaeciensis',
  'mondediplo-turpitude',
  'motherjones-warehouse-wage-slave',
  'move-org-long-distance-movers',
  'nature-news-fast-telescope',
  'nature-vanished-journals',
  'nber-meaning-at-work',
  'nccih-meditation-mindfulness',
  'nestle-marktplatz-produkttests',
  'nhsjs-vscode-extension-sandboxing',
  'nikkei-aeon-bank-president',
  'nssa-stanford-news-listing',
  'nytimes-es-front',
  'nytimes-sudan-sanctions',
  'oekonomenstimme-keynes',
  'onmeda-paxlovid',
  'opus-trr154-adjoint-schemes',
  'oup-aobpla-endophyte-niche',
  'oup-mnras-m-dwarf-magnetic-topologies',
  'pastebin-paste',
  'peerj-reef-fish-scuba',
  'peerj-state-of-oa',
  'physicsforums-vanhees71-profile',
  'physorg-neanderthal-tar',
  'plos-one-2014-amber-terpenoids',
  'plos-one-rev-yolk-antibody',
  'plosone-echium-pollinators',
  'pmc-autocorpus-nlp-tool',
  'pmc-diabetes-care-methylglyoxal-nephropathy',
  'pmc-legacy-autocorpus-nlp-tool',
  'politifact-border-drugs',
  'politifact-tariffs-guide',
  'pronats-kinderarbeit',
  'psychiatry-org-scientific-trends',
  'publikum-hpv-japan',
  'quanta-hidden-heroines',
  'quora-wwii-really-that-bad',
  'ravven-rust-embedded',
  'reddit-python-init-thread',
  'royalsociety-rsos-mollusc-toll2',
  'sage-ojsm-acl-hockey-mri',
  'sass-ag-home',
  'sciencedirect-bonding-without-orbitals',
  'sciencedirect-epstein-nesbet-perturbation',
  'sciencedirect-urban-green-commons',
  'sciencenow-gut-microbes-species',
  'seasonedadvice-catering-first-time',
  'seed-article',
  'serverfault-raid-not-backup',
  'skift-daily-lodging-report-issues',
  'smarterarticles-ai-art-compensation',
  'snopes-yovanovitch',
  'soundcloud-swag-bandicoot',
  'spectrecollie-ai-evangelists',
  'spotify-justice-artist',
  'springer-dress-syndrome',
  'springerlink-amylose-bioplastic',
  'springerlink-identical-particles',
  'sre-book-monitoring',
  'stackexchange-de-wurde-war',
  'stackoverflow-except-pass',
  'stardew-penny',
  'substack-talisman-process-knowledge-iv',
  'tabelog-makky-february-meals',
  'tandf-moller-plesset-divergences',
  'tiktok-mystery-king-video',
  'trustpilot-gousto-review',
  'twitch-blowup-clip',
  'twitter-status',
  'usenix-backpressure-flow-control',
  'usenix-morphuzz',
  'v8-standalone-wasm',
  'verfassungsblog-expertinnen-krise',
  'villarichic-suede-dress-product',
  'vnh-forum-patchnotes-4474',
  'vox-delhi-pollution',
  'wdr-feuerwehr-pensionsalter',
  'webdev-learn-landing',
  'wiley-schroedinger-eigenwertproblem',
  'wolfsrebellen-forum-regeln',
  'worldscientific-author-search',
  'wp-br-faustina',
  'wp-de-berlin',
  'wp-he-tel-aviv',
  'wp-hermitian-matrix',
  'wp-mozilla',
  'wp-new-zealand',
  'wp-time-loop-films',
  'wp-tsne',
  'wp-zh-china',
  'wp-zh-xiongan',
  'wptavern-so-jobs',
  'youtube-watch',
  'zhihu-luding-quake-question',
  'zhihu-rl-ppo-basics',
];
// Lowered on 2026-12-07 when 21 harder pages joined (15 scholarly, 6 Chinese and Breton): the totals of the pages
// before them stayed above the old bars (0.988 · 0.987 · 1.000 · 1.000 on those 85). Raised later that day with the
// next session's detection, list and table-heading rules (108 pages: 0.991 · 0.985 · 0.999 · 0.990). Lowered again
// when 18 unseen pages joined (7 scholarly, 5 non-articles): the 129 before them score 0.984 · 0.987 · 1.000 · 1.000.
// Kept when 27 more unseen pages joined (13 scholarly from 13 publishers, 7 non-articles; 174 pages: 0.977 · 0.979 ·
// 1.000 · 0.998), and when 33 more did (207 pages: 0.971 · 0.975 · 0.998 · 0.997; 0.980 outline with the rules made after), and when 16 held-out pages joined, scored after the last
// rule (223 pages: 0.973 · 0.986 · 0.998 · 0.993).
// The held-out pages' six missed footnotes had put entries just under 0.998 (bar 0.995 for a commit); back at 0.998
// with their rule, outline raised to 0.98, unlinked to 0.995 (223 pages: 0.986 · 0.999 · 0.999).
const BARS = { detect: 0.97, outline: 0.98, entries: 0.998, unlinked: 0.995 };

describe('corpus', () => {
  const pages = corpusPages() as { id: string; file: string; truth: unknown }[];
  const scores = new Map<string, { exact: boolean }>();
  for (const p of pages) {
    const s = scorePage(p.truth, reportForFile(p.file));
    scores.set(p.id, s);
    console.log(pageLine(p.id, s));
  }
  const t = total([...scores.values()]);
  console.log(totalLine(t));

  it('has the pages the ratchet names', () => {
    expect(EXACT_PAGES.filter((id) => !scores.has(id))).toEqual([]);
  });

  it('keeps every page listed as exactly right exactly right', () => {
    expect(EXACT_PAGES.filter((id) => !scores.get(id)?.exact)).toEqual([]);
  });

  it('reaches the bars on the totals', () => {
    const got = { detect: t.detect, outline: t.outline.f, entries: t.entries.f, unlinked: t.unlinked.f };
    const short = Object.entries(BARS).filter(([k, bar]) => got[k as keyof typeof got] < bar).map(([k]) => `${k} ${got[k as keyof typeof got].toFixed(3)}`);
    expect(short).toEqual([]);
  });
});
