/**
 * Runs import jobs one after another: read, parse (off the page's thread), send to the background
 * in small batches, tally what each digest became. One job failing never stops the others, and
 * within a job every digest is written (or refused) on its own.
 */
import type { Digest, ParseOptions, ParseResult } from '../core/digest/index.ts';
import { readShard } from '../core/static-index/read.ts';
import type { DigestRecord, PaperRecord } from '../core/index/types.ts';
import type { ImportOutcome } from '../messages.ts';
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

const formatOf = (name: string): ParseOptions['format'] => {
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
  result(): JobResult {
    const { label, added, updated, unchanged, failed, problems } = this;
    return { label, added, updated, unchanged, failed, problems };
  }
}

async function sendDigests(deps: ImportDeps, digests: readonly Digest[], tally: Tally): Promise<void> {
  for (let i = 0; i < digests.length; i += BATCH) tally.count(await deps.importDigests(digests.slice(i, i + BATCH)));
}

async function sendRecords(deps: ImportDeps, digests: readonly DigestRecord[], papers: readonly PaperRecord[], tally: Tally): Promise<void> {
  const byKey = new Map(papers.map((p) => [p.key, p]));
  for (let i = 0; i < digests.length; i += BATCH) {
    const chunk = digests.slice(i, i + BATCH);
    const keys = new Set(chunk.flatMap((d) => (Array.isArray(d?.paperKeys) ? d.paperKeys : [])));
    tally.count(await deps.importRecords(chunk, [...keys].flatMap((k) => byKey.get(k) ?? [])));
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

async function runFile(job: Extract<Job, { kind: 'file' }>, deps: ImportDeps, tally: Tally): Promise<void> {
  const text = await job.entry.read();
  const json = job.entry.name.toLowerCase().endsWith('.json') ? sniffJson(text) : undefined;
  if (json?.kind === 'export') {
    const { digests, papers } = json.value;
    if (!Array.isArray(digests) || !Array.isArray(papers)) return tally.fail('an export file without digests and papers');
    return sendRecords(deps, digests as DigestRecord[], papers as PaperRecord[], tally);
  }
  if (json?.kind === 'shard') {
    const sha256 = /^([0-9a-f]{64})\.json$/.exec(job.entry.name)?.[1];
    if (!sha256) return tally.fail('a static index shard must keep its name (<sha256>.json) to be checked');
    const shard = await readShard({ file: `shards/${sha256}.json`, sha256, bytes: 0, batch: '', digests: [], papers: 0 }, text);
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
      // Verified against its sha256 before anything is written.
      const shard = await readShard(ref, await entry.read());
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
