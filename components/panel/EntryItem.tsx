import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import type { ReferenceEntry } from '@/lib/extract/types';
import { IDENTIFIER_LABELS, identifierUrl, lookupLinks, safeHttpUrl } from '@/lib/links';
import { LINK_STATE_FLAGS, isFlagged } from '@/lib/panel/entries';

export interface EntryItemProps {
  entry: ReferenceEntry;
  onJumpEntry(id: string): void;
  onJumpMarker(id: string): void;
  /** The reader's check-status control for this entry (ReferencesView passes a CheckStatus), shown first in its meta row. */
  check?: ComponentChildren;
}

/** Links shown per entry; the text keeps the rest. */
const MAX_LINKS_SHOWN = 3;

function shortUrl(url: string): string {
  const u = new URL(url);
  const path = u.pathname.length > 24 ? `${u.pathname.slice(0, 24)}…` : u.pathname;
  return u.host + (path === '/' ? '' : path);
}

/** An outside link: opens in a new tab, tells the target nothing about us. */
function Out({ href, children, label }: { href: string; children: string; label?: string }) {
  return (
    <a href={href} target="_blank" rel="noopener noreferrer" aria-label={label}>
      {children}
    </a>
  );
}

/** "cited 3×": each press jumps to the next marker citing this entry. */
function CitedBy({ markers, onJumpMarker }: { markers: string[]; onJumpMarker(id: string): void }) {
  const [next, setNext] = useState(0);
  if (markers.length === 0) return null;
  const go = () => {
    onJumpMarker(markers[next % markers.length]);
    setNext((n) => (n + 1) % markers.length);
  };
  return (
    <button type="button" class="cited" onClick={go} aria-label={`Cited ${markers.length} ${markers.length === 1 ? 'time' : 'times'}: go to citation ${(next % markers.length) + 1} of ${markers.length}`}>
      cited {markers.length}×
    </button>
  );
}

/** One reference entry: its text (pressing it scrolls the page there), identifiers, link state and look-ups. */
export function EntryItem({ entry, onJumpEntry, onJumpMarker, check }: EntryItemProps) {
  const flag = LINK_STATE_FLAGS[entry.linkState];
  const ids = entry.identifiers.map((id) => ({ id, url: identifierUrl(id) }));
  // A link that is an identifier's resolver address is already shown as that identifier.
  const shown = new Set(ids.map(({ url }) => url));
  const links = entry.links
    .map(safeHttpUrl)
    .filter((u): u is string => u !== null && !shown.has(u))
    .slice(0, MAX_LINKS_SHOWN);
  return (
    <li class={isFlagged(entry) ? 'entry flagged' : 'entry'} data-link-state={entry.linkState} data-entry-id={entry.id}>
      <button type="button" class="entry-jump" onClick={() => onJumpEntry(entry.id)} title="Show this entry on the page">
        {entry.label !== '' && <span class="entry-label">{entry.label}</span>}
        <span class="entry-text">{entry.text}</span>
      </button>
      <div class="entry-meta">
        {check}
        {flag !== null && <span class={`flag flag-${entry.linkState}`}>{flag}</span>}
        {ids.map(({ id, url }) => (
          <span class="identifier" key={`${id.type}:${id.value}`}>
            {IDENTIFIER_LABELS[id.type]}{' '}
            {url ? <Out href={url}>{id.value}</Out> : <span>{id.value}</span>}
          </span>
        ))}
        {links.map((url) => (
          <span class="link" key={url}>
            <Out href={url}>{shortUrl(url)}</Out>
          </span>
        ))}
        <CitedBy markers={entry.citedBy} onJumpMarker={onJumpMarker} />
      </div>
      {isFlagged(entry) && (
        <div class="lookups">
          <span class="lookups-label">Look up:</span>
          {lookupLinks(entry.text).map(({ name, url }) => (
            <Out key={name} href={url} label={`Look up on ${name} (opens a new tab)`}>
              {name}
            </Out>
          ))}
        </div>
      )}
    </li>
  );
}
