/** The audit's command line. */
import { describe, expect, it } from 'vitest';
import { parseArgs } from '../../cli/args';

describe('parseArgs', () => {
  it('reads --online, --mailto ADDR and --mailto=ADDR, and leaves the address out of the inputs', () => {
    expect(parseArgs(['a.html', '--online', '--mailto', 'me@example.org', 'b.html'])).toEqual({ json: false, online: true, noUnpaywall: false, help: false, mailto: 'me@example.org', inputs: ['a.html', 'b.html'] });
    expect(parseArgs(['--json', '--online', '--mailto=me@example.org', 'a.html']).mailto).toBe('me@example.org');
  });

  it('refuses a missing or malformed address, --mailto without --online, and unknown options', () => {
    expect(parseArgs(['--online', '--mailto']).error).toBe('--mailto needs an e-mail address');
    expect(parseArgs(['--online', '--mailto', 'a.html']).error).toBe('--mailto needs an e-mail address');
    expect(parseArgs(['--mailto', 'me@example.org', 'a.html']).error).toBe('--mailto is only used with --online');
    expect(parseArgs(['--onlin', 'a.html']).error).toBe('unknown option --onlin');
    expect(parseArgs(['a.html']).error).toBeUndefined();
  });

  it('reads --openalex-key KEY and --openalex-key=KEY, and --no-unpaywall; refuses a missing key and the key without --online', () => {
    expect(parseArgs(['--online', '--openalex-key', 'key-0123456789', 'a.html'])).toMatchObject({ openalexKey: 'key-0123456789', inputs: ['a.html'] });
    expect(parseArgs(['--online', '--openalex-key=key-0123456789', '--no-unpaywall', 'a.html'])).toMatchObject({ openalexKey: 'key-0123456789', noUnpaywall: true });
    expect(parseArgs(['--online', '--openalex-key']).error).toBe('--openalex-key needs an API key');
    expect(parseArgs(['--online', '--openalex-key', 'short', 'a.html']).error).toBe('--openalex-key needs an API key');
    expect(parseArgs(['--openalex-key', 'key-0123456789', 'a.html']).error).toBe('--openalex-key is only used with --online');
  });
});
