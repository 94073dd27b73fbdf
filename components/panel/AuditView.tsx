import type { Citations, OutlineItem, PageReport } from '@/lib/extract/types';
import { entryIndex, plural } from '@/lib/panel/entries';

export interface AuditViewProps {
  report: PageReport;
  onJumpEntry(id: string): void;
  onJumpMarker(id: string): void;
}

/** Rows shown per audit list before the rest is summarised. */
const MAX_AUDIT_ROWS = 200;

function sectionName(outline: OutlineItem[], id: string | null): string {
  return outline.find((o) => o.id === id)?.text ?? 'before the first heading';
}

/** Citation audit: how often entries are cited, which are never cited, which markers point nowhere. */
export function AuditView({ report, onJumpEntry, onJumpMarker }: AuditViewProps) {
  const { markers, uncited, dangling }: Citations = report.citations;
  const entries = entryIndex(report);
  const byId = new Map(markers.map((m) => [m.id, m]));
  if (markers.length === 0) return <p class="empty">This page has no in-text citation markers linked to its references.</p>;
  return (
    <div class="audit">
      <p class="counts">
        {plural(markers.length, 'citation marker')} · {plural(uncited.length, 'entry', 'entries')} never cited · {plural(dangling.length, 'marker')} with no entry
      </p>
      <section aria-labelledby="audit-uncited">
        <h2 id="audit-uncited">Entries never cited</h2>
        {uncited.length === 0 ? (
          <p class="empty">Every entry is cited in the text.</p>
        ) : (
          <ul>
            {uncited.slice(0, MAX_AUDIT_ROWS).map((id) => {
              const entry = entries.get(id);
              return (
                <li key={id}>
                  <button type="button" onClick={() => onJumpEntry(id)}>
                    {entry ? `${entry.label ? `${entry.label}. ` : ''}${entry.text}` : id}
                  </button>
                </li>
              );
            })}
          </ul>
        )}
        {uncited.length > MAX_AUDIT_ROWS && <p>…and {uncited.length - MAX_AUDIT_ROWS} more.</p>}
      </section>
      <section aria-labelledby="audit-dangling">
        <h2 id="audit-dangling">Markers with no entry</h2>
        {dangling.length === 0 ? (
          <p class="empty">Every marker points at an entry.</p>
        ) : (
          <ul>
            {dangling.slice(0, MAX_AUDIT_ROWS).map((id) => {
              const marker = byId.get(id);
              return (
                <li key={id}>
                  <button type="button" onClick={() => onJumpMarker(id)}>
                    {marker ? `${marker.text} in “${sectionName(report.outline, marker.sectionId)}”` : id}
                  </button>
                </li>
              );
            })}
          </ul>
        )}
        {dangling.length > MAX_AUDIT_ROWS && <p>…and {dangling.length - MAX_AUDIT_ROWS} more.</p>}
      </section>
    </div>
  );
}
