import { bibtexEntry } from '../core/export/bibtex.ts';
import type { PaperRecord } from '../core/index/types.ts';
import type { PageCitation } from '../core/index/view.ts';
import { CopyButton } from './copy-button.tsx';
import { ExternalLink } from './external-link.tsx';
import { formatDate } from './format-date.ts';
import { arxivLinks, codeLabel } from './links.ts';

/** "Naveed, A." → "A. Naveed". */
const displayName = (a: string): string => {
  const [last, first] = a.split(/,\s*/, 2);
  return first ? `${first} ${last}` : a;
};

const MAX_AUTHORS = 8;

function authorLine(names: readonly string[]): string {
  if (names.length <= MAX_AUTHORS) return names.join(', ');
  return `${names.slice(0, MAX_AUTHORS).join(', ')} and ${names.length - MAX_AUTHORS} more`;
}

/** The paper itself: title, authors, arXiv id with its pages, code and datasets, and what to copy. */
export function PaperHeader({ paper, level = 2, citation }: { paper: PaperRecord; level?: 2 | 3; citation?: PageCitation }) {
  const title = paper.title ?? paper.names[0] ?? paper.key;
  const shortNames = paper.names.filter((n) => n !== title && !title.startsWith(`${n}:`));
  const Heading = level === 2 ? 'h2' : 'h3';
  const authors = citation?.authors.length ? citation.authors.map(displayName) : paper.authors;
  const link = paper.arxivId ? arxivLinks(paper.arxivId).abs : paper.mentions[0]?.digestUrl;
  // The page's full author list beats a digest's "X et al.".
  const cited = (): string => bibtexEntry(citation?.authors.length ? { ...paper, authors: citation.authors.map(displayName) } : paper);
  return (
    <header class="paper-header">
      <Heading class="paper-title">{title}</Heading>
      {shortNames.length > 0 && <p class="muted">Also called {shortNames.join(', ')}</p>}
      {authors.length > 0 && <p class="authors">{authorLine(authors)}</p>}
      <dl class="facts">
        {paper.institutions.length > 0 && (
          <div>
            <dt>From</dt>
            <dd>{paper.institutions.join(', ')}</dd>
          </div>
        )}
        {paper.arxivId && (
          <div>
            <dt>arXiv</dt>
            <dd>
              <span class="mono">{paper.arxivId}</span> <ArxivPageLinks id={paper.arxivId} />
              {citation?.date && (
                <>
                  {' '}
                  · submitted <time dateTime={citation.date}>{formatDate(citation.date)}</time>
                </>
              )}
            </dd>
          </div>
        )}
        {citation?.doi && (
          <div>
            <dt>DOI</dt>
            <dd>
              <ExternalLink href={`https://doi.org/${citation.doi}`}>{citation.doi}</ExternalLink>
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
      </dl>
      <p class="actions">
        <CopyButton text={cited} label="Copy citation" testId="copy-citation" />
        {link && <CopyButton text={() => link} label="Copy link" testId="copy-link" />}
      </p>
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
