/**
 * Labelled pairs for the match check: a reference as written on pages (Wikipedia, news and blog styles) and a
 * registry record, true when the record is the cited work. The false ones are the hard kind: a look-alike title, the
 * same authors' other paper, the same title in another year, a short title that is a prefix of another.
 * Records are reduced to the compared fields, as Crossref gives them for these works.
 */
export interface Pair {
  entry: string;
  work: { title: string; subtitle?: string; families: string[]; years: number[] };
  same: boolean;
}

const vaswani = { title: 'Attention is All you Need', families: ['Vaswani', 'Shazeer', 'Parmar'], years: [2017] };
const jain = { title: 'Attention is not Explanation', families: ['Jain', 'Wallace'], years: [2019] };
const lecun = { title: 'Deep learning', families: ['LeCun', 'Bengio', 'Hinton'], years: [2015] };
const schmidhuber = { title: 'Deep learning in neural networks: An overview', families: ['Schmidhuber'], years: [2015] };
const he = { title: 'Deep Residual Learning for Image Recognition', families: ['He', 'Zhang', 'Ren'], years: [2016] };
const heIdentity = { title: 'Identity Mappings in Deep Residual Networks', families: ['He', 'Zhang', 'Ren'], years: [2016] };
const wakefield = { title: 'RETRACTED: Ileal-lymphoid-nodular hyperplasia, non-specific colitis, and pervasive developmental disorder in children', families: ['Wakefield', 'Murch', 'Anthony'], years: [1998] };
const ioannidis = { title: 'Why Most Published Research Findings Are False', families: ['Ioannidis'], years: [2005] };
const ioannidisClinical = { title: 'Why Most Clinical Research Is Not Useful', families: ['Ioannidis'], years: [2016] };
const maaten = { title: 'Visualizing Data using t-SNE', families: ['van der Maaten', 'Hinton'], years: [2008] };
const maatenTree = { title: 'Accelerating t-SNE using Tree-Based Algorithms', families: ['van der Maaten'], years: [2014] };
const watson = { title: 'Molecular Structure of Nucleic Acids: A Structure for Deoxyribose Nucleic Acid', families: ['Watson', 'Crick'], years: [1953] };
const watsonGenetic = { title: 'Genetical Implications of the Structure of Deoxyribonucleic Acid', families: ['Watson', 'Crick'], years: [1953] };
const hardin = { title: 'The Tragedy of the Commons', families: ['Hardin'], years: [1968] };
const hardinExt = { title: 'Extensions of "The Tragedy of the Commons"', families: ['Hardin'], years: [1998] };
const ostrom = { title: 'Revisiting the Commons: Local Lessons, Global Challenges', families: ['Ostrom', 'Burger', 'Field'], years: [1999] };
const kahneman = { title: 'Prospect Theory: An Analysis of Decision under Risk', families: ['Kahneman', 'Tversky'], years: [1979] };
const tversky = { title: 'Advances in prospect theory: Cumulative representation of uncertainty', families: ['Tversky', 'Kahneman'], years: [1992] };
const hinton06 = { title: 'A Fast Learning Algorithm for Deep Belief Nets', families: ['Hinton', 'Osindero', 'Teh'], years: [2006] };
const hintonScience = { title: 'Reducing the Dimensionality of Data with Neural Networks', families: ['Hinton', 'Salakhutdinov'], years: [2006] };
const mann = { title: 'Global-scale temperature patterns and climate forcing over the past six centuries', families: ['Mann', 'Bradley', 'Hughes'], years: [1998] };
const mann99 = { title: 'Northern hemisphere temperatures during the past millennium: Inferences, uncertainties, and limitations', families: ['Mann', 'Bradley', 'Hughes'], years: [1999] };
const covid1 = { title: 'A Novel Coronavirus from Patients with Pneumonia in China, 2019', families: ['Zhu', 'Zhang', 'Wang'], years: [2020] };
const covid2 = { title: 'Clinical features of patients infected with 2019 novel coronavirus in Wuhan, China', families: ['Huang', 'Wang', 'Li'], years: [2020] };
const shannon = { title: 'A Mathematical Theory of Communication', families: ['Shannon'], years: [1948] };
const bert = { title: 'BERT: Pre-training of Deep Bidirectional Transformers for Language Understanding', families: ['Devlin', 'Chang', 'Lee'], years: [2019] };
const roberta = { title: 'RoBERTa: A Robustly Optimized BERT Pretraining Approach', families: ['Liu', 'Ott', 'Goyal'], years: [2019] };
const partI = { title: 'Chaos in the Solar System, Part I', families: ['Laskar'], years: [1990] };
const partII = { title: 'Chaos in the Solar System, Part II', families: ['Laskar'], years: [1990] };

