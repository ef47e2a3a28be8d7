/**
 * What the reader chose (files, or a folder's files with their relative paths) → import jobs.
 * A static index (an index.json manifest plus its shards/) is one job; a seeds-style catalogue
 * (index.json listing text files) lends its addresses to those files; every other file is a job.
 */
import type { Manifest } from '../core/static-index/format.ts';
import { parseManifest } from '../core/static-index/read.ts';

export interface Entry {
  /** Relative path for a folder's files (webkitRelativePath), else the file name. */
  readonly path: string;
  readonly name: string;
  /** Bytes, when known (a File's size): a file too big to import is refused before it is read. */
  readonly size?: number;
  read(): Promise<string>;
}

export interface CatalogueEntry {
  readonly file: string;
  readonly url?: string;
  readonly title?: string;
  readonly date?: string;
}

export type Job =
  | { readonly kind: 'index'; readonly label: string; readonly manifest: Manifest; readonly shards: ReadonlyMap<string, Entry> }
  | { readonly kind: 'file'; readonly label: string; readonly entry: Entry; readonly catalogue?: CatalogueEntry }
  | { readonly kind: 'skip'; readonly label: string; readonly reason: string };

export const DIGEST_EXTENSIONS = ['.txt', '.html', '.htm', '.json', '.xml'];
const SHARD_NAME = /^[0-9a-f]{64}\.json$/;

const dirOf = (path: string) => (path.includes('/') ? path.slice(0, path.lastIndexOf('/') + 1) : '');
const extOf = (name: string) => (name.includes('.') ? name.slice(name.lastIndexOf('.')).toLowerCase() : '');

function catalogue(text: string): CatalogueEntry[] | undefined {
  try {
    const v: unknown = JSON.parse(text);
    return Array.isArray(v) && v.length > 0 && v.every((e) => typeof e === 'object' && e !== null && typeof (e as CatalogueEntry).file === 'string')
      ? (v as CatalogueEntry[])
      : undefined;
  } catch {
    return undefined;
  }
}

function manifest(text: string): Manifest | undefined {
  try {
    const v = JSON.parse(text) as { formatVersion?: unknown; shards?: unknown } | null;
    // Looks like a manifest: then any problem in it is worth reporting, not guessing around.
    return v && typeof v === 'object' && 'formatVersion' in v && Array.isArray(v.shards) ? parseManifest(text) : undefined;
  } catch (e) {
    if ((e as Error).name === 'StaticIndexError') throw e;
    return undefined;
  }
}

export async function planImport(entries: readonly Entry[]): Promise<Job[]> {
  const jobs: Job[] = [];
  const visible = entries.filter((e) => !e.name.startsWith('.') && !e.path.split('/').some((p) => p.startsWith('.')));
  const claimed = new Set<Entry>();
  const catalogues = new Map<string, CatalogueEntry[]>();
  for (const e of visible.filter((x) => x.name.toLowerCase() === 'index.json')) {
    const text = await e.read();
    let m: Manifest | undefined;
    try {
      m = manifest(text);
    } catch (err) {
      jobs.push({ kind: 'skip', label: e.path, reason: (err as Error).message });
      claimed.add(e);
      continue;
    }
    if (m) {
      const dir = dirOf(e.path);
      const shards = new Map<string, Entry>();
      for (const ref of m.shards) {
        // A folder keeps shards/<hash>.json beside index.json; picked files arrive as bare names.
        const f =
          visible.find((x) => x.path === `${dir}${ref.file}`) ?? visible.find((x) => !x.path.includes('/') && x.name === ref.file.slice('shards/'.length));
        if (f) {
          shards.set(ref.file, f);
          claimed.add(f);
        }
      }
      jobs.push({ kind: 'index', label: e.path, manifest: m, shards });
      claimed.add(e);
      continue;
    }
    const c = catalogue(text);
    if (c) {
      catalogues.set(dirOf(e.path), c);
      claimed.add(e);
    }
  }
  for (const e of visible) {
    if (claimed.has(e)) continue;
    if (!DIGEST_EXTENSIONS.includes(extOf(e.name))) {
      jobs.push({ kind: 'skip', label: e.path, reason: `not a digest file (expected .txt, .html, .json or .xml)` });
      continue;
    }
    if (SHARD_NAME.test(e.name) && dirOf(e.path).endsWith('shards/')) {
      jobs.push({ kind: 'skip', label: e.path, reason: 'a static index shard without its index.json: choose the index folder, or index.json with its shards' });
      continue;
    }
    const entry = catalogues.get(dirOf(e.path))?.find((c) => c.file === e.name);
    jobs.push({ kind: 'file', label: e.path, entry: e, ...(entry ? { catalogue: entry } : {}) });
  }
  return jobs;
}
