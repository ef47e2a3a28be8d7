import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { digest } from '../../tests/support/make-digest.ts';
import { parseDigestDocument } from '../core/digest/index.ts';
import type { ImportOutcome } from '../core/index/view.ts';
import { buildStaticIndex } from '../core/static-index/build.ts';
import { type Entry, planImport } from './import-plan.ts';
import { type ImportDeps, runImport } from './run-import.ts';
import { normaliseText, withStableIds } from './stable-id.ts';

const EXTRA = readFileSync(join(import.meta.dirname, '../../tests/fixtures/extra/2026-07-11-deep-learning.txt'), 'utf8');
const entry = (path: string, text: string): Entry => ({ path, name: path.split('/').at(-1)!, read: async () => text });

describe('stable ids for files without an address', () => {
  it('keys a text file by its header, whatever the file is called or how its lines end', async () => {
    const a = await withStableIds(parseDigestDocument(EXTRA, { format: 'text', fileName: 'a.txt' }).digests, EXTRA);
    const crlf = EXTRA.replace(/\n/g, '\r\n');
    const b = await withStableIds(parseDigestDocument(crlf, { format: 'text', fileName: 'renamed.txt' }).digests, crlf);
    expect(a[0]!.id).toBe('file:2026-07-11/deep-learning/deep-learning-revisited-denoising-radar-and-reliable-uncertainty');
    expect(b[0]!.id).toBe(a[0]!.id);
  });

  it('falls back to a hash of the normalised text, and leaves addressed digests alone', async () => {
    const loose = { ...digest('file:x.txt', '', []), url: '', topic: '' };
    const [d] = await withStableIds([loose], 'Some text  \r\n');
    expect(d!.id).toMatch(/^file:sha256:[0-9a-f]{32}$/);
    const [same] = await withStableIds([loose], '\uFEFFSome text\n');
    expect(same!.id).toBe(d!.id);
    const addressed = digest('example.org:1', '2026-05-23', []);
    expect(await withStableIds([addressed], 'x')).toEqual([addressed]);
    expect(normaliseText('\uFEFFa \r\nb\t\n\n')).toBe('a\nb');
  });
});

describe('planning an import', () => {
  it('makes a static index folder one job, lends catalogue addresses, and skips other files with a reason', async () => {
    const index = await buildStaticIndex([digest('s:1', '2026-05-23', [{ name: 'A' }])], { source: 'x' });
    const [shardFile, shardText] = [...index.shards][0]!;
    const jobs = await planImport([
      entry('idx/index.json', JSON.stringify(index.manifest)),
      entry(`idx/${shardFile}`, shardText),
      entry('seeds/index.json', JSON.stringify([{ file: 'a.txt', url: 'https://example.org/a' }])),
      entry('seeds/a.txt', 'text'),
      entry('seeds/.DS_Store', ''),
      entry('seeds/cover.png', ''),
    ]);
    expect(jobs.map((j) => [j.kind, j.label])).toEqual([
      ['index', 'idx/index.json'],
      ['file', 'seeds/a.txt'],
      ['skip', 'seeds/cover.png'],
    ]);
    expect(jobs[0]!.kind === 'index' && jobs[0]!.shards.size).toBe(1);
    expect(jobs[1]!.kind === 'file' && jobs[1]!.catalogue?.url).toBe('https://example.org/a');
  });
});