const E = {
  vaswani: 'Vaswani, Ashish; Shazeer, Noam; Parmar, Niki; et al. (2017). "Attention is all you need". Advances in Neural Information Processing Systems 30.',
  lecun: 'LeCun, Y., Bengio, Y. & Hinton, G. Deep learning. Nature 521, 436–444 (2015).',
  schmidhuber: 'Schmidhuber, J. (2015). "Deep learning in neural networks: An overview". Neural Networks. 61: 85–117.',
  he: 'K. He, X. Zhang, S. Ren and J. Sun, "Deep Residual Learning for Image Recognition," 2016 IEEE Conference on Computer Vision and Pattern Recognition (CVPR), pp. 770-778.',
  wakefield: 'Wakefield AJ, Murch SH, Anthony A, et al. Ileal-lymphoid-nodular hyperplasia, non-specific colitis, and pervasive developmental disorder in children. Lancet. 1998;351(9103):637-641.',
  ioannidis: 'Ioannidis JPA (2005) Why Most Published Research Findings Are False. PLoS Med 2(8): e124.',
  maaten: 'van der Maaten, L.J.P.; Hinton, G.E. (Nov 2008). "Visualizing Data Using t-SNE" (PDF). Journal of Machine Learning Research. 9: 2579–2605.',
  watson: 'Watson JD, Crick FH (April 1953). "Molecular structure of nucleic acids; a structure for deoxyribose nucleic acid". Nature. 171 (4356): 737–8.',
  hardin: 'Hardin, G. (1968). The Tragedy of the Commons. Science, 162(3859), 1243–1248.',
  kahneman: 'Kahneman, Daniel; Tversky, Amos (1979). "Prospect Theory: An Analysis of Decision under Risk". Econometrica. 47 (2): 263–291.',
  hinton06: 'Hinton, G. E.; Osindero, S.; Teh, Y. W. (2006). "A Fast Learning Algorithm for Deep Belief Nets". Neural Computation. 18 (7): 1527–1554.',
  mann: 'Mann, Michael E.; Bradley, Raymond S.; Hughes, Malcolm K. (1998), "Global-scale temperature patterns and climate forcing over the past six centuries", Nature, 392 (6678): 779–787',
  covid1: 'Zhu N, Zhang D, Wang W, et al. A Novel Coronavirus from Patients with Pneumonia in China, 2019. N Engl J Med 2020; 382:727-733',
  shannon: 'Shannon, Claude E. (July 1948). "A Mathematical Theory of Communication". Bell System Technical Journal. 27 (3): 379–423.',
  bert: 'Devlin, Jacob; Chang, Ming-Wei; Lee, Kenton; Toutanova, Kristina (2018). "BERT: Pre-training of Deep Bidirectional Transformers for Language Understanding". arXiv preprint.',
  partI: 'Laskar, J. (1990). Chaos in the solar system, part I. Icarus 88: 266–291.',
  ostrom: 'Ostrom E, Burger J, Field CB, Norgaard RB, Policansky D. Revisiting the commons: local lessons, global challenges. Science. 1999 Apr 9;284(5412):278-82.',
  tversky: 'Tversky, A., & Kahneman, D. (1992). Advances in prospect theory: Cumulative representation of uncertainty. Journal of Risk and Uncertainty, 5(4), 297–323.',
  hintonScience: 'G. E. Hinton and R. R. Salakhutdinov, Reducing the dimensionality of data with neural networks, Science 313 (2006) 504–507.',
  covid2: 'Huang C, Wang Y, Li X, et al. Clinical features of patients infected with 2019 novel coronavirus in Wuhan, China. Lancet 2020; 395: 497–506.',
  // Abridged in the way news pages cite: title and venue, no authors.
  newsIoannidis: '“Why most published research findings are false”, PLoS Medicine, 2005.',
  newsShannon: 'Claude Shannon, "A Mathematical Theory of Communication," 1948.',
};

