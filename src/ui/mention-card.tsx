import type { MentionContext } from '../core/digest/types.ts';
import type { MentionRecord } from '../core/index/types.ts';
import type { DigestSummary, RelatedPaper } from '../core/index/view.ts';
import { ExternalLink } from './external-link.tsx';
import { formatDate } from './format-date.ts';
import { LinkedText } from './linked-text.tsx';
import { RelatedList } from './related-list.tsx';

const SECTION: Record<MentionContext['section'], string> = { bigIdeas: 'Big Ideas', underTheHood: 'Under the Hood', impact: 'Impact' };

/** The digest's sentences about the paper, each once: the first in full, the others with the section they come from. */
function sentencesOnce(contexts: readonly MentionContext[]): MentionContext[] {
  const out: MentionContext[] = [];
  for (const c of contexts) {
    const text = c.text.trim();
    if (text && !out.some((o) => o.text.includes(text) || text.includes(o.text))) out.push(c);
  }
  return out;
}

/** What one digest says about the paper: the digest, its theme, the sentence, the neighbours. */
export function MentionCard({
  mention,
  digest,
  related,
  open,
}: {
  mention: MentionRecord;
  digest?: DigestSummary | undefined;
  related: readonly RelatedPaper[];
  open?: (key: string) => void;
}) {
  const theme = mention.theme !== undefined ? digest?.themes[mention.theme] : undefined;
  const themeName = theme?.title ?? mention.themeTitle;
  const place = mention.placements.find((p) => p.theme === mention.theme);
  const [first, ...others] = sentencesOnce(mention.contexts);
  return (
    <article class="mention">
      <h3 class="digest-title">
        <ExternalLink href={mention.digestUrl}>{mention.digestTitle}</ExternalLink>
      </h3>
      <p class="muted digest-meta">
        <span class="topic">{mention.topic}</span> · <time dateTime={mention.digestDate}>{formatDate(mention.digestDate)}</time>
      </p>
      {themeName && (
        <section class="theme">
          <h4>
            Theme: {themeName}
            {place && place.n > 1 && (
              <span class="place">
                {' '}
                · paper {place.k} of {place.n}
              </span>
            )}
          </h4>
          {theme?.section === 'bigIdeas' && theme.summary && <p class="theme-summary">{theme.summary}</p>}
        </section>
      )}
      {first && (
        <blockquote class="context">
          <LinkedText text={first.text} />
        </blockquote>
      )}
      {others.map((c, i) => (
        <p key={i} class="context-more">
          <span class="section-name">{SECTION[c.section]}:</span> <LinkedText text={c.text} />
        </p>
      ))}
      <RelatedList
        papers={related.filter((r) => r.sameTheme && r.digestId === mention.digestId)}
        label={themeName ? `Also in “${themeName}”` : 'Also in this digest'}
        {...(open ? { open } : {})}
      />
    </article>
  );
}
