/** A text with the words a search matched in <mark>, built as text nodes from lib/store/words.ts (never HTML). */
import { matchSpans } from '../../lib/store/words';

export function Highlight({ text, query }: { text: string; query: string }) {
  return <>{matchSpans(text, query).map((s) => (s.match ? <mark>{s.text}</mark> : s.text))}</>;
}
