import { useState } from 'preact/hooks';
import type { MentionRecord } from '../core/index/types.ts';
import type { DigestSummary, RelatedPaper } from '../core/index/view.ts';
import { ExternalLink } from './external-link.tsx';
import { formatDate } from './format-date.ts';
import { RelatedList } from './related-list.tsx';

/** What one digest says about the paper: the digest, its theme, the sentences, the neighbours. */
export function MentionCard({ mention, digest, related }: { mention: MentionRecord; digest?: DigestSummary; related: readonly RelatedPaper[] }) {
  const theme = mention.theme !== undefined ? digest?.themes[mention.theme] : undefined;
  const place = mention.placements.find((p) => p.theme === mention.theme) ?? mention.placements[0];
  return (
    <article class="mention">
      <h3 class="digest-title">
        <ExternalLink href={mention.digestUrl}>{mention.digestTitle}</ExternalLink>
      </h3>
      <p class="muted digest-meta">
        <span class="topic">{mention.topic}</span> · <time dateTime={mention.digestDate}>{formatDate(mention.digestDate)}</time>
      </p>
      {(theme || mention.themeTitle) && (
        <section class="theme">
          <h4>
            Theme: {mention.themeTitle ?? theme?.title}
            {place && place.n > 1 && <span class="place"> · paper {place.k} of {place.n} in this theme</span>}
          </h4>
          {theme?.summary && <ThemeSummary text={theme.summary} />}
        </section>
      )}
      {mention.contexts.map((c, i) => (
        <blockquote key={i} class="context">
          {c.text}
        </blockquote>
      ))}
      <RelatedList papers={related.filter((r) => r.sameTheme && r.digestId === mention.digestId)} label="Related in this theme" />
    </article>
  );
}

const SUMMARY_PREVIEW = 200;

// Theme summaries are whole paragraphs: show the start, the rest on request.
function ThemeSummary({ text }: { text: string }) {
  const [open, setOpen] = useState(false);
  if (text.length <= SUMMARY_PREVIEW) return <p class="theme-summary">{text}</p>;
  const cut = text.lastIndexOf(' ', SUMMARY_PREVIEW);
  return (
    <p class="theme-summary">
      {open ? text : `${text.slice(0, cut > 0 ? cut : SUMMARY_PREVIEW)}… `}
      {!open && (
        <button type="button" class="link-button" onClick={() => setOpen(true)}>
          Read the whole theme
        </button>
      )}
    </p>
  );
}
