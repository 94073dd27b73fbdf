// Scholarly identifiers as reference entries write them: DOIs, arXiv ids, PubMed and PubMed Central ids, ISBNs.
// Real identifiers (the PNAS paper behind 10.1073/pnas.1907828116 is PMID 31481612; "Attention Is All You Need" is
// arXiv:1706.03762; 978-0-306-40615-7 is the ISBN-13 example of the ISBN Users' Manual), each in the forms that
// reference lists use, plus wrong check digits that must not pass. Then two properties: no input makes
// findIdentifiers throw, and its time grows linearly with its input.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findIdentifiers, isValidIsbn, normaliseDoi } from '../../lib/extract/identifiers';

const text = (s: string) => findIdentifiers(s);
const href = (...hrefs: string[]) => findIdentifiers('', hrefs);
const PNAS = '10.1073/pnas.1907828116';

describe('DOIs', () => {
  it('are found in text, with the sentence punctuation around them left out', () => {
    for (const s of [`See ${PNAS}.`, `(${PNAS})`, `[${PNAS}]`, `${PNAS}, and more`, `doi:${PNAS}; retrieved`, `“${PNAS}”`]) {
      expect(text(s), s).toEqual([{ type: 'doi', value: PNAS, source: 'text' }]);
    }
  });

  it('are lower-cased (DOIs are case-insensitive; doi.org shows them in lower case)', () => {
    expect(text('DOI: 10.1073/PNAS.1907828116')).toEqual([{ type: 'doi', value: PNAS, source: 'text' }]);
  });

  it('keep parentheses inside the suffix (Lancet-style DOIs)', () => {
    expect(text('Lancet. doi:10.1016/S0140-6736(20)30183-5.')).toEqual([{ type: 'doi', value: '10.1016/s0140-6736(20)30183-5', source: 'text' }]);
  });

  it('are found in doi.org and dx.doi.org links, without the query or fragment', () => {
    expect(href(`https://doi.org/${PNAS}`)).toEqual([{ type: 'doi', value: PNAS, source: 'href' }]);
    expect(href(`http://dx.doi.org/${PNAS}`)).toEqual([{ type: 'doi', value: PNAS, source: 'href' }]);
    expect(href(`https://doi.org/${PNAS}?via%3Dihub#abstract`)).toEqual([{ type: 'doi', value: PNAS, source: 'href' }]);
  });

  it('are found in links that encode the slash as %2F or %2f (as doi.org accepts and some CMSs write)', () => {
    expect(href('https://doi.org/10.1073%2Fpnas.1907828116')).toEqual([{ type: 'doi', value: PNAS, source: 'href' }]);
    expect(href('https://dx.doi.org/10.1073%2fPNAS.1907828116')).toEqual([{ type: 'doi', value: PNAS, source: 'href' }]);
  });

  it('decode other escapes in a link (normaliseDoi), and keep a stray "%" as written', () => {
    expect(normaliseDoi('10.1002/(SICI)1097-4636(199603)31:3%3C311::AID-JBM3%3E3.0.CO;2-L')).toBe('10.1002/(sici)1097-4636(199603)31:3<311::aid-jbm3>3.0.co;2-l');
    expect(normaliseDoi('10.1234/100%-sure.')).toBe('10.1234/100%-sure');
  });

  it('are listed once when the text and the link show the same DOI', () => {
    expect(findIdentifiers(`doi:${PNAS}`, [`https://doi.org/${PNAS}`])).toEqual([{ type: 'doi', value: PNAS, source: 'text' }]);
  });

  it('are listed once each in an entry that repeats many of them, in the order first seen', () => {
    const dois = Array.from({ length: 20 }, (_, i) => `10.${1000 + i}/x${i}`);
    // Every DOI twice in the text and once more in a link, so repeats come both before and after the first few.
    const found = findIdentifiers(`${dois.join(' ')} ${[...dois].reverse().join(' ')}`, dois.map((d) => `https://doi.org/${d}`));
    expect(found).toEqual(dois.map((value) => ({ type: 'doi', value, source: 'text' })));
  });

  it('need a registrant of 4 to 9 digits after "10."', () => {
    expect(text('version 10.12/abc and 10.1234567890/abc')).toEqual([]);
  });
});

