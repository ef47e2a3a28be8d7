/**
 * Runs import jobs one after another: read, parse (off the page's thread), send to the background
 * in small batches, tally what each digest became. One job failing never stops the others, and
 * within a job every digest is written (or refused) on its own.
 */
import type { Digest, ParseOptions, ParseResult } from '../core/digest/index.ts';
import { EXPORT_FORMAT_VERSION } from '../core/index/export-format.ts';
import type { DigestRecord, PaperRecord } from '../core/index/types.ts';
import type { ImportOutcome } from '../core/index/view.ts';
import { readShard } from '../core/static-index/read.ts';
import type { Job } from './import-plan.ts';
import { withStableIds } from './stable-id.ts';

export interface ImportDeps {
  parse(text: string, options: ParseOptions): Promise<ParseResult>;
  importDigests(digests: readonly Digest[]): Promise<ImportOutcome[]>;
  importRecords(digests: readonly DigestRecord[], papers: readonly PaperRecord[]): Promise<ImportOutcome[]>;
}

export interface JobResult {
  readonly label: string;
  readonly added: number;
  readonly updated: number;
  readonly unchanged: number;
  readonly failed: number;
  /** Why something was not imported: the whole file, or one digest of it. */
  readonly problems: readonly string[];
}

// Small enough that progress moves and no one message is huge; large enough to keep overhead low.
const BATCH = 20;
/** A message to the background stays well under the browsers' 64 MiB limit. */
const BATCH_BYTES = 8 * 1024 * 1024;
/** One digest (or record with its papers) larger than this is no digest: refused, the rest goes on. */
const MAX_DIGEST_BYTES = 32 * 1024 * 1024;
/** The largest file read whole: a file is parsed as one string, and the page must not run out of memory. */
export const MAX_IMPORT_FILE_BYTES = 256 * 1024 * 1024;

const mb = (n: number) => `${Math.round(n / (1024 * 1024))} MB`;

/**
 * Items in messages of at most BATCH items and about BATCH_BYTES of JSON; an item too large for
 * any message is handed to `tooBig` instead.
 */
function* batches<T>(items: readonly T[], sizeOf: (item: T) => number, tooBig: (item: T, bytes: number) => void): Generator<T[]> {
  let batch: T[] = [];
  let bytes = 0;
  for (const item of items) {
    const size = sizeOf(item);
    if (size > MAX_DIGEST_BYTES) {
      tooBig(item, size);
      continue;
    }
    if (batch.length > 0 && (batch.length >= BATCH || bytes + size > BATCH_BYTES)) {
      yield batch;
      batch = [];
      bytes = 0;
    }
    batch.push(item);
    bytes += size;
  }
  if (batch.length > 0) yield batch;
}

const jsonBytes = (v: unknown): number => {
  try {
    return JSON.stringify(v)?.length ?? 0;
  } catch {
    return Infinity;
  }
};

const labelOf = (d: unknown): string => {
  const o = (d ?? {}) as { title?: unknown; id?: unknown };
  return typeof o.title === 'string' ? o.title : typeof o.id === 'string' ? o.id : 'a digest';
};

const formatOf = (name: string): NonNullable<ParseOptions['format']> => {
  const ext = name.slice(name.lastIndexOf('.')).toLowerCase();
  return ext === '.txt' ? 'text' : ext === '.xml' ? 'rss' : ext === '.json' ? 'wordpress' : 'html';
};

class Tally {
  added = 0;
  updated = 0;
  unchanged = 0;
  failed = 0;
  readonly problems: string[] = [];
  constructor(readonly label: string) {}
  count(outcomes: readonly ImportOutcome[]): void {
    for (const o of outcomes) {
      this[o.outcome]++;
      if (o.outcome === 'failed') this.problems.push(`${o.title}: ${o.reason ?? 'not written'}`);
    }
  }
  fail(reason: string): void {
    this.problems.push(reason);
  }
  /** One digest not imported, with why. */
  refuse(label: string, reason: string): void {
    this.problems.push(`${label}: ${reason}`);
    this.failed++;
  }
  /** Digests the schema check left out: each failed, with its reason. */
  reject(rejected: readonly { id: string; reason: string }[]): void {
    for (const r of rejected) this.problems.push(`${r.id}: not a valid digest (${r.reason})`);
    this.failed += rejected.length;
  }
  result(): JobResult {
    const { label, added, updated, unchanged, failed, problems } = this;
    return { label, added, updated, unchanged, failed, problems };
  }
}

async function sendDigests(deps: ImportDeps, digests: readonly Digest[], tally: Tally): Promise<void> {
  const tooBig = (d: Digest, bytes: number) => tally.refuse(labelOf(d), `${mb(bytes)} of data, more than any digest holds: not imported`);
  for (const batch of batches(digests, jsonBytes, tooBig)) tally.count(await deps.importDigests(batch));
}

async function sendRecords(deps: ImportDeps, digests: readonly DigestRecord[], papers: readonly PaperRecord[], tally: Tally): Promise<void> {
  const byKey = new Map(papers.filter((p) => typeof p?.key === 'string').map((p) => [p.key, p]));
  // A record travels with the papers it names.
  const withPapers = digests.map((d) => ({ d, papers: (Array.isArray(d?.paperKeys) ? d.paperKeys : []).flatMap((k) => byKey.get(k) ?? []) }));
  const tooBig = (r: (typeof withPapers)[number], bytes: number) =>
    tally.refuse(labelOf(r.d), `${mb(bytes)} of data, more than any digest holds: not imported`);
  for (const batch of batches(withPapers, (r) => jsonBytes(r.d) + jsonBytes(r.papers), tooBig)) {
    const keys = new Set<string>();
    const sent: PaperRecord[] = [];
    for (const r of batch) for (const p of r.papers) if (!keys.has(p.key) && keys.add(p.key)) sent.push(p);
    tally.count(
      await deps.importRecords(
        batch.map((r) => r.d),
        sent,
      ),
    );
  }
}

