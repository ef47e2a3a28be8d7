import type { RelatedPaper } from '../core/index/view.ts';
import { ExternalLink } from './external-link.tsx';
import { arxivLinks } from './links.ts';

/** How many related papers show before "More". */
const SHOWN = 3;

/**
 * Related papers, each with why it is there: the top three shown, the rest behind "More". One with
 * an arXiv id opens its abstract page; one without opens in the panel (`open`), with what its
 * digest says of it, never a search for its short name.
 */
export function RelatedList({ papers, label, open }: { papers: readonly RelatedPaper[]; label: string; open?: (key: string) => void }) {
  if (papers.length === 0) return null;
  const item = (p: RelatedPaper) => (
    <li key={p.key}>
      {p.arxivId ? (
        <ExternalLink href={arxivLinks(p.arxivId).abs} class="related-name">
          {p.title ?? p.name}
        </ExternalLink>
      ) : open ? (
        <button type="button" class="link-button related-name" onClick={() => open(p.key)}>
          {p.title ?? p.name}
        </button>
      ) : (
        <span class="related-name">{p.title ?? p.name}</span>
      )}
      <span class="reason">{p.reason}</span>
    </li>
  );
  const rest = papers.slice(SHOWN);
  return (
    <section class="related" aria-label={label}>
      <h4 class="related-label">{label}</h4>
      <ul>{papers.slice(0, SHOWN).map(item)}</ul>
      {rest.length > 0 && (
        <details class="related-more">
          <summary>
            {rest.length} more {rest.length === 1 ? 'paper' : 'papers'}
          </summary>
          <ul>{rest.map(item)}</ul>
        </details>
      )}
    </section>
  );
}
