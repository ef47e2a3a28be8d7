import type { LookupResult } from '../core/index/view.ts';
import { ExternalLink } from './external-link.tsx';
import { paperHref } from './links.ts';
import { PaperSection } from './paper-section.tsx';

const FULL_LIST_LIMIT = 3;

/** A GitHub organisation: every paper whose code it hosts. */
export function OrgView({ name, result, open }: { name: string; result: LookupResult; open?: (key: string) => void }) {
  const { papers } = result;
  if (papers.length <= FULL_LIST_LIMIT) {
    return (
      <>
        <p class="lead">Papers with code under {name}:</p>
        {papers.map((v) => (
          <PaperSection key={v.paper.key} view={v} digests={result.digests} {...(open ? { open } : {})} />
        ))}
      </>
    );
  }
  // Many papers: a list, each opening its arXiv page.
  return (
    <section>
      <p class="lead">
        {papers.length} papers with code under {name}:
      </p>
      <ul class="paper-list">
        {papers.map(({ paper }) => (
          <li key={paper.key}>
            <ExternalLink
              href={paperHref({
                name: paper.names[0] ?? paper.key,
                ...(paper.arxivId ? { arxivId: paper.arxivId } : {}),
                ...(paper.title ? { title: paper.title } : {}),
              })}
            >
              {paper.title ?? paper.names[0]}
            </ExternalLink>
            <span class="muted">
              {' '}
              · {paper.mentions.length} {paper.mentions.length === 1 ? 'digest' : 'digests'}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
