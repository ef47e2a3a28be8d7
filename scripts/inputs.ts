// Reading digest files from disk for the command-line tool: which files, and what we know of them.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import type { ParseOptions } from '../src/core/digest/index.ts';

export const DIGEST_EXTENSIONS = new Set(['.txt', '.html', '.htm', '.json', '.xml']);

export class InputError extends Error {
  constructor(
    readonly file: string,
    reason: string,
  ) {
    super(`${file}: ${reason}`);
  }
}

/**
 * Expands directories (not recursively) into the digest files they hold, sorted. A path that
 * does not exist is reported and the others still go through.
 */
export function expandInputs(paths: readonly string[]): { files: string[]; errors: InputError[] } {
  const out: string[] = [];
  const errors: InputError[] = [];
  for (const path of paths) {
    let st;
    try {
      st = statSync(path);
    } catch {
      errors.push(new InputError(path, 'no such file or directory'));
      continue;
    }
    if (st.isDirectory()) {
      const names = readdirSync(path)
        .filter((n) => !n.startsWith('.'))
        .sort();
      // A seeds folder's index.json describes its text files; it is not a digest itself.
      const files = names.filter((n) => DIGEST_EXTENSIONS.has(extname(n).toLowerCase()) && !(n === 'index.json' && isSeedCatalogue(join(path, n))));
      out.push(...files.map((n) => join(path, n)).filter((p) => statSync(p).isFile()));
    } else out.push(path);
  }
  return { files: out, errors };
}

interface SeedEntry {
  file: string;
  url?: string;
  title?: string;
  date?: string;
  topic?: string;
}

function readCatalogue(path: string): SeedEntry[] | undefined {
  try {
    const v: unknown = JSON.parse(readFileSync(path, 'utf8'));
    return Array.isArray(v) && v.every((e) => typeof e === 'object' && e !== null && typeof (e as SeedEntry).file === 'string')
      ? (v as SeedEntry[])
      : undefined;
  } catch {
    return undefined;
  }
}

function isSeedCatalogue(path: string): boolean {
  return readCatalogue(path) !== undefined;
}

/** A file's text and what a catalogue beside it (seeds/index.json) says of it. */
export function readInput(file: string): { text: string; options: ParseOptions } {
  const ext = extname(file).toLowerCase();
  if (!DIGEST_EXTENSIONS.has(ext)) throw new InputError(file, `unsupported file type "${ext || '(none)'}" (expected .txt, .html, .json or .xml)`);
  let buf: Buffer;
  try {
    buf = readFileSync(file);
  } catch (e) {
    throw new InputError(file, (e as NodeJS.ErrnoException).code === 'EISDIR' ? 'is a directory' : 'cannot be read');
  }
  const text = new TextDecoder('utf-8', { fatal: false }).decode(buf);
  const options: ParseOptions = { fileName: basename(file) };
  const entry = readCatalogue(join(dirname(file), 'index.json'))?.find((e) => e.file === basename(file));
  if (entry) Object.assign(options, { url: entry.url, title: entry.title, date: entry.date });
  const format = ext === '.txt' ? 'text' : ext === '.xml' ? 'rss' : ext === '.json' ? 'wordpress' : 'html';
  return { text, options: { ...options, format } };
}
