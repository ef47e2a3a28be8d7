// The static index directory `digest-lens sync --out DIR` maintains: what it holds now (index.json
// and verified shards), a small sidecar with cursors and what each post was, and a lock file.
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Digest } from '../src/core/digest/types.ts';
import type { StaticIndex } from '../src/core/static-index/build.ts';
import { MANIFEST_FILE, type Manifest } from '../src/core/static-index/format.ts';
import { parseManifest, readShard } from '../src/core/static-index/read.ts';
import type { PostRecord, SourceSyncState } from '../src/sync/store.ts';

/** Cursors and post states between runs; dot-named so a CDN upload of DIR can skip it. */
export const STATE_FILE = '.digest-lens-sync.json';
const LOCK_FILE = '.digest-lens-sync.lock';
/** A lock older than this was left by a run that died. */
const STALE_LOCK_MS = 60 * 60_000;

/** What the sidecar keeps of a post: enough to skip it next time, not its body. */
export type PostState = Pick<PostRecord, 'modified' | 'status' | 'parserVersion' | 'sourceId' | 'url' | 'title' | 'format'> & {
  digestId?: string;
  topic?: string;
  reason?: string;
};

export interface SidecarState {
  version: 1;
  states: Record<string, SourceSyncState>;
  posts: Record<string, PostState>;
}

export interface DirContents {
  manifest?: Manifest;
  digests: Digest[];
  /** Problems reading what was there (a missing or corrupted shard): the run re-lists everything. */
  problems: string[];
  sidecar?: SidecarState;
}

export async function readDir(dir: string): Promise<DirContents> {
  const out: DirContents = { digests: [], problems: [] };
  const manifestPath = join(dir, MANIFEST_FILE);
  if (!existsSync(manifestPath)) return out;
  try {
    out.manifest = parseManifest(readFileSync(manifestPath, 'utf8'));
  } catch (e) {
    out.problems.push(`${manifestPath}: ${(e as Error).message}`);
    return out;
  }
  for (const ref of out.manifest.shards) {
    try {
      const shard = await readShard(ref, readFileSync(join(dir, ref.file)));
      out.digests.push(...shard.digests);
      for (const r of shard.rejected) out.problems.push(`${join(dir, ref.file)}: ${r.id}: ${r.reason}`);
    } catch (e) {
      out.problems.push(`${join(dir, ref.file)}: ${(e as Error).message}`);
    }
  }
  try {
    const v = JSON.parse(readFileSync(join(dir, STATE_FILE), 'utf8')) as SidecarState;
    if (v?.version === 1 && typeof v.states === 'object' && typeof v.posts === 'object') out.sidecar = v;
  } catch {
    // No sidecar (an index built by build-index, or the first run): posts are known from digests.
  }
  return out;
}

/** Writes new shards, then the manifest (only when the shard set changed), then removes unlisted shards. */
export function writeIndex(dir: string, index: StaticIndex, previous: Manifest | undefined): { written: number; removed: number; manifestChanged: boolean } {
  mkdirSync(join(dir, 'shards'), { recursive: true });
  let written = 0;
  for (const [file, text] of index.shards) {
    const path = join(dir, file);
    // Shards are named by their hash: one already there with that name has these bytes.
    if (existsSync(path) && statSync(path).size === Buffer.byteLength(text)) continue;
    writeAtomic(path, text);
    written++;
  }
  const same = (a: Manifest | undefined, b: Manifest) =>
    a !== undefined &&
    a.parserVersion === b.parserVersion &&
    a.source === b.source &&
    a.shards.map((s) => s.sha256).join() === b.shards.map((s) => s.sha256).join();
  const manifestChanged = !same(previous, index.manifest);
  // Unchanged content keeps the old manifest, so clients revalidating with an ETag get a 304.
  if (manifestChanged) writeAtomic(join(dir, MANIFEST_FILE), `${JSON.stringify(index.manifest, null, 2)}\n`);
  let removed = 0;
  for (const name of readdirSync(join(dir, 'shards'))) {
    if (!index.shards.has(`shards/${name}`)) {
      rmSync(join(dir, 'shards', name));
      removed++;
    }
  }
  return { written, removed, manifestChanged };
}

export function writeSidecar(dir: string, state: SidecarState): void {
  writeAtomic(join(dir, STATE_FILE), JSON.stringify(state));
}

function writeAtomic(path: string, text: string): void {
  const tmp = `${path}.tmp-${process.pid}`;
  writeFileSync(tmp, text);
  renameSync(tmp, path);
}

/** One run per directory at a time; returns a release function, or undefined when another run holds it. */
export function lockDir(dir: string, now = Date.now()): (() => void) | undefined {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, LOCK_FILE);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      closeSync(openSync(path, 'wx'));
      writeFileSync(path, String(process.pid));
      return () => rmSync(path, { force: true });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      if (now - statSync(path).mtimeMs < STALE_LOCK_MS) return undefined;
      rmSync(path, { force: true });
    }
  }
  return undefined;
}
