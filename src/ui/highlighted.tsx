import { highlight } from '../core/search/highlight.ts';

/** Text with the matched words in <mark>: built as text nodes, never as markup. */
export function Highlighted({ text, matched }: { text: string; matched: readonly string[] }) {
  return <>{highlight(text, matched).map((s, i) => (s.hit ? <mark key={i}>{s.text}</mark> : s.text))}</>;
}
