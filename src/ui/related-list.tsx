import type { RelatedPaper } from '../core/index/view.ts';
import { ExternalLink } from './external-link.tsx';
import { paperHref } from './links.ts';

/**
 * Related papers, each opening its arXiv page (or a search): of the same theme under a digest, or
 * found across digests with why ("same dataset: BUSI").
 */
export function RelatedList({ papers, label, reasons = false }: { papers: readonly RelatedPaper[]; label: string; reasons?: boolean }) {
  if (papers.length === 0) return null;
  return (
    <details class="related">
      <summary>
        {label} ({papers.length})
      </summary>
      <ul>
        {papers.map((p) => (
          <li key={p.key}>
            <ExternalLink href={paperHref(p)}>{p.title ?? p.name}</ExternalLink>
            {!p.arxivId && <span class="muted"> (search)</span>}
            {reasons && <span class="muted reason"> · {p.reason}</span>}
          </li>
        ))}
      </ul>
    </details>
  );
}
