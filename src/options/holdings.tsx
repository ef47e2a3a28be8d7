import { BarChart } from '../ui/bar-chart.tsx';
import { ColumnChart } from '../ui/column-chart.tsx';
import { relativeTime } from '../ui/relative-time.ts';
import type { OptionsStore } from './options-store.ts';

function bytes(n: number | undefined): string {
  if (n === undefined) return 'unknown';
  if (n < 1024 * 1024) return `${Math.max(1, Math.round(n / 1024))} KB`;
  if (n < 1024 ** 3) return `${(n / 1024 / 1024).toFixed(1)} MB`;
  return `${(n / 1024 ** 3).toFixed(2)} GB`;
}

/** What the index holds: counts, charts per topic and per week, storage, parser version. */
export function Holdings({ store }: { store: OptionsStore }) {
  const s = store.stats.value;
  const storage = store.storage.value;
  const when = relativeTime(s?.counters.updated);
  return (
    <section class="card" aria-labelledby="holdings-h">
      <h2 id="holdings-h">What your index holds</h2>
      {!s ? (
        <p class="muted">Reading the index…</p>
      ) : (
        <>
          <p class="summary" data-testid="counters">
            <strong>{s.counters.digests}</strong> digests · <strong>{s.counters.papers}</strong> papers · <strong>{s.counters.mentions}</strong> mentions
            {when && <span class="muted"> · updated {when}</span>}
          </p>
          {s.counters.digests > 0 && (
            <div class="charts">
              <div>
                <h3>Digests per week</h3>
                <ColumnChart title="Digests per week" head="Week" unit="Digests" bars={s.perWeek} />
              </div>
              <div>
                <h3>Digests per topic</h3>
                <BarChart title="Digests per topic" head="Topic" unit="Digests" bars={s.perTopic} />
              </div>
            </div>
          )}
          <dl class="facts">
            <div>
              <dt>Storage</dt>
              <dd data-testid="storage">
                {bytes(storage?.usage)} used{storage?.quota ? ` of ${bytes(storage.quota)} available` : ''}
              </dd>
            </div>
            <div>
              <dt>Parser</dt>
              <dd>
                version {s.parserVersion}
                {s.storedParserVersions.some((v) => v !== s.parserVersion) && (
                  <span class="muted"> (some digests were read by version {s.storedParserVersions.filter((v) => v !== s.parserVersion).join(', ')})</span>
                )}
              </dd>
            </div>
          </dl>
        </>
      )}
    </section>
  );
}
