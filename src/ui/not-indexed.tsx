import { ExternalLink } from './external-link.tsx';
import { arxivSearch, scholarSearch } from './links.ts';

/** The page is a paper (or repository) the digests never mention: say so, offer a search. */
export function NotIndexed({ what, title, query }: { what: string; title?: string; query?: string }) {
  const q = query ?? title;
  return (
    <section class="state not-indexed" data-state="not-indexed">
      <h2>Not in any digest</h2>
      <p>
        No digest in your index mentions {what}
        {title ? ':' : '.'}
      </p>
      {title && <p class="read-title">{title}</p>}
      {q && (
        <p>
          Search for it:{' '}
          <ExternalLink href={arxivSearch(q)}>arXiv</ExternalLink> ·{' '}
          <ExternalLink href={scholarSearch(q)}>Google Scholar</ExternalLink>
        </p>
      )}
    </section>
  );
}
