import { useState } from 'preact/hooks';
import { DEFAULT_SOURCE, type SyncSettings, type SyncSource } from '../core/settings.ts';
import type { SyncStatus } from '../core/sync/report.ts';
import { hostOf } from '../ui/sync-text.ts';
import { grantOrigins } from './sync-access.ts';

const KIND_LABEL: Record<SyncSource['kind'], string> = { auto: 'detect', wordpress: 'WordPress site', feed: 'RSS or Atom feed', static: 'static index' };

/** The sources: SciPapermill by default, plus WordPress sites, feeds and static indexes the reader adds. */
export function SyncSources({ status, onSave }: { status: SyncStatus; onSave: (patch: Partial<SyncSettings>) => Promise<void> }) {
  const { sources } = status.settings;
  const [url, setUrl] = useState('');
  const [kind, setKind] = useState<SyncSource['kind']>('auto');
  const [problem, setProblem] = useState<string>();
  const noAccess = new Set(status.noAccess);
  const setSources = (next: SyncSource[]) => onSave({ sources: next });
  const enabled = sources.filter((s) => s.enabled);

  const add = (e: Event) => {
    e.preventDefault();
    let href: string;
    try {
      href = new URL(url.trim()).href;
      if (!/^https?:$/.test(new URL(href).protocol)) throw new Error();
    } catch {
      setProblem('Give a web address starting with https:// (or http://).');
      return;
    }
    if (sources.some((s) => s.url === href)) {
      setProblem('That source is already in the list.');
      return;
    }
    // From the submit itself, before any await: the site-access prompt needs the gesture.
    void grantOrigins([href]).then(async (granted) => {
      if (!granted) {
        setProblem(`Digest Lens needs access to ${hostOf(href)} to sync it; the browser did not grant it.`);
        return;
      }
      setProblem(undefined);
      setUrl('');
      await setSources([...sources, { id: '', kind, url: href, enabled: true }]);
    });
  };

  return (
    <div class="sync-sources">
      <h3>Sources</h3>
      <table class="sync-table" data-testid="sync-sources">
        <thead>
          <tr>
            <th scope="col">Sync</th>
            <th scope="col">Source</th>
            <th scope="col">Kind</th>
            <th scope="col">
              <span class="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {sources.map((s) => (
            <tr key={s.id} data-source={s.id}>
              <td>
                <input
                  type="checkbox"
                  checked={s.enabled}
                  aria-label={`Sync ${hostOf(s.url)}`}
                  onChange={(e) => {
                    const on = (e.target as HTMLInputElement).checked;
                    const next = sources.map((x) => (x.id === s.id ? { ...x, enabled: on } : x));
                    if (on) void grantOrigins([s.url]).then(() => setSources(next));
                    else void setSources(next);
                  }}
                />
              </td>
              <th scope="row">
                <span class="mono">{s.url}</span>
                {s.id === DEFAULT_SOURCE.id && <span class="muted"> (SciPapermill, the default)</span>}
                {s.enabled && noAccess.has(s.id) && (
                  <span class="access-missing">
                    {' '}
                    No access to {hostOf(s.url)}.{' '}
                    <button type="button" class="link-button" onClick={() => void grantOrigins([s.url]).then(() => onSave({}))}>
                      Allow
                    </button>
                  </span>
                )}
              </th>
              <td>{KIND_LABEL[s.kind]}</td>
              <td>
                {s.id !== DEFAULT_SOURCE.id && (
                  <button
                    type="button"
                    class="link-button"
                    onClick={() => void setSources(sources.filter((x) => x.id !== s.id))}
                    aria-label={`Remove ${s.url}`}
                  >
                    Remove
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {enabled.length > 0 && enabled.every((s) => s.kind === 'feed') && (
        <p class="muted">A feed holds only its latest posts: older digests will not come through it.</p>
      )}
      <form class="export-row" onSubmit={add}>
        <label class="grow">
          <span>Add a WordPress site, a feed or a static index (index.json)</span>
          <input
            type="url"
            value={url}
            placeholder="https://example.org/"
            onInput={(e) => setUrl((e.target as HTMLInputElement).value)}
            data-testid="source-url"
            required
          />
        </label>
        <label class="grow narrow">
          <span>Kind</span>
          <select value={kind} onChange={(e) => setKind((e.target as HTMLSelectElement).value as SyncSource['kind'])} data-testid="source-kind">
            {(Object.keys(KIND_LABEL) as SyncSource['kind'][]).map((k) => (
              <option key={k} value={k}>
                {KIND_LABEL[k]}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" data-testid="source-add">
          Add source
        </button>
      </form>
      {problem && (
        <p class="error" role="alert">
          {problem}
        </p>
      )}
    </div>
  );
}
