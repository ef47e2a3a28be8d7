import type { SearchResult } from '../core/search/answer.ts';
import { formatDate } from '../ui/format-date.ts';
import { Highlighted } from '../ui/highlighted.tsx';
import type { Answer, Item, PopupStore } from './popup-store.ts';

type Choose = (item: Item, toPanel: boolean) => void;

/** The answer to the latest query: papers and digests, best first, each saying why it matched. */
export function ResultList({ id, store, onChoose }: { id: string; store: PopupStore; onChoose: Choose }) {
  const answer = store.answer.value;
  const items = store.items.value;
  const active = store.active.value;
  if (!answer) return <div id={id} class="list" role="listbox" aria-label="Results" aria-busy="true" />;
  const shown = items.length;
  return (
    <>
      <div class="answer-head" role="status" data-testid="result-count">
        {countText(answer, shown)}
        {answer.reference && answer.reference.found === 0 && <> · no paper in your digests has {answer.reference.label}</>}
      </div>
      {answer.notes.map((n) => (
        <p key={n} class="note" data-testid="query-note">
          {n}
        </p>
      ))}
      <div
        id={id}
        class="list"
        role="listbox"
        aria-label={`Results for ${answer.query}`}
        data-query={answer.query}
        data-latency-ms={answer.latencyMs}
        data-took-ms={answer.tookMs}
        data-answered-by={answer.inPage ? 'page' : 'worker'}
        data-total={answer.total}
        {...(answer.filling ? { 'aria-busy': 'true' } : {})}
      >
        {items.map((item, i) =>
          item.kind === 'result' ? <ResultRow key={item.id} item={item} result={item.result} active={i === active} onChoose={onChoose} /> : null,
        )}
      </div>
      {shown === 0 ? (
        <p class="empty">Nothing in your digests matches “{answer.query}”.</p>
      ) : (
        <div class="list-foot">
          {store.hasMore.value && (
            <button type="button" class="link-button" data-testid="show-more" onClick={() => void store.showMore()}>
              Show more results
            </button>
          )}
          <span class="keys" aria-hidden="true">
            ↑↓ choose · Enter opens · Ctrl+Enter: side panel
          </span>
        </div>
      )}
    </>
  );
}

export function countText({ total, exact, atLeast, filling }: Pick<Answer, 'total' | 'exact' | 'atLeast'> & { filling?: boolean }, shown: number): string {
  if (shown === 0) return 'No results';
  const all = exact ? `${total}` : atLeast ? `${total}+` : `up to ${total}`;
  if (exact && total <= shown) return `${total} ${total === 1 ? 'result' : 'results'}`;
  // The first screen, the rest of the page on its way: how many match, not how many are shown yet.
  if (filling) return `${all} results`;
  return `${shown} of ${all} results`;
}

function ResultRow({ item, result: r, active, onChoose }: { item: Item; result: SearchResult; active: boolean; onChoose: Choose }) {
  return (
    <div
      id={item.id}
      class="row"
      role="option"
      aria-selected={active}
      data-kind={r.kind}
      data-key={r.key}
      {...(r.pasted ? { 'data-pasted': 'true' } : {})}
      onClick={(e) => onChoose(item, e.ctrlKey || e.metaKey)}
    >
      <span class={`kind kind-${r.kind}`}>{r.kind === 'paper' ? 'Paper' : 'Digest'}</span>
      <span class="row-main">
        <span class="row-title">
          <Highlighted text={r.title} matched={r.matched} />
        </span>
        {r.why && (
          <span class="why">
            <span class="why-label">{r.why.label}:</span> <Highlighted text={r.why.text} matched={r.matched} />
          </span>
        )}
        <span class="row-meta">
          {r.name && (
            <span class="row-name">
              <Highlighted text={r.name} matched={r.matched} />
            </span>
          )}
          {r.topic && <span class="topic">{r.topic}</span>}
          <time dateTime={r.date}>{formatDate(r.date)}</time>
          {r.hasCode && <span class="badge code">code</span>}
          {r.arxivId && <span class="mono">{r.arxivId}</span>}
        </span>
      </span>
    </div>
  );
}