describe('arXiv ids', () => {
  it('new style, with and without a version, after "arXiv:"', () => {
    expect(text('Vaswani et al. arXiv:1706.03762 [cs.CL]; Hu et al. arXiv: 2106.09685v2.')).toEqual([
      { type: 'arxiv', value: '1706.03762', source: 'text' },
      { type: 'arxiv', value: '2106.09685v2', source: 'text' },
    ]);
  });

  it('old style, archive/YYMMNNN, with the subject class kept as arXiv writes it', () => {
    expect(text('arXiv:hep-th/9901001 and arXiv:math.GT/0309136')).toEqual([
      { type: 'arxiv', value: 'hep-th/9901001', source: 'text' },
      { type: 'arxiv', value: 'math.GT/0309136', source: 'text' },
    ]);
  });

  it('in arxiv.org abs and pdf links', () => {
    expect(href('https://arxiv.org/abs/1706.03762')).toEqual([{ type: 'arxiv', value: '1706.03762', source: 'href' }]);
    expect(href('https://arxiv.org/pdf/2106.09685v2')).toEqual([{ type: 'arxiv', value: '2106.09685v2', source: 'href' }]);
    expect(href('https://arxiv.org/abs/hep-th/9901001')).toEqual([{ type: 'arxiv', value: 'hep-th/9901001', source: 'href' }]);
    expect(href('https://arxiv.org/abs/math.GT/0309136')).toEqual([{ type: 'arxiv', value: 'math.GT/0309136', source: 'href' }]);
  });
});

describe('PubMed and PubMed Central ids', () => {
  it('PMID after its label, with or without the colon', () => {
    expect(text('PNAS 116(39). PMID: 31481612.')).toEqual([{ type: 'pmid', value: '31481612', source: 'text' }]);
    expect(text('PMID 31481612')).toEqual([{ type: 'pmid', value: '31481612', source: 'text' }]);
  });

  it('PMID in pubmed links, old and new', () => {
    expect(href('https://pubmed.ncbi.nlm.nih.gov/31481612/')).toEqual([{ type: 'pmid', value: '31481612', source: 'href' }]);
    expect(href('https://www.ncbi.nlm.nih.gov/pubmed/31481612')).toEqual([{ type: 'pmid', value: '31481612', source: 'href' }]);
  });

  it('not a number longer than eight digits after "PMID"', () => {
    expect(text('PMID: 123456789')).toEqual([]);
  });

  it('PMCID in text and in PMC links', () => {
    expect(text('PMCID: PMC8666311')).toEqual([{ type: 'pmcid', value: 'PMC8666311', source: 'text' }]);
    expect(href('https://www.ncbi.nlm.nih.gov/pmc/articles/PMC8666311/')).toEqual([{ type: 'pmcid', value: 'PMC8666311', source: 'href' }]);
  });

  it('all of one entry together, in the order text first, then links', () => {
    expect(findIdentifiers(`PNAS. doi:${PNAS}. PMID: 31481612; PMCID: PMC8666311.`, ['https://arxiv.org/abs/1706.03762'])).toEqual([
      { type: 'doi', value: PNAS, source: 'text' },
      { type: 'pmid', value: '31481612', source: 'text' },
      { type: 'pmcid', value: 'PMC8666311', source: 'text' },
      { type: 'arxiv', value: '1706.03762', source: 'href' },
    ]);
  });
});

describe('ISBNs', () => {
  it('ISBN-13 and ISBN-10 (also with X as check digit) with valid check digits, as digits only', () => {
    expect(text('Plenum, 1978. ISBN 978-0-306-40615-7; ISBN 0-306-40615-2; ISBN 3-16-148410-X.')).toEqual([
      { type: 'isbn', value: '9780306406157', source: 'text' },
      { type: 'isbn', value: '0306406152', source: 'text' },
      { type: 'isbn', value: '316148410X', source: 'text' },
    ]);
    expect(text('ISBN-13: 9780306406157')).toEqual([{ type: 'isbn', value: '9780306406157', source: 'text' }]);
    expect(text('ISBN 978 0 306 40615 7')).toEqual([{ type: 'isbn', value: '9780306406157', source: 'text' }]);
  });

  it('not with a wrong check digit', () => {
    expect(text('ISBN 978-0-306-40615-8; ISBN 0-306-40615-3; ISBN 3-16-148410-9; ISBN 3-16-148410-X0')).toEqual([]);
    expect(isValidIsbn('978-0-306-40615-7')).toBe(true);
    expect(isValidIsbn('978-0-306-40615-8')).toBe(false);
    expect(isValidIsbn('0-306-40615-2')).toBe(true);
    expect(isValidIsbn('0-306-40615-3')).toBe(false);
    expect(isValidIsbn('3-16-148410-X')).toBe(true);
    expect(isValidIsbn('3-16-148410-0')).toBe(false);
    // 13 digits with a valid checksum but no 978/979 prefix is an EAN, not an ISBN.
    expect(isValidIsbn('4006381333931')).toBe(false);
  });

  it('followed by a short number (pages, volumes) still found', () => {
    expect(text('ISBN 978-0-306-40615-7 12 pp.')).toEqual([{ type: 'isbn', value: '9780306406157', source: 'text' }]);
    expect(text('ISBN 0-306-40615-2 2 vols.')).toEqual([{ type: 'isbn', value: '0306406152', source: 'text' }]);
  });

  it('in book-source links (Wikipedia Special:BookSources, /isbn/, isbn=) only with a valid check digit', () => {
    expect(href('https://en.wikipedia.org/wiki/Special:BookSources/978-0-306-40615-7')).toEqual([{ type: 'isbn', value: '9780306406157', source: 'href' }]);
    expect(href('https://openlibrary.org/isbn/0306406152')).toEqual([{ type: 'isbn', value: '0306406152', source: 'href' }]);
    expect(href('https://example.org/book?isbn=9780306406157&lang=en')).toEqual([{ type: 'isbn', value: '9780306406157', source: 'href' }]);
    expect(href('https://en.wikipedia.org/wiki/Special:BookSources/978-0-306-40615-8')).toEqual([]);
  });
});