export const PAIRS: Pair[] = [
  // True pairs.
  { entry: E.vaswani, work: vaswani, same: true },
  { entry: E.lecun, work: lecun, same: true },
  { entry: E.schmidhuber, work: schmidhuber, same: true },
  { entry: E.he, work: he, same: true },
  { entry: E.wakefield, work: wakefield, same: true },
  { entry: E.ioannidis, work: ioannidis, same: true },
  { entry: E.maaten, work: maaten, same: true },
  { entry: E.watson, work: watson, same: true },
  { entry: E.hardin, work: hardin, same: true },
  { entry: E.kahneman, work: kahneman, same: true },
  { entry: E.hinton06, work: hinton06, same: true },
  { entry: E.mann, work: mann, same: true },
  { entry: E.covid1, work: covid1, same: true },
  { entry: E.shannon, work: shannon, same: true },
  { entry: E.bert, work: bert, same: true },
  { entry: E.partI, work: partI, same: true },
  { entry: E.ostrom, work: ostrom, same: true },
  { entry: E.tversky, work: tversky, same: true },
  { entry: E.hintonScience, work: hintonScience, same: true },
  { entry: E.covid2, work: covid2, same: true },
  { entry: E.newsIoannidis, work: ioannidis, same: true },
  { entry: E.newsShannon, work: shannon, same: true },
  // Look-alikes: a similar title, the same authors' other work, a prefix title, another part, another year.
  { entry: E.vaswani, work: jain, same: false },
  { entry: E.schmidhuber, work: lecun, same: false },
  { entry: E.lecun, work: schmidhuber, same: false },
  { entry: E.he, work: heIdentity, same: false },
  { entry: E.ioannidis, work: ioannidisClinical, same: false },
  { entry: E.maaten, work: maatenTree, same: false },
  { entry: E.watson, work: watsonGenetic, same: false },
  { entry: E.hardin, work: hardinExt, same: false },
  { entry: E.hardin, work: ostrom, same: false },
  { entry: E.ostrom, work: hardin, same: false },
  { entry: E.kahneman, work: tversky, same: false },
  { entry: E.tversky, work: kahneman, same: false },
  { entry: E.hinton06, work: hintonScience, same: false },
  { entry: E.hintonScience, work: hinton06, same: false },
  { entry: E.mann, work: mann99, same: false },
  { entry: E.covid1, work: covid2, same: false },
  { entry: E.covid2, work: covid1, same: false },
  { entry: E.bert, work: roberta, same: false },
  { entry: E.partI, work: partII, same: false },
  { entry: E.shannon, work: { ...shannon, years: [1949], title: 'Communication in the Presence of Noise' }, same: false },
  { entry: E.newsIoannidis, work: ioannidisClinical, same: false },
  { entry: E.ioannidis, work: { ...ioannidis, title: 'Correction: Why Most Published Research Findings Are False' }, same: false },
  { entry: E.newsIoannidis, work: { ...ioannidis, title: 'Correction: Why Most Published Research Findings Are False' }, same: false },
  { entry: E.wakefield, work: { title: 'Autism, inflammatory bowel disease, and MMR vaccine', families: ['Wakefield', 'Montgomery'], years: [1998] }, same: false },
];
