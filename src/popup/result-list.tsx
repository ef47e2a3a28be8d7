import type { SearchResult } from '../messages.ts';
import { formatDate } from '../ui/format-date.ts';
import { Highlighted } from '../ui/highlighted.tsx';
import type { Item, PopupStore } from './popup-store.ts';

type Choose = (item: Item, toPanel: boolean) => void;

/** The answer to the latest query: papers and digests, best first. */
export function ResultList({ id, store, onChoose }: { id: string; store: PopupStore; onChoose: Choose }) {
  const answer = store.answer.value;
  const items = store.items.value;
  const active = store.active.value;
  if (!answer) return <div id={id} class="list" role="listbox" aria-label="Results" aria-busy="true" />;
  return (
    <>
      <div
        id={id}
        class="list"
        role="listbox"
        aria-label={`Results for ${answer.query}`}
        data-query={answer.query}
        data-latency-ms={answer.latencyMs}
        data-took-ms={answer.tookMs}
      >
        {items.map((item, i) =>
          item.kind === 'result' ? <ResultRow key={item.id} item={item} result={item.result} active={i === active} onChoose={onChoose} /> : null,
        )}
      </div>
      {items.length === 0 ? (
        <p class="empty">Nothing in your digests matches “{answer.query}”.</p>
      ) : (
        <p class="keys" aria-hidden="true">
          ↑↓ choose · Enter opens · Ctrl+Enter: side panel
        </p>
      )}
      <p class="sr-only" aria-live="polite">
        {items.length} {items.length === 1 ? 'result' : 'results'}
      </p>
    </>
  );
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
      onClick={(e) => onChoose(item, e.ctrlKey || e.metaKey)}
    >
      <span class={`kind kind-${r.kind}`}>{r.kind === 'paper' ? 'Paper' : 'Digest'}</span>
      <span class="row-main">
        <span class="row-title">
          <Highlighted text={r.title} matched={r.matched} />
        </span>
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
