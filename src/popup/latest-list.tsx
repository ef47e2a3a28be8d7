import type { DigestBrief } from '../core/index/view.ts';
import { formatDate } from '../ui/format-date.ts';
import type { Item, PopupStore } from './popup-store.ts';

type Choose = (item: Item, toPanel: boolean) => void;

/**
 * The empty query: digests by batch date, newest first, each opening into its themes (→ / ←);
 * "Older weeks" lists the next ones, down to the first week the index holds.
 */
export function LatestList({ id, store, onChoose }: { id: string; store: PopupStore; onChoose: Choose }) {
  const batches = store.batches.value;
  const items = store.items.value;
  const active = items[store.active.value]?.id;
  if (!batches) return <div id={id} class="list" role="listbox" aria-label="Latest digests" aria-busy="true" />;
  if (batches.length === 0) {
    return (
      <p id={id} class="empty">
        Your index holds no digests yet. Import some in Options, or reset to the starter index there.
      </p>
    );
  }
  const byDigest = new Map(items.filter((i) => i.kind !== 'result').map((i) => [i.id, i]));
  return (
    <>
      <div id={id} class="list" role="listbox" aria-label="Digests by week">
        {batches.map((b) => (
          <div key={b.date} role="group" aria-labelledby={`batch-${b.date}`} class="batch">
            <div id={`batch-${b.date}`} class="batch-date" role="presentation">
              <time dateTime={b.date}>{formatDate(b.date)}</time> · {b.digests.length} {b.digests.length === 1 ? 'digest' : 'digests'}
            </div>
            {b.digests.map((d) => (
              <DigestRows key={d.id} digest={d} store={store} active={active} byId={byDigest} onChoose={onChoose} />
            ))}
          </div>
        ))}
      </div>
      <div class="list-foot">
        {store.hasOlder.value ? (
          <button type="button" class="link-button" data-testid="older-weeks" onClick={() => void store.loadOlder()}>
            Older weeks
          </button>
        ) : (
          <span class="muted" data-testid="all-weeks">
            {batches.length === 1 ? 'The one week' : `All ${batches.length} weeks`} your index holds
          </span>
        )}
      </div>
    </>
  );
}

function DigestRows({
  digest: d,
  store,
  active,
  byId,
  onChoose,
}: {
  digest: DigestBrief;
  store: PopupStore;
  active?: string | undefined;
  byId: Map<string, Item>;
  onChoose: Choose;
}) {
  const open = store.expanded.value.has(d.id);
  const rowItems = [...byId.values()].filter((i) => i.kind !== 'result' && i.digest.id === d.id);
  const self = rowItems.find((i) => i.kind === 'digest')!;
  const themes = rowItems.filter((i) => i.kind === 'theme');
  // An option can carry no aria-expanded and hold no control: its themes are said in its name, and
  // the arrow is a mouse target only (→ / ← do the same from the keyboard).
  return (
    <>
      <div
        id={self.id}
        class="row digest-row"
        role="option"
        aria-selected={active === self.id}
        data-key={d.id}
        data-open={open ? 'true' : 'false'}
        onClick={() => onChoose(self, false)}
      >
        <span
          class={`toggle${d.themes.length === 0 ? ' toggle-none' : ''}`}
          aria-hidden="true"
          onClick={(e) => {
            if (d.themes.length === 0) return;
            e.stopPropagation();
            store.setExpanded(d.id, !open);
          }}
        >
          {open ? '▾' : '▸'}
        </span>
        <span class="row-main">
          <span class="row-title">{d.title}</span>
          <span class="row-meta">
            <span class="topic">{d.topic}</span>
            <span>
              {plural(d.papers, 'paper')} · {plural(d.themes.length, 'theme')}
            </span>
            {d.themes.length > 0 && <span class="sr-only">{open ? ', themes shown below (left arrow hides them)' : ', right arrow shows its themes'}</span>}
          </span>
        </span>
      </div>
      {open &&
        themes.map((t) =>
          t.kind === 'theme' ? (
            <div key={t.id} id={t.id} class="row theme-row" role="option" aria-selected={active === t.id} onClick={() => onChoose(t, false)}>
              <span class="row-main">
                <span class="row-title">{d.themes[t.theme]?.title}</span>
                <span class="row-meta">{plural(d.themes[t.theme]?.papers ?? 0, 'paper')}</span>
              </span>
            </div>
          ) : null,
        )}
    </>
  );
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
