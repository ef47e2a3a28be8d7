/**
 * `npm run package`: store-ready zips of dist/chrome and dist/firefox, and the source zip
 * addons.mozilla.org asks for when the code is bundled (every file git would commit, no build
 * output), all in release/.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { type ZipEntry, zip } from './zip.ts';

const ROOT = join(import.meta.dirname, '..');
const OUT = join(ROOT, 'release');

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    // Dot folders (vite's .vite/ metadata) are build bookkeeping, not part of the add-on.
    if (e.name.startsWith('.')) return [];
    const path = join(dir, e.name);
    return e.isDirectory() ? filesUnder(path) : [path];
  });
}

const entry = (root: string, path: string): ZipEntry => ({ name: relative(root, path).split(sep).join('/'), data: readFileSync(path) });

function write(name: string, entries: ZipEntry[]): void {
  const file = join(OUT, name);
  writeFileSync(file, zip(entries));
  console.log(`${relative(ROOT, file)}: ${entries.length} files, ${(statSync(file).size / 1024).toFixed(1)} KiB`);
}

const { version } = JSON.parse(readFileSync(join(ROOT, 'manifest.json'), 'utf8')) as { version: string };
mkdirSync(OUT, { recursive: true });
for (const browser of ['chrome', 'firefox'] as const) {
  const dist = join(ROOT, 'dist', browser);
  const manifest = JSON.parse(readFileSync(join(dist, 'manifest.json'), 'utf8')) as { version: string };
  if (manifest.version !== version) throw new Error(`dist/${browser} is version ${manifest.version}, manifest.json says ${version}: run npm run build`);
  write(
    `digest-lens-${version}-${browser}.zip`,
    filesUnder(dist).map((p) => entry(dist, p)),
  );
}
// Tracked and new-but-not-ignored files: the tree a reviewer builds from with `npm ci && npm run build`.
const sources = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', '-z'], { cwd: ROOT, encoding: 'utf8' })
  .split('\0')
  .filter((p) => p && statSync(join(ROOT, p), { throwIfNoEntry: false })?.isFile());
write(
  `digest-lens-${version}-source.zip`,
  sources.map((p) => entry(ROOT, join(ROOT, p))),
);
