import type { SyncStatus } from '../core/sync/report.ts';
import { ExternalLink } from '../ui/external-link.tsx';
import { relativeTime } from '../ui/relative-time.ts';
import { hostOf, reportText, STATUS_WORDS } from '../ui/sync-text.ts';

const MAX_SHOWN = 50;

/** The last sync: its result per source, errors said plainly, and posts that could not be read. */
export function SyncReportView({ status }: { status: SyncStatus }) {
  const r = status.last;
  return (
    <div class="sync-report" data-testid="sync-report">
      <h3>Last sync</h3>
      {!r ? (
        <p class="muted">No sync has run yet.</p>
      ) : (
        <>
          <p data-status={r.status} data-testid="sync-result">
            <strong class={r.status === 'ok' ? '' : 'error'}>{STATUS_WORDS[r.status]}</strong> {relativeTime(r.finished) ?? ''}: {reportText(r)}
            <span class="muted">
              {' '}
              · {r.requests} {r.requests === 1 ? 'request' : 'requests'}, {Math.max(1, Math.round(r.bytes / 1024))} KB
            </span>
          </p>
          {r.error && <p class="error">{r.error}</p>}
          {r.sources.length > 0 && (
            <table class="sync-table">
              <thead>
                <tr>
                  <th scope="col">Source</th>
                  <th scope="col">New</th>
                  <th scope="col">Updated</th>
                  <th scope="col">Unchanged</th>
                  <th scope="col">Unreadable</th>
                  <th scope="col">Result</th>
                </tr>
              </thead>
              <tbody>
                {r.sources.map((s) => (
                  <tr key={s.id} data-source={s.id} data-outcome={s.error ? 'problem' : 'ok'}>
                    <th scope="row" class="mono">
                      {hostOf(s.url)}
                    </th>
                    <td>{s.added}</td>
                    <td>{s.updated}</td>
                    <td>{s.unchanged}</td>
                    <td>{s.failed}</td>
                    <td>
                      {s.error ? <span class="error">{s.error.message}</span> : 'ok'}
                      {s.note && <span class="muted"> {s.note}</span>}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
      {status.failures.length > 0 && (
        <details class="failures" data-testid="sync-failures">
          <summary>
            {status.failures.length} {status.failures.length === 1 ? 'post' : 'posts'} could not be read (not retried until the parser improves)
          </summary>
          <ul class="problems">
            {status.failures.slice(0, MAX_SHOWN).map((f) => (
              <li key={f.url + f.at}>
                <ExternalLink href={f.url}>{f.title || f.url}</ExternalLink>: {f.reason}
              </li>
            ))}
            {status.failures.length > MAX_SHOWN && <li>…and {status.failures.length - MAX_SHOWN} more</li>}
          </ul>
        </details>
      )}
    </div>
  );
}
