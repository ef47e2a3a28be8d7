import { useState } from 'preact/hooks';
import { send } from '../transport.ts';
import { DIGEST_EXTENSIONS, type Entry, planImport } from './import-plan.ts';
import { createParser } from './parse-client.ts';
import { type JobResult, runImport } from './run-import.ts';

interface Row {
  readonly label: string;
  readonly result?: JobResult;
}

const entryOf = (f: File): Entry => ({ path: f.webkitRelativePath || f.name, name: f.name, size: f.size, read: () => f.text() });

export function summarise(r: JobResult): string {
  const parts = [
    r.added && `${r.added} added`,
    r.updated && `${r.updated} updated`,
    r.unchanged && `${r.unchanged} unchanged`,
    r.failed && `${r.failed} failed`,
  ].filter(Boolean);
  if (parts.length === 0) return r.problems.length ? 'not imported' : 'nothing to import';
  return parts.join(', ');
}

/** Import digest files and static index folders, with a progress bar and a line per file. */
export function ImportSection({ onDone }: { onDone: () => void }) {
  const [rows, setRows] = useState<readonly Row[]>([]);
  const [running, setRunning] = useState(false);
  const done = rows.filter((r) => r.result).length;

  async function start(files: FileList | null, input: HTMLInputElement): Promise<void> {
    if (!files || files.length === 0 || running) return;
    setRunning(true);
    const parser = createParser();
    try {
      const jobs = await planImport([...files].map(entryOf));
      setRows(jobs.map((j) => ({ label: j.label })));
      await runImport(
        jobs,
        {
          parse: parser.parse,
          importDigests: (digests) => send('importDigests', { digests }),
          importRecords: (digests, papers) => send('importRecords', { digests, papers }),
        },
        (i, result) => setRows((prev) => prev.map((r, k) => (k === i ? { ...r, result } : r))),
      );
    } catch (e) {
      setRows((prev) => [
        ...prev,
        { label: 'Import', result: { label: 'Import', added: 0, updated: 0, unchanged: 0, failed: 0, problems: [(e as Error).message] } },
      ]);
    } finally {
      parser.close();
      setRunning(false);
      // The same files may be chosen again (to see that nothing changes).
      input.value = '';
      onDone();
    }
  }

  const onChange = (e: Event) => {
    const input = e.currentTarget as HTMLInputElement;
    void start(input.files, input);
  };

  return (
    <section class="card" aria-labelledby="import-h">
      <h2 id="import-h">Import</h2>
      <p class="muted">
        Digest posts saved as text, HTML, WordPress JSON or RSS ({DIGEST_EXTENSIONS.join(', ')}), a Digest Lens export, or a static index from{' '}
        <code>digest-lens build-index</code> (its folder, or index.json with its shard files). Importing the same file again changes nothing.
      </p>
      <div class="pickers">
        <label class="picker">
          <span>Files</span>
          <input type="file" multiple accept={[...DIGEST_EXTENSIONS].join(',')} disabled={running} onChange={onChange} data-testid="import-files" />
        </label>
        <label class="picker">
          <span>A folder</span>
          <input type="file" {...{ webkitdirectory: true }} disabled={running} onChange={onChange} data-testid="import-folder" />
        </label>
      </div>
      {rows.length > 0 && (
        <div class="import-run" data-state={running ? 'running' : 'done'}>
          <label class="progress">
            <span aria-live="polite">
              {running ? `Importing: ${done} of ${rows.length} files` : `Done: ${rows.length} ${rows.length === 1 ? 'file' : 'files'}`}
            </span>
            <progress max={rows.length} value={done} />
          </label>
          <table class="results">
            <thead>
              <tr>
                <th scope="col">File</th>
                <th scope="col">Result</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r, i) => (
                <tr key={i} data-outcome={!r.result ? 'waiting' : r.result.problems.length ? 'problem' : 'ok'}>
                  <th scope="row" class="mono">
                    {r.label}
                  </th>
                  <td>
                    {r.result ? summarise(r.result) : running ? '…' : ''}
                    {r.result && r.result.problems.length > 0 && (
                      <ul class="problems">
                        {r.result.problems.slice(0, 20).map((p, k) => (
                          <li key={k}>{p}</li>
                        ))}
                        {r.result.problems.length > 20 && <li>…and {r.result.problems.length - 20} more</li>}
                      </ul>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