// JSON files may be one of ours (an export, a shard) rather than a WordPress post: look first.
function sniffJson(text: string): { kind: 'export' | 'shard'; value: Record<string, unknown> } | undefined {
  const head = text.slice(0, 300);
  if (!/"kind"\s*:\s*"digest-lens-export"|"formatVersion"/.test(head)) return undefined;
  try {
    const v = JSON.parse(text) as Record<string, unknown>;
    if (v?.kind === 'digest-lens-export') return { kind: 'export', value: v };
    if (typeof v?.formatVersion === 'number' && Array.isArray(v.digests)) return { kind: 'shard', value: v };
  } catch {
    // Not JSON after all: the parser will say so.
  }
  return undefined;
}

/** Refuses a file too large to read whole, in words a reader can act on. */
function tooLarge(entry: { size?: number }): string | undefined {
  if (entry.size === undefined || entry.size <= MAX_IMPORT_FILE_BYTES) return undefined;
  return `this file is ${mb(entry.size)}; Digest Lens imports files of up to ${mb(MAX_IMPORT_FILE_BYTES)}. Nothing was imported from it. Import its parts instead: a static index folder (digest-lens build-index) keeps each week in its own small file.`;
}

async function runFile(job: Extract<Job, { kind: 'file' }>, deps: ImportDeps, tally: Tally): Promise<void> {
  const big = tooLarge(job.entry);
  if (big) return tally.fail(big);
  const text = await job.entry.read();
  const json = job.entry.name.toLowerCase().endsWith('.json') ? sniffJson(text) : undefined;
  if (json?.kind === 'export') {
    const { digests, papers, formatVersion } = json.value;
    if (formatVersion !== EXPORT_FORMAT_VERSION) {
      return tally.fail(
        `this export is format version ${JSON.stringify(formatVersion) ?? 'none'}; this Digest Lens reads version ${EXPORT_FORMAT_VERSION}. Nothing was imported from it: update Digest Lens, or export again from a version that writes version ${EXPORT_FORMAT_VERSION}.`,
      );
    }
    if (!Array.isArray(digests) || !Array.isArray(papers)) return tally.fail('an export file without digests and papers');
    return sendRecords(deps, digests as DigestRecord[], papers as PaperRecord[], tally);
  }
  if (json?.kind === 'shard') {
    const sha256 = /^([0-9a-f]{64})\.json$/.exec(job.entry.name)?.[1];
    if (!sha256) return tally.fail('a static index shard must keep its name (<sha256>.json) to be checked');
    const shard = await readShard({ file: `shards/${sha256}.json`, sha256, bytes: 0, batch: '', digests: [], papers: 0 }, text);
    tally.reject(shard.rejected);
    return sendDigests(deps, shard.digests, tally);
  }
  const options: ParseOptions = { fileName: job.entry.name, format: formatOf(job.entry.name), ...catalogueOptions(job.catalogue) };
  const parsed = await deps.parse(text, options);
  for (const e of parsed.errors) tally.fail(`${e.item ? `${e.item}: ` : ''}${e.message}`);
  if (parsed.digests.length === 0 && parsed.errors.length === 0) tally.fail('no digest found');
  tally.failed += parsed.errors.length;
  await sendDigests(deps, await withStableIds(parsed.digests, text), tally);
}

function catalogueOptions(c: Extract<Job, { kind: 'file' }>['catalogue']): Partial<ParseOptions> {
  if (!c) return {};
  return { ...(c.url ? { url: c.url } : {}), ...(c.title ? { title: c.title } : {}), ...(c.date ? { date: c.date } : {}) };
}

async function runIndex(job: Extract<Job, { kind: 'index' }>, deps: ImportDeps, tally: Tally): Promise<void> {
  for (const ref of job.manifest.shards) {
    const entry = job.shards.get(ref.file);
    if (!entry) {
      tally.fail(`${ref.file} (${ref.batch}) is missing: choose the whole index folder`);
      tally.failed += ref.digests.length;
      continue;
    }
    try {
      const big = tooLarge(entry);
      if (big) throw new Error(`${ref.file}: ${big}`);
      // Verified against its sha256 before anything is written.
      const shard = await readShard(ref, await entry.read());
      tally.reject(shard.rejected);
      await sendDigests(deps, shard.digests, tally);
    } catch (e) {
      tally.fail((e as Error).message);
      tally.failed += ref.digests.length;
    }
  }
}

export async function runImport(jobs: readonly Job[], deps: ImportDeps, onResult: (index: number, result: JobResult) => void): Promise<JobResult[]> {
  const results: JobResult[] = [];
  for (const [i, job] of jobs.entries()) {
    const tally = new Tally(job.label);
    try {
      if (job.kind === 'skip') tally.fail(job.reason);
      else if (job.kind === 'file') await runFile(job, deps, tally);
      else await runIndex(job, deps, tally);
    } catch (e) {
      tally.fail((e as Error).message);
    }
    const result = tally.result();
    results.push(result);
    onResult(i, result);
  }
  return results;
}
