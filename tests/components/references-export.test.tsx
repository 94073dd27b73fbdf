// @vitest-environment jsdom
// The References tab's "Export references": what a reader copies or downloads, in the format and scope chosen.
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ReferencesExport } from '@/components/panel/ReferencesExport';
import { entry, list, report } from './report-fixture';

afterEach(cleanup);
const page = report({ title: 'A story', referenceLists: [list([entry(1, { links: ['https://example.org/a'], hasLink: true, linkState: 'linked' }), entry(2)])] });

describe('ReferencesExport', () => {
  it('downloads the references as RIS under the page title', async () => {
    const save = vi.fn();
    render(<ReferencesExport report={page} save={save} copy={async () => {}} />);
    fireEvent.change(screen.getByRole('combobox', { name: 'Format' }), { target: { value: 'ris' } });
    fireEvent.click(screen.getByRole('button', { name: 'Download' }));
    expect(save).toHaveBeenCalledTimes(1);
    const [text, filename] = save.mock.calls[0];
    expect(filename).toBe('A-story.ris');
    expect(text.match(/^TY {2}- /gm)).toHaveLength(2);
    expect(screen.getByRole('status').textContent).toBe('Saved 2 entries as RIS (A-story.ris).');
  });

  it('copies only the entries without a link as BibTeX, and says so when copying is refused', async () => {
    const copy = vi.fn(async (_: string) => {});
    render(<ReferencesExport report={page} copy={copy} save={() => {}} />);
    fireEvent.change(screen.getByRole('combobox', { name: 'Entries' }), { target: { value: 'flagged' } });
    fireEvent.click(screen.getByRole('button', { name: 'Copy' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Copied 1 entry as BibTeX.'));
    expect(copy.mock.calls[0][0]).toContain('Title number 2');
    expect(copy.mock.calls[0][0]).not.toContain('Title number 1');
    copy.mockRejectedValueOnce(new Error('denied'));
    fireEvent.click(screen.getByRole('button', { name: 'Copy' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toContain('use Download instead'));
  });
});
