// digest-lens: parse digest posts, build a static index, summarise. Exit 0 on success, 1 when any
// input failed (the rest is still done), 2 on a usage error.
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { fidelityReport, formatFidelity } from '../src/core/digest/fidelity.ts';
import { parseDigestDocument } from '../src/core/digest/index.ts';
import type { Digest } from '../src/core/digest/types.ts';
import { addDigest } from '../src/core/index/add-digest.ts';
import { MemoryStore } from '../src/core/index/memory-store.ts';
import { buildStaticIndex } from '../src/core/static-index/build.ts';
import { MANIFEST_FILE } from '../src/core/static-index/format.ts';
import { expandInputs, InputError, readInput } from './inputs.ts';
import { SYNC_USAGE, syncCommand } from './sync-command.ts';

export const SEEDS_DIR = resolve(import.meta.dirname, '../tests/fixtures/seeds');

const USAGE = `Usage:
  digest-lens parse FILE...                      print {"digests": [...]} as JSON
  digest-lens parse --report FILE|DIR...         a table per post: papers, titled, split and suspect records
  digest-lens build-index FILE|DIR... --out DIR  write a static index (index.json + shards/)
          [--source NAME]                        the source named in the manifest
  digest-lens summary [FILE|DIR...]              what the digests hold (default: the built-in seeds)
${SYNC_USAGE.replace(/^Usage:\n/, '')}

FILE: a post as .txt (plain text), .html (saved page or post HTML), .json (WordPress REST post or
list) or .xml (RSS2 feed). A DIR stands for the digest files in it.`;

interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
}

const stdio: Io = { out: (s) => process.stdout.write(s), err: (s) => process.stderr.write(s) };

/** Parses every file; failures are reported by file and reason, and the rest goes on. */
export function parseFiles(paths: readonly string[], io: Io): { digests: Digest[]; failed: number } {
  const digests: Digest[] = [];
  const { files, errors } = expandInputs(paths);
  let failed = errors.length;
  for (const e of errors) io.err(`digest-lens: ${e.message}\n`);
  for (const file of files) {
    try {
      const { text, options } = readInput(file);
      const result = parseDigestDocument(text, options);
      for (const e of result.errors) io.err(`digest-lens: ${file}: ${e.item ? `${e.item}: ` : ''}${e.message}\n`);
      if (result.digests.length === 0 && result.errors.length === 0) io.err(`digest-lens: ${file}: no digest found\n`);
      if (result.digests.length === 0 || result.errors.length > 0) failed++;
      for (const d of result.digests) {
        for (const w of d.warnings) io.err(`digest-lens: ${file}: warning: ${w}\n`);
        digests.push(d);
      }
    } catch (e) {
      failed++;
      io.err(`digest-lens: ${e instanceof InputError ? e.message : `${file}: ${(e as Error).message}`}\n`);
    }
  }
  return { digests, failed };
}

async function buildIndex(paths: string[], out: string, source: string, io: Io): Promise<number> {
  const { digests, failed } = parseFiles(paths, io);
  if (digests.length === 0) {
    io.err('digest-lens: no digests to index\n');
    return 1;
  }
  const index = await buildStaticIndex(digests, { source });
  mkdirSync(join(out, 'shards'), { recursive: true });
  for (const [file, text] of index.shards) writeFileSync(join(out, file), text);
  // The directory holds exactly the current index: shards no longer listed go.
  for (const name of readdirSync(join(out, 'shards'))) {
    if (!index.shards.has(`shards/${name}`)) rmSync(join(out, 'shards', name));
  }
  writeFileSync(join(out, MANIFEST_FILE), `${JSON.stringify(index.manifest, null, 2)}\n`);
  const copies = digests.length - index.manifest.digestCount;
  if (copies > 0)
    io.err(`digest-lens: ${copies} ${copies === 1 ? 'input was a copy' : 'inputs were copies'} of a post given twice: one digest per post kept\n`);
  io.err(
    `digest-lens: wrote ${out}: ${index.manifest.digestCount} digests, ${index.manifest.mentionCount} paper mentions, ${index.manifest.shards.length} shards\n`,
  );
  return failed ? 1 : 0;
}

async function summary(paths: string[], io: Io): Promise<number> {
  const { digests, failed } = parseFiles(paths.length ? paths : [SEEDS_DIR], io);
  const store = new MemoryStore();
  for (const d of [...digests].sort((a, b) => a.date.localeCompare(b.date))) await addDigest(store, d);
  const papers = [...store.papers.values()];
  const lines = [
    `Digest Lens: ${digests.length} digests, ${papers.length} papers (${digests.reduce((n, d) => n + d.papers.length, 0)} mentions)`,
    `  with an arXiv id: ${papers.filter((p) => p.arxivId).length}`,
    `  with code: ${papers.filter((p) => p.codeUrls.length).length} (GitHub repositories: ${new Set(papers.flatMap((p) => p.repos)).size})`,
    `  in more than one digest: ${papers.filter((p) => new Set(p.mentions.map((m) => m.digestId)).size > 1).length}`,
    '',
    ...[...digests]
      .sort((a, b) => b.date.localeCompare(a.date) || a.topic.localeCompare(b.topic))
      .map((d) => `${d.date}  ${d.topic.padEnd(22)} ${String(d.papers.length).padStart(3)} papers  ${String(d.themes.length).padStart(2)} themes  ${d.title}`),
  ];
  io.out(`${lines.join('\n')}\n`);
  return failed ? 1 : 0;
}

export async function main(argv: string[], io: Io = stdio): Promise<number> {
  const [command, ...rest] = argv;
  // sync has options of its own (--source more than once, --since, --topic).
  if (command === 'sync') return syncCommand(rest, io);
  let parsed;
  try {
    parsed = parseArgs({
      args: rest,
      allowPositionals: true,
      options: { out: { type: 'string' }, source: { type: 'string' }, report: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
    });
  } catch (e) {
    io.err(`digest-lens: ${(e as Error).message}\n${USAGE}\n`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (!command || command === 'help' || command === '--help' || command === '-h' || values.help) {
    io.out(`${USAGE}\n`);
    return command ? 0 : 2;
  }
  switch (command) {
    case 'parse': {
      if (positionals.length === 0) return usage(io, 'parse needs at least one FILE');
      const { digests, failed } = parseFiles(positionals, io);
      if (values.report) io.out(`${formatFidelity(fidelityReport(digests))}\n`);
      else io.out(`${JSON.stringify({ digests }, null, 2)}\n`);
      return failed ? 1 : 0;
    }
    case 'build-index': {
      if (positionals.length === 0) return usage(io, 'build-index needs at least one FILE or DIR');
      if (!values.out) return usage(io, 'build-index needs --out DIR');
      return buildIndex(positionals, values.out, values.source ?? 'local files', io);
    }
    case 'summary':
      return summary(positionals, io);
    default:
      return usage(io, `unknown command "${command}"`);
  }
}

function usage(io: Io, message: string): number {
  io.err(`digest-lens: ${message}\n${USAGE}\n`);
  return 2;
}
