import { useEffect, useRef, useState } from 'preact/hooks';
import { QUERY_HELP, QUERY_HINT } from '../core/search/query.ts';
import type { SyncStore } from '../ui/sync-store.ts';
import { LatestList } from './latest-list.tsx';
import { openFirstRun, openOptions, openPanel, openTab, type Place } from './open.ts';
import type { Item, PopupStore } from './popup-store.ts';
import { ResultList } from './result-list.tsx';
import { StatusLine } from './status-line.tsx';

const LIST_ID = 'popup-list';

export function App({ store, sync, place }: { store: PopupStore; sync: SyncStore; place: Place }) {
  const input = useRef<HTMLInputElement>(null);
  const items = store.items.value;
  const active = items[store.active.value];
  const error = store.error.value;
  const [help, setHelp] = useState(false);

  useEffect(() => input.current?.focus(), []);
  useEffect(() => {
    if (active) document.getElementById(active.id)?.scrollIntoView({ block: 'nearest' });
  }, [active?.id]);

  const choose = (item: Item | undefined, toPanel: boolean) => {
    if (!item) return;
    const fail = (e: unknown) => (store.error.value = (e as Error).message);
    if (item.kind === 'result' && item.result.kind === 'paper' && (toPanel || !item.result.href)) {
      // Straight from the gesture: no await before sidePanel.open.
      void openPanel(place, item.result.key).catch(fail);
      return;
    }
    const href = item.kind === 'result' ? item.result.href : item.digest.url;
    void openTab(place, href).then((opened) => {
      if (!opened) store.error.value = 'This digest has no web address to open (it was imported from a file).';
    }, fail);
  };

  const onKeyDown = (e: KeyboardEvent) => {
    const browsing = store.browsing.value;
    switch (e.key) {
      case 'ArrowDown':
      case 'ArrowUp':
        e.preventDefault();
        store.move(e.key === 'ArrowDown' ? 1 : -1);
        return;
      case 'Enter':
        e.preventDefault();
        choose(active, e.ctrlKey || e.metaKey);
        return;
      case 'ArrowRight':
      case 'ArrowLeft':
        // Only while browsing, where the caret has nothing to move over.
        if (!browsing || !active || active.kind === 'result') return;
        e.preventDefault();
        store.setExpanded(active.digest.id, e.key === 'ArrowRight');
        return;
      case 'Escape':
        // A first Escape clears the query; the next one closes the popup as usual.
        if (store.query.value) {
          e.preventDefault();
          void store.setQuery('');
        }
        return;
    }
  };

  return (
    <main class="popup">
      <h1 class="sr-only">Search your digests</h1>
      <div class="search-row">
        <input
          ref={input}
          class="search"
          type="search"
          role="combobox"
          list={undefined}
          aria-label="Search papers and digests"
          aria-describedby="query-hint"
          aria-expanded={items.length > 0}
          aria-controls={LIST_ID}
          aria-autocomplete="list"
          {...(active ? { 'aria-activedescendant': active.id } : {})}
          placeholder="Search papers and digests"
          autocomplete="off"
          spellcheck={false}
          value={store.query.value}
          onInput={(e) => void store.setQuery((e.target as HTMLInputElement).value)}
          onKeyDown={onKeyDown}
        />
      </div>
      <div class="hint-row">
        <p id="query-hint" class="hint">
          {QUERY_HINT}
          <span class="sr-only">. Arrow keys choose, Enter opens, Control+Enter shows it in the side panel.</span>
        </p>
        <button
          type="button"
          class="help-toggle"
          aria-expanded={help}
          aria-controls="query-help"
          aria-label="How to search"
          title="How to search"
          onClick={() => setHelp(!help)}
          data-testid="help-toggle"
        >
          ?
        </button>
      </div>
      {help && (
        <dl id="query-help" class="query-help" data-testid="query-help">
          {QUERY_HELP.map(([form, meaning]) => (
            <div key={form}>
              <dt class="mono">{form}</dt>
              <dd>{meaning}</dd>
            </div>
          ))}
        </dl>
      )}
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      {store.browsing.value ? <LatestList id={LIST_ID} store={store} onChoose={choose} /> : <ResultList id={LIST_ID} store={store} onChoose={choose} />}
      <StatusLine
        counters={store.counters.value}
        sync={sync}
        onSetUpSync={() => openFirstRun(place)}
        onOpenPanel={() => void openPanel(place).catch((e: unknown) => (store.error.value = (e as Error).message))}
        onOptions={() => openOptions(place)}
      />
    </main>
  );
}
