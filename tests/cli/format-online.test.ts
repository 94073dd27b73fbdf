/** The readable audit's lines for one entry's online findings (cli/format.ts): what needs the reader's attention. */
import { describe, expect, it } from 'vitest';
import { onlineLines } from '../../cli/format';

describe('onlineLines', () => {
  it('prints an open-access copy with what it is and where it was found, control characters dropped', () => {
    expect(onlineLines({ openAccess: 'https://europepmc.org/x.pdf', openAccessFrom: { source: 'unpaywall', pdf: true, version: 'acceptedVersion' } })).toEqual([
      'open-access copy (PDF, acceptedVersion): https://europepmc.org/x.pdf [Unpaywall]',
    ]);
    expect(onlineLines({ openAccess: 'https://eprints.example.ac.uk/1/', openAccessFrom: { source: 'openalex', pdf: false, version: 'submitted\u001b[2JVersion' } })).toEqual([
      'open-access copy (submitted[2JVersion): https://eprints.example.ac.uk/1/ [OpenAlex]',
    ]);
  });

  it('says nothing when all is well', () => {
    expect(onlineLines({ doi: { value: '10.1/a', status: 'resolved', agrees: true, title: 'A' }, retraction: { status: 'none', updates: [] }, links: [{ url: 'https://a.example/', status: 'ok', code: 200, dead: false }] })).toEqual([]);
  });

  it('names an expression of concern by its own type, a DOI for another work, and each link state', () => {
    expect(
      onlineLines({
        doi: { value: '10.1/a', status: 'resolved', agrees: false, title: 'Other work', authors: ['A One', 'B Two'], year: 1999 },
        retraction: { status: 'concern', date: '2020-01', notice: 'https://doi.org/10.1/n', updates: [{ type: 'expression_of_concern' }] },
        links: [
          { url: 'https://a.example/x', status: 'moved', code: 200, finalUrl: 'https://a.example/', softNotFound: true, dead: false, archived: 'https://web.archive.org/web/1/x' },
          { url: 'https://b.example/y', status: 'unreachable', reason: 'timeout', dead: false },
          { url: 'http://10.0.0.1/', status: 'unreachable', skipped: true, reason: 'private address: private (RFC 1918)', dead: false },
        ],
        error: 'Wayback Machine: timeout',
      }),
    ).toEqual([
      'expression of concern (expression_of_concern, 2020-01): https://doi.org/10.1/n',
      'DOI 10.1/a points to another work: "Other work", A One, B Two (1999)',
      'moved link: https://a.example/x → https://a.example/ (to the home page: likely gone); archived copy: https://web.archive.org/web/1/x',
      'link unreachable now: https://b.example/y (timeout)',
      'link not checked: http://10.0.0.1/ (private address: private (RFC 1918))',
      'online check failed: Wayback Machine: timeout',
    ]);
  });

  it('drops control characters a service might send (a terminal escape in a title)', () => {
    expect(onlineLines({ match: { doi: '10.1/b', title: 'Clean\u001b[2J title\u0007', score: 0.9 } })).toEqual(['found online: DOI 10.1/b "Clean[2J title" (score 0.90)']);
  });
});
