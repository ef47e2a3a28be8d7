import { useState } from 'preact/hooks';
import type { CountersRecord } from '../core/index/types.ts';
import { send } from '../transport.ts';

type Action = 'clear' | 'reset';

const ASK: Record<Action, (c?: CountersRecord) => string> = {
  clear: (c) => `Delete all ${c?.digests ?? 0} digests and ${c?.papers ?? 0} papers from this browser? This cannot be undone (export first to keep a copy).`,
  reset: (c) => `Replace the ${c?.digests ?? 0} digests in your index with the built-in starter index? Everything you imported or synced goes.`,
};

/** Clear data, or go back to the starter index: each asks for confirmation first, in the page. */
export function DataSection({ counters, onDone }: { counters?: CountersRecord | undefined; onDone: () => void }) {
  const [asking, setAsking] = useState<Action>();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string>();

  async function run(action: Action): Promise<void> {
    setBusy(true);
    try {
      const c = await send(action === 'clear' ? 'clearData' : 'resetToStarter');
      setMessage(action === 'clear' ? 'Your index is empty.' : `Reset: the starter index holds ${c.digests} digests.`);
    } catch (e) {
      setMessage(`That did not work: ${(e as Error).message}`);
    } finally {
      setBusy(false);
      setAsking(undefined);
      onDone();
    }
  }

  return (
    <section class="card" aria-labelledby="data-h">
      <h2 id="data-h">Data</h2>
      {!asking ? (
        <div class="export-row">
          <button type="button" class="danger" onClick={() => setAsking('clear')} data-testid="clear">
            Clear data…
          </button>
          <button type="button" onClick={() => setAsking('reset')} data-testid="reset">
            Reset to the starter index…
          </button>
        </div>
      ) : (
        <div class="confirm" role="alertdialog" aria-labelledby="confirm-text">
          <p id="confirm-text">{ASK[asking](counters)}</p>
          <div class="export-row">
            <button type="button" class="danger" disabled={busy} onClick={() => void run(asking)} data-testid="confirm" ref={(b) => b?.focus()}>
              {asking === 'clear' ? 'Delete everything' : 'Reset'}
            </button>
            <button type="button" disabled={busy} onClick={() => setAsking(undefined)}>
              Cancel
            </button>
          </div>
        </div>
      )}
      {message && (
        <p class="muted" role="status" data-testid="data-message">
          {message}
        </p>
      )}
    </section>
  );
}
