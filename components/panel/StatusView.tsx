import type { PageReport } from '@/lib/extract/types';

export interface NotArticleProps {
  report: PageReport;
  onForce(): void;
}

/** The honest state for pages that do not look like articles, with a way to read them anyway. */
export function NotArticle({ report, onForce }: NotArticleProps) {
  return (
    <div class="status" role="status">
      <h2>This page does not look like an article</h2>
      {report.detection.reasons.length > 0 && (
        <ul class="reasons" aria-label="Why">
          {report.detection.reasons.map((r, i) => (
            <li key={i}>{r}</li>
          ))}
        </ul>
      )}
      <button type="button" class="primary" onClick={onForce}>
        Read it anyway
      </button>
    </div>
  );
}

export interface MessageProps {
  title: string;
  message: string;
  onRetry?: () => void;
}

/** A page Citelens cannot read, an error, or no tab: a clear message, never an empty panel. */
export function StatusMessage({ title, message, onRetry }: MessageProps) {
  return (
    <div class="status" role="status">
      <h2>{title}</h2>
      <p>{message}</p>
      {onRetry && (
        <button type="button" onClick={onRetry}>
          Try again
        </button>
      )}
    </div>
  );
}