/** Pieces identifiers are made of, so random strings reach deep into every pattern. */
const PIECES = ['10.', '10.1234/', '1073', '/', '%2F', '%', '%E0%A4%A', 'arXiv:', 'arxiv.org/abs/', 'hep-th/', '.GT/', 'PMID: ', 'PMC', 'pubmed.ncbi.nlm.nih.gov/',
  'ISBN ', 'ISBN-13: ', '978-', 'X', '-', ' ', '.', ')', '”', '\n', '\u00a0', '\ud800', '0', '9', '12345678', 'Special:BookSources/', 'isbn=', 'https://doi.org/'];
const tokenString = fc.array(fc.constantFrom(...PIECES), { maxLength: 60 }).map((a) => a.join(''));

describe('properties', () => {
  it('never throws, and returns well-formed identifiers, on any text or link', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string({ unit: 'grapheme' }), fc.string({ unit: 'binary' }), fc.string({ unit: 'binary-ascii' }), tokenString),
        fc.array(fc.oneof(fc.string({ unit: 'binary' }), tokenString), { maxLength: 3 }),
        (s, hrefs) => {
          for (const id of findIdentifiers(s, hrefs)) {
            expect(['doi', 'arxiv', 'pmid', 'pmcid', 'isbn']).toContain(id.type);
            expect(id.value.length).toBeGreaterThan(0);
            if (id.type === 'isbn') expect(isValidIsbn(id.value)).toBe(true);
          }
        },
      ),
      { numRuns: 500 },
    );
  });

  /** Milliseconds per call: the fastest of 7 runs (other work on a shared machine only ever slows a run), each long
   * enough (repeating the call) for the clock to resolve it. */
  function msPerCall(fn: () => unknown, reps: number): number {
    const runs: number[] = [];
    for (let r = 0; r < 7; r++) {
      const t = performance.now();
      for (let i = 0; i < reps; i++) fn();
      runs.push((performance.now() - t) / reps);
    }
    return Math.min(...runs);
  }

  // A complexity check, not a speed budget: 10× the input may cost ~10× the time (30× allows for noise on a shared
  // machine); a pattern that backtracks over the whole input would cost ~100×.
  const ADVERSARIAL: Record<string, string> = {
    'DOI prefixes': '10.1234/',
    'DOI prefixes with trailing punctuation': '10.1234/' + '.'.repeat(292) + ' ',
    'long registrant digit runs': '10.' + '1'.repeat(40),
    'ISBN prefixes': 'ISBN 978-',
    'ISBN with digit and space runs': 'ISBN 978-0 1 2 3 4 5 6 7 8 ',
    'arXiv prefixes': 'arXiv:',
    'arXiv old style without digits': 'arXiv:hep-th-' + 'a'.repeat(30) + ' ',
    'PMID with long digit runs': 'PMID: ' + '7'.repeat(50),
    'PMC with long digit runs': 'PMC' + '3'.repeat(50),
    'escapes': '10.1234/%2F%',
  };
  for (const [name, unit] of Object.entries(ADVERSARIAL)) {
    it(`runs in linear time on repeated ${name}, in text and in a link`, () => {
      const small = unit.repeat(Math.ceil(20_000 / unit.length));
      const large = unit.repeat(Math.ceil(200_000 / unit.length));
      for (const call of [(s: string) => findIdentifiers(s), (s: string) => findIdentifiers('', [s])]) {
        call(large); // warm up the JIT
        const ratio = msPerCall(() => call(large), 1) / msPerCall(() => call(small), 10);
        expect(ratio, `${name}: 10× input took ${ratio.toFixed(1)}× the time`).toBeLessThan(30);
      }
    });
  }
});
