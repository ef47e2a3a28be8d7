// The digest-lens command as a user runs it: the real bin, real files, exit codes and messages.
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { seedPosts } from './server/seed-posts.ts';

const root = resolve(import.meta.dirname, '..');
const bin = join(root, 'bin/digest-lens.mjs');
const seeds = join(root, 'tests/fixtures/seeds');
const samples = join(root, 'tests/fixtures/samples');

async function run(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [bin, ...args], { cwd: root, maxBuffer: 64 << 20 });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

describe('digest-lens parse', () => {
  it('prints one digest per seed, in input order, with the seeds index addresses', async () => {
    const files = ['2026-07-04-deep-learning.txt', '2026-02-28-deep-learning.txt'].map((f) => join(seeds, f));
    const r = await run('parse', ...files);
    expect(r.code).toBe(0);
    const { digests } = JSON.parse(r.stdout) as { digests: { id: string; date: string; url: string }[] };
    expect(digests.map((d) => d.date)).toEqual(['2026-07-04', '2026-02-28']);
    expect(digests[1]!.url).toBe(
      'https://scipapermill.com/index.php/2026/02/28/deep-learnings-next-frontier-robustness-interpretability-and-efficiency-across-diverse-domains/',
    );
  });

  it('parses every seed and both samples', async () => {
    const r = await run('parse', seeds, join(samples, 'wp-json-post-5804.json'), join(samples, 'wp-json-post-6574.json'));
    expect(r.code).toBe(0);
    const { digests } = JSON.parse(r.stdout) as { digests: { id: string; topic: string }[] };
    expect(digests).toHaveLength(7);
    expect(digests.slice(5).map((d) => d.id)).toEqual(['scipapermill.com:5804', 'scipapermill.com:6574']);
  });

  it('names the file and says why on bad input, exits non-zero, and still prints the good ones', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dl-cli-'));
    writeFileSync(join(dir, 'empty.txt'), '');
    writeFileSync(join(dir, 'notes.pdf'), 'x');
    const r = await run('parse', join(seeds, '2026-05-23-deep-learning.txt'), join(dir, 'empty.txt'), join(dir, 'notes.pdf'), join(dir, 'missing.txt'));
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/empty\.txt: .+/);
    expect(r.stderr).toMatch(/notes\.pdf: unsupported file type "\.pdf"/);
    expect(r.stderr).toMatch(/missing\.txt: no such file/);
    expect((JSON.parse(r.stdout) as { digests: { date: string }[] }).digests.map((d) => d.date)).toEqual(['2026-05-23']);
  });

  it('answers a usage error with exit 2 and the usage text', async () => {
    const r = await run('frobnicate');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/unknown command "frobnicate"/);
    expect(r.stderr).toMatch(/Usage:/);
  });
});

describe('digest-lens build-index', () => {
  it('writes a manifest and verified shards, and removes shards no longer listed', async () => {
    const out = mkdtempSync(join(tmpdir(), 'dl-index-'));
    mkdirSync(join(out, 'shards'));
    writeFileSync(join(out, 'shards', 'stale.json'), '{}');
    const r = await run('build-index', seeds, '--out', out, '--source', 'seeds');
    expect(r.code).toBe(0);
    const manifest = JSON.parse(readFileSync(join(out, 'index.json'), 'utf8')) as {
      shards: { file: string; batch: string }[];
      digestCount: number;
      source: string;
    };
    expect(manifest.source).toBe('seeds');
    expect(manifest.digestCount).toBe(5);
    expect(manifest.shards.map((s) => s.batch)).toEqual(['2026-07-04', '2026-05-30', '2026-05-23', '2026-02-28']);
    expect(readdirSync(join(out, 'shards')).sort()).toEqual(manifest.shards.map((s) => s.file.slice('shards/'.length)).sort());
    expect(r.stderr).toMatch(/5 digests/);
  });

  it('keeps one digest per post when the same posts come by two routes (seed text and WordPress JSON)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dl-routes-'));
    writeFileSync(join(dir, 'posts.json'), JSON.stringify(seedPosts()));
    const out = join(dir, 'index');
    const r = await run('build-index', seeds, join(dir, 'posts.json'), '--out', out);
    expect(r.code).toBe(0);
    const manifest = JSON.parse(readFileSync(join(out, 'index.json'), 'utf8')) as { shards: { digests: string[] }[]; digestCount: number };
    expect(manifest.digestCount).toBe(5);
    // The WordPress copies know the post id and when it was modified: they are the versions kept.
    expect(manifest.shards.flatMap((s) => s.digests).sort()).toEqual([
      'scipapermill.com:9001',
      'scipapermill.com:9002',
      'scipapermill.com:9003',
      'scipapermill.com:9004',
      'scipapermill.com:9005',
    ]);
    expect(r.stderr).toMatch(/5 inputs were copies of a post given twice/);
  });

  it('requires --out', async () => {
    const r = await run('build-index', seeds);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--out DIR/);
  });
});

describe('digest-lens summary', () => {
  it('summarises the built-in seeds', async () => {
    const r = await run('summary');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Digest Lens: 5 digests, \d+ papers/);
    expect(r.stdout).toMatch(/2026-02-28 {2}deep neural networks/);
  });
});
