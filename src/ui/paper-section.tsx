import type { DigestSummary, PageCitation, PaperView } from '../core/index/view.ts';
import { MentionCard } from './mention-card.tsx';
import { PaperHeader } from './paper-header.tsx';
import { RelatedList } from './related-list.tsx';

/** One paper and every digest that mentions it, newest first, then its relatives in other digests. */
export function PaperSection({
  view,
  digests,
  citation,
  open,
}: {
  view: PaperView;
  digests: Readonly<Record<string, DigestSummary>>;
  citation?: PageCitation;
  open?: (key: string) => void;
}) {
  const mentions = [...view.paper.mentions].sort((a, b) => b.digestDate.localeCompare(a.digestDate));
  const opener = open ? { open } : {};
  return (
    <section class="paper" aria-label={view.paper.title ?? view.paper.names[0]}>
      <PaperHeader paper={view.paper} {...(citation ? { citation } : {})} />
      <p class="count">
        In {mentions.length} {mentions.length === 1 ? 'digest' : 'digests'}
      </p>
      {mentions.map((m) => (
        <MentionCard key={m.digestId} mention={m} digest={digests[m.digestId]} related={view.related} {...opener} />
      ))}
      <RelatedList papers={view.related.filter((r) => !r.sameTheme)} label="Related in other digests" {...opener} />
    </section>
  );
}
