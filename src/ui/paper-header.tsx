import type { PaperRecord } from '../core/index/types.ts';
import { ExternalLink } from './external-link.tsx';
import { arxivLinks, codeLabel } from './links.ts';

/** The paper itself: title, arXiv id with its pages, code and datasets. */
export function PaperHeader({ paper, level = 2 }: { paper: PaperRecord; level?: 2 | 3 }) {
  const title = paper.title ?? paper.names[0] ?? paper.key;
  const shortNames = paper.names.filter((n) => n !== title && !title.startsWith(`${n}:`));
  const Heading = level === 2 ? 'h2' : 'h3';
  return (
    <header class="paper-header">
      <Heading class="paper-title">{title}</Heading>
      {shortNames.length > 0 && <p class="muted">Named in digests as {shortNames.join(', ')}</p>}
      <dl class="facts">
        {paper.arxivId && (
          <div>
            <dt>arXiv</dt>
            <dd>
              <span class="mono">{paper.arxivId}</span> <ArxivPageLinks id={paper.arxivId} />
            </dd>
          </div>
        )}
        {paper.codeUrls.length > 0 && (
          <div>
            <dt>Code</dt>
            <dd>
              <ul class="inline-list">
                {paper.codeUrls.map((c) => (
                  <li key={c.url}>
                    <ExternalLink href={c.url} class="code-link">
                      {codeLabel(c)}
                    </ExternalLink>
                  </li>
                ))}
              </ul>
            </dd>
          </div>
        )}
        {paper.datasets.length > 0 && (
          <div>
            <dt>Datasets</dt>
            <dd>{paper.datasets.join(', ')}</dd>
          </div>
        )}
        {paper.institutions.length > 0 && (
          <div>
            <dt>From</dt>
            <dd>{paper.institutions.join(', ')}</dd>
          </div>
        )}
      </dl>
    </header>
  );
}

function ArxivPageLinks({ id }: { id: string }) {
  const links = arxivLinks(id);
  return (
    <span class="page-links">
      <ExternalLink href={links.abs}>abs</ExternalLink> · <ExternalLink href={links.pdf}>pdf</ExternalLink> ·{' '}
      <ExternalLink href={links.html}>html</ExternalLink>
    </span>
  );
}
