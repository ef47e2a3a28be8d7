import { useState } from 'preact/hooks';
import type { IndexStats, PaperSelection } from '../core/index/view.ts';
import { QUERY_HINT } from '../core/search/query.ts';
import { send } from '../transport.ts';
import { download, fileSlug } from './download.ts';

/** The whole index as JSON; a search's or a theme's papers as BibTeX or Markdown. */
export function ExportSection({ stats }: { stats?: IndexStats | undefined }) {
  const [message, setMessage] = useState<string>();
  const [query, setQuery] = useState('');
  const [digestId, setDigestId] = useState('');
  const [theme, setTheme] = useState('');
  const digest = stats?.digests.find((d) => d.id === digestId) ?? stats?.digests[0];

  async function whole(): Promise<void> {
    try {
      const data = await send('exportIndex');
      download(`digest-lens-export-${data.exported.slice(0, 10)}.json`, JSON.stringify(data), 'application/json');
      setMessage(`Exported ${data.digests.length} digests and ${data.papers.length} papers.`);
    } catch (e) {
      setMessage(`Export failed: ${(e as Error).message}`);
    }
  }

  async function papers(selection: PaperSelection, format: 'bibtex' | 'markdown'): Promise<void> {
    try {
      const r = await send('exportPapers', { selection, format });
      if (r.count === 0) return setMessage('No papers to export there.');
      download(`${fileSlug(r.heading)}.${format === 'bibtex' ? 'bib' : 'md'}`, r.text, format === 'bibtex' ? 'application/x-bibtex' : 'text/markdown');
      setMessage(`Exported ${r.count} ${r.count === 1 ? 'paper' : 'papers'} as ${format === 'bibtex' ? 'BibTeX' : 'Markdown'}.`);
    } catch (e) {
      setMessage(`Export failed: ${(e as Error).message}`);
    }
  }

  const themeSel: PaperSelection | undefined = digest ? { digestId: digest.id, ...(theme !== '' ? { theme: Number(theme) } : {}) } : undefined;
  return (
    <section class="card" aria-labelledby="export-h">
      <h2 id="export-h">Export</h2>
      <div class="export-row center">
        <button type="button" onClick={() => void whole()} data-testid="export-json">
          Export the whole index (JSON)
        </button>
        <span class="muted">Import it again here to restore it.</span>
      </div>
      <form class="export-row" onSubmit={(e) => e.preventDefault()}>
        <label class="grow">
          <span>Papers matching</span>
          <input type="search" value={query} onInput={(e) => setQuery((e.target as HTMLInputElement).value)} placeholder={QUERY_HINT} />
        </label>
        <button type="button" disabled={!query.trim()} onClick={() => void papers({ query }, 'bibtex')}>
          BibTeX
        </button>
        <button type="button" disabled={!query.trim()} onClick={() => void papers({ query }, 'markdown')}>
          Markdown
        </button>
      </form>
      {stats && stats.digests.length > 0 && (
        <form class="export-row" onSubmit={(e) => e.preventDefault()}>
          <label class="grow">
            <span>Digest</span>
            <select
              value={digest?.id}
              onChange={(e) => {
                setDigestId((e.target as HTMLSelectElement).value);
                setTheme('');
              }}
            >
              {stats.digests.map((d) => (
                <option key={d.id} value={d.id}>
                  {d.date} · {d.title}
                </option>
              ))}
            </select>
          </label>
          <label class="grow">
            <span>Theme</span>
            <select value={theme} onChange={(e) => setTheme((e.target as HTMLSelectElement).value)}>
              <option value="">All its papers</option>
              {digest?.themes.map((t, i) => (
                <option key={i} value={String(i)}>
                  {t.title} ({t.papers})
                </option>
              ))}
            </select>
          </label>
          <button type="button" disabled={!themeSel} onClick={() => themeSel && void papers(themeSel, 'bibtex')}>
            BibTeX
          </button>
          <button type="button" disabled={!themeSel} onClick={() => themeSel && void papers(themeSel, 'markdown')}>
            Markdown
          </button>
        </form>
      )}
      {message && (
        <p class="muted" role="status">
          {message}
        </p>
      )}
    </section>
  );
}