describe('running an import', () => {
  function deps(): ImportDeps & { sent: string[] } {
    const sent: string[] = [];
    const seen = new Set<string>();
    const outcome = (id: string, title: string): ImportOutcome => {
      const o: ImportOutcome = { id, title, outcome: seen.has(id) ? 'unchanged' : 'added' };
      seen.add(id);
      sent.push(id);
      return o;
    };
    return {
      sent,
      parse: async (text, options) => parseDigestDocument(text, options),
      importDigests: async (ds) => ds.map((d) => outcome(d.id, d.title)),
      importRecords: async (ds) => ds.map((d) => outcome(d.id, d.title)),
    };
  }

  it('reports each file; a bad file loses nothing else; a tampered shard writes nothing', async () => {
    const index = await buildStaticIndex([digest('s:1', '2026-05-23', [{ name: 'A' }]), digest('s:2', '2026-05-30', [{ name: 'B' }])], { source: 'x' });
    const shards = [...index.shards];
    // Newest batch first: shards[1] is 2026-05-23's, holding s:1.
    const tampered = `${shards[1]![1]} `;
    const d = deps();
    const jobs = await planImport([
      entry('bad.txt', 'hello'),
      entry('extra.txt', EXTRA),
      entry('idx/index.json', JSON.stringify(index.manifest)),
      entry(`idx/${shards[0]![0]}`, shards[0]![1]),
      entry(`idx/${shards[1]![0]}`, tampered),
    ]);
    const results = await runImport(jobs, d, () => undefined);
    expect(results.map((r) => [r.label, r.added, r.failed])).toEqual([
      ['idx/index.json', 1, 1],
      ['bad.txt', 0, 0],
      ['extra.txt', 1, 0],
    ]);
    expect(results[0]!.problems[0]).toMatch(/does not match its sha256/);
    expect(results[1]!.problems[0]).toMatch(/no digest here/);
    expect(d.sent).toContain('s:2');
    expect(d.sent).not.toContain('s:1');
  });

  it('keeps the sound digests of a shard and names each malformed one (no raw TypeError, nothing stored as is)', async () => {
    const good = digest('s:1', '2026-05-23', [{ name: 'A' }]);
    const bad = [
      { ...digest('s:2', '2026-05-23', [{ name: 'B' }]), papers: [{ ...digest('s:2', '2026-05-23', [{ name: 'B' }]).papers[0]!, name: undefined }] },
      { ...digest('s:3', '2026-05-23', [{ name: 'C' }]), themes: [null] },
      { ...digest('s:4', '2026-05-23', [{ name: 'D' }]), date: '<script>' },
    ];
    // A shard written by hand (build-index checks what it writes): named by its hash as the format says.
    const { sha256Hex } = await import('../core/static-index/sha256.ts');
    const text = JSON.stringify({ formatVersion: 1, batch: '2026-05-23', digests: [good, ...bad] });
    const sha = await sha256Hex(text);
    const manifest = {
      formatVersion: 1,
      generator: 't',
      generated: '',
      source: 'x',
      parserVersion: 1,
      digestCount: 4,
      mentionCount: 4,
      shards: [{ file: `shards/${sha}.json`, sha256: sha, bytes: text.length, batch: '2026-05-23', digests: ['s:1', 's:2', 's:3', 's:4'], papers: 4 }],
    };
    const d = deps();
    const [result] = await runImport(
      await planImport([entry('idx/index.json', JSON.stringify(manifest)), entry(`idx/shards/${sha}.json`, text)]),
      d,
      () => undefined,
    );
    expect(result).toMatchObject({ added: 1, failed: 3 });
    expect(result!.problems).toEqual([
      'Digest s:2: not a valid digest (digest.papers[0].name is not text)',
      'Digest s:3: not a valid digest (digest.themes[0] is not an object)',
      'Digest s:4: not a valid digest (digest.date is not a YYYY-MM-DD date)',
    ]);
    expect(d.sent).toEqual(['s:1']);
  });

  it('refuses an export of another format version, saying which', async () => {
    const d = deps();
    const file = JSON.stringify({ kind: 'digest-lens-export', formatVersion: 99, digests: [{ id: 'a' }], papers: [] });
    const [result] = await runImport(await planImport([entry('export.json', file)]), d, () => undefined);
    expect(result).toMatchObject({ added: 0, failed: 0 });
    expect(result!.problems[0]).toMatch(/^this export is format version 99; this Digest Lens reads version 1\. Nothing was imported/);
    expect(d.sent).toEqual([]);
  });

  it('refuses a file too large to read, in plain words, before reading it', async () => {
    const d = deps();
    let read = false;
    const huge: Entry = { path: 'big.json', name: 'big.json', size: 300 * 1024 * 1024, read: async () => ((read = true), '') };
    const [result] = await runImport(await planImport([huge]), d, () => undefined);
    expect(result!.problems[0]).toMatch(/^this file is 300 MB; Digest Lens imports files of up to 256 MB\. Nothing was imported from it/);
    expect(read).toBe(false);
  });

  it('sends an export in messages of bounded size, one too-large record refused on its own', async () => {
    const big = 'x'.repeat(3 * 1024 * 1024);
    const digests = Array.from({ length: 10 }, (_, i) => ({ id: `r:${i}`, title: `R${i}`, intro: big, paperKeys: [] }));
    const file = JSON.stringify({
      kind: 'digest-lens-export',
      formatVersion: 1,
      digests: [...digests, { id: 'huge', title: 'Huge', intro: 'y'.repeat(40 * 1024 * 1024), paperKeys: [] }],
      papers: [],
    });
    const sizes: number[] = [];
    const d = deps();
    const [result] = await runImport(
      await planImport([entry('export.json', file)]),
      { ...d, importRecords: async (ds, ps) => (sizes.push(JSON.stringify([ds, ps]).length), d.importRecords(ds, ps)) },
      () => undefined,
    );
    expect(Math.max(...sizes)).toBeLessThanOrEqual(8 * 1024 * 1024 + 1024);
    expect(sizes.length).toBeGreaterThanOrEqual(4);
    expect(result).toMatchObject({ added: 10, failed: 1 });
    expect(result!.problems).toEqual(['Huge: 40 MB of data, more than any digest holds: not imported']);
  });
});
