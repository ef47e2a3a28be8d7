import type { RelatedPaper } from '../core/index/view.ts';
import { ExternalLink } from './external-link.tsx';
import { paperHref } from './links.ts';

/** Other papers of the same theme in the same digest; each opens its arXiv page (or a search). */
export function RelatedList({ papers }: { papers: readonly RelatedPaper[] }) {
  if (papers.length === 0) return null;
  return (
    <details class="related">
      <summary>Related in this theme ({papers.length})</summary>
      <ul>
        {papers.map((p) => (
          <li key={p.key}>
            <ExternalLink href={paperHref(p)}>{p.title ?? p.name}</ExternalLink>
            {!p.arxivId && <span class="muted"> (search)</span>}
          </li>
        ))}
      </ul>
    </details>
  );
}
