import type { CountersRecord } from '../core/index/types.ts';
import type { TextNeighbour } from '../core/index/view.ts';
import { ExternalLink } from './external-link.tsx';
import { formatDate } from './format-date.ts';
import { IndexFacts } from './index-facts.tsx';
import { arxivLinks, arxivSearch, scholarSearch } from './links.ts';
import type { SyncStore } from './sync-store.ts';

interface Props {
  what: string;
  title?: string;
  query?: string;
  counters?: CountersRecord;
  sync?: SyncStore;
  onSetUpSync?: () => void;
  /** The index's papers and digests closest to the page, when it has a title to go by. */
  closest?: readonly TextNeighbour[];
  open?: (key: string) => void;
}

/** The page is a paper (or repository) the digests never mention: say so, what the index holds, and what it holds close to it. */
export function NotIndexed({ what, title, query, counters, sync, onSetUpSync, closest, open }: Props) {
  const q = query ?? title;
  return (
    <section class="state not-indexed" data-state="not-indexed">
      <h2>Not in any digest</h2>
      <p>
        No digest in your index mentions {what}
        {title ? ':' : '.'}
      </p>
      {title && <p class="read-title">{title}</p>}
      <IndexFacts {...(counters ? { counters } : {})} {...(sync ? { sync } : {})} {...(onSetUpSync ? { onSetUpSync } : {})} />
      {closest && closest.length > 0 && (
        <section class="closest related" aria-label="Closest in your digests" data-testid="closest">
          <h3 class="related-label">Closest in your digests</h3>
          <ul>
            {closest.map((c) => (
              <li key={`${c.kind}:${c.key}`}>
                <Neighbour n={c} {...(open ? { open } : {})} />
                <span class="reason">
                  {c.kind === 'digest' ? 'A digest' : 'A paper'} of {formatDate(c.date)} · shares {c.terms.join(', ')}
                </span>
              </li>
            ))}
          </ul>
        </section>
      )}
      {closest && closest.length === 0 && title && <p class="muted">Nothing in your digests shares this paper's rarer words.</p>}
      {q && (
        <p>
          Search for it: <ExternalLink href={arxivSearch(q)}>arXiv</ExternalLink> · <ExternalLink href={scholarSearch(q)}>Google Scholar</ExternalLink>
        </p>
      )}
    </section>
  );
}

function Neighbour({ n, open }: { n: TextNeighbour; open?: (key: string) => void }) {
  if (n.kind === 'paper' && n.arxivId) {
    return (
      <ExternalLink href={arxivLinks(n.arxivId).abs} class="related-name">
        {n.title}
      </ExternalLink>
    );
  }
  if (n.kind === 'paper' && open) {
    return (
      <button type="button" class="link-button related-name" onClick={() => open(n.key)}>
        {n.title}
      </button>
    );
  }
  // A digest opens its post.
  return n.url ? (
    <ExternalLink href={n.url} class="related-name">
      {n.title}
    </ExternalLink>
  ) : (
    <span class="related-name">{n.title}</span>
  );
}
