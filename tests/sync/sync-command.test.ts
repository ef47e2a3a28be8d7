import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { syncCommand } from '../../scripts/sync-command.ts';
import { STATE_FILE } from '../../scripts/sync-dir.ts';
import { parseManifest } from '../../src/core/static-index/read.ts';
import { generatePosts } from '../server/generate-posts.ts';
import { seedPosts } from '../server/seed-posts.ts';
import { startWpServer, type WpServer } from '../server/wp-server.ts';

const root = resolve(import.meta.dirname, '../..');
let server: WpServer;
let dir: string;
const batches = generatePosts({ count: 40, perBatch: 20, firstBatch: '2026-06-27', papers: 6 });

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (s: string) => out.push(s), err: (s: string) => err.push(s) }, out, err: () => err.join('') };
}

const fast = { http: { timeoutMs: 2000, baseDelayMs: 1, retries: 1 } };
const run = (args: string[], c = capture()) => syncCommand(args, c.io, fast).then((code) => ({ code, err: c.err() }));
const manifest = () => parseManifest(readFileSync(join(dir, 'index.json'), 'utf8'));
const shardFiles = () =>
  readdirSync(join(dir, 'shards'))
    .map((n) => `shards/${n}`)
    .sort();

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'digest-lens-sync-'));
  server = await startWpServer({ posts: [...seedPosts(), ...batches.slice(0, 20)] });
});
afterEach(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('digest-lens sync', () => {
  it('answers usage errors with status 2', async () => {
    expect((await run(['--out', dir])).code).toBe(2);
    expect((await run(['--source', server.url])).code).toBe(2);
    expect((await run(['--source', 'not a url', '--out', dir])).code).toBe(2);
    expect((await run(['--source', 'ftp://x.org/', '--out', dir])).code).toBe(2);
    const bad = await run(['--source', server.url, '--out', dir, '--since', '23 May']);
    expect(bad).toMatchObject({ code: 2, err: expect.stringMatching(/--since "23 May" is not a YYYY-MM-DD date/) });
  });

  it('mirrors everything a site has into DIR, then syncs incrementally', async () => {
    const first = await run(['--source', `${server.url}/`, '--out', dir]);
    expect(first.code).toBe(0);
    expect(first.err).toMatch(/fetching 25\/25/);
    expect(first.err).toMatch(/25 new, 0 updated, 0 failed/);
    expect(manifest().digestCount).toBe(25);
    expect(shardFiles()).toEqual(
      manifest()
        .shards.map((s) => s.file)
        .sort(),
    );
    expect(existsSync(join(dir, STATE_FILE))).toBe(true);
    const stamp = statSync(join(dir, 'index.json')).mtimeMs;

    server.log.length = 0;
    const again = await run(['--source', `${server.url}/`, '--out', dir]);
    expect(again.code).toBe(0);
    expect(again.err).toMatch(/0 new, 0 updated, 0 failed \(1 requests/);
    expect(server.log).toHaveLength(1);
    // Nothing changed: the manifest stays byte for byte (clients' ETags stay valid).
    expect(statSync(join(dir, 'index.json')).mtimeMs).toBe(stamp);

    // A new batch, and an edit to an old post: two shards change, their old files go.
    server.addPosts(batches.slice(20));
    const edited = seedPosts()[4]!;
    server.editPost(edited.id, (html) => html.replace('</h3>', '</h3>\n<p>Edited.</p>'), Date.parse('2026-07-19T10:00:00Z'));
    const before = manifest().shards;
    const third = await run(['--source', `${server.url}/`, '--out', dir]);
    expect(third.code).toBe(0);
    expect(third.err).toMatch(/20 new, 1 updated/);
    const after = manifest();
    expect(after.digestCount).toBe(45);
    expect(shardFiles()).toEqual(after.shards.map((s) => s.file).sort());
    const kept = before.filter((s) => after.shards.some((t) => t.sha256 === s.sha256));
    expect(before.length - kept.length).toBe(1);
  });

  it('starts from --since and mirrors a static index into another directory', async () => {
    const code = (await run(['--source', `${server.url}/`, '--out', dir, '--since', '2026-05-01'])).code;
    expect(code).toBe(0);
    expect(manifest().digestCount).toBe(23);
    const { buildStaticIndex } = await import('../../src/core/static-index/build.ts');
    const { readShard } = await import('../../src/core/static-index/read.ts');
    const m = manifest();
    const digests = (await Promise.all(m.shards.map(async (r) => readShard(r, readFileSync(join(dir, r.file)))))).flatMap((s) => s.digests);
    server.setStaticIndex(await buildStaticIndex(digests, { source: 'mirror' }));
    const second = mkdtempSync(join(tmpdir(), 'digest-lens-sync-'));
    try {
      const c = capture();
      expect(await syncCommand(['--source', `${server.url}/index/index.json`, '--out', second], c.io, fast)).toBe(0);
      const copy = parseManifest(readFileSync(join(second, 'index.json'), 'utf8'));
      expect(copy.shards.map((s) => s.sha256)).toEqual(m.shards.map((s) => s.sha256));
    } finally {
      rmSync(second, { recursive: true, force: true });
    }
  });

  it('exits 1 with the reason when a source fails, keeping what DIR held', async () => {
    expect((await run(['--source', `${server.url}/`, '--out', dir])).code).toBe(0);
    server.faults.add('wp/v2/posts', { kind: 'status', status: 500 }, 10);
    const failed = await run(['--source', `${server.url}/`, '--out', dir]);
    expect(failed.code).toBe(1);
    expect(failed.err).toMatch(/failed with HTTP 500/);
    expect(manifest().digestCount).toBe(25);
  });

  const wired = readFileSync(join(root, 'scripts/cli.ts'), 'utf8').includes('syncCommand');
  it.skipIf(!wired)('runs as `digest-lens sync` from the command line', async () => {
    const { code, stderr } = await new Promise<{ code: number; stderr: string }>((done) => {
      execFile(
        process.execPath,
        [join(root, 'bin/digest-lens.mjs'), 'sync', '--source', `${server.url}/`, '--out', dir],
        { cwd: root, timeout: 60_000 },
        (error, _stdout, stderr) => done({ code: error ? Number(error.code ?? 1) : 0, stderr }),
      );
    });
    expect(stderr).toMatch(/25 new/);
    expect(code).toBe(0);
    expect(manifest().digestCount).toBe(25);
  });
});
