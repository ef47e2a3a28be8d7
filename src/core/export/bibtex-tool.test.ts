// An export of the starter index (the seeds, as the build's starter index holds them) run through
// Debian's `bibtex` (texlive-binaries) with the plain style: no errors, and warnings only for
// entries whose digest names no author.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseDigestDocument } from '../digest/index.ts';
import { addDigest } from '../index/add-digest.ts';
import { MemoryStore } from '../index/memory-store.ts';
import type { PaperRecord } from '../index/types.ts';
import { authorsOf, citeKeys, toBibtex } from './bibtex.ts';

const SEEDS = join(import.meta.dirname, '../../../tests/fixtures/seeds');

function found(cmd: string, args: string[]): boolean {
  return spawnSync(cmd, args, { stdio: 'ignore' }).status === 0;
}

const hasBibtex = found('bibtex', ['--version']);
const hasPlain = hasBibtex && found('kpsewhich', ['plain.bst']);
if (!hasBibtex) console.warn('bibtex-tool.test: skipped, no `bibtex` binary (Debian: apt-get install texlive-binaries)');
else if (!hasPlain) console.warn('bibtex-tool.test: skipped, bibtex finds no plain.bst (Debian: apt-get install texlive-base)');

async function starterPapers(): Promise<PaperRecord[]> {
  const catalogue = JSON.parse(readFileSync(join(SEEDS, 'index.json'), 'utf8')) as { file: string; url: string }[];
  const store = new MemoryStore();
  for (const { file, url } of catalogue) {
    for (const d of parseDigestDocument(readFileSync(join(SEEDS, file), 'utf8'), { format: 'text', url, fileName: file }).digests) await addDigest(store, d);
  }
  return [...store.papers.values()].sort((a, b) => b.lastDate.localeCompare(a.lastDate) || a.key.localeCompare(b.key));
}

const dir = mkdtempSync(join(tmpdir(), 'digest-lens-bibtex-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** bibtex on the file with \nocite{*}: its log's errors and warnings, one line each. */
function runBibtex(bib: string): { errors: string[]; warnings: string[]; blg: string } {
  writeFileSync(join(dir, 'refs.bib'), bib);
  writeFileSync(join(dir, 'paper.aux'), '\\relax\n\\citation{*}\n\\bibstyle{plain}\n\\bibdata{refs}\n');
  try {
    execFileSync('bibtex', ['-terse', 'paper'], { cwd: dir, stdio: 'pipe' });
  } catch {
    // Exit status 1 is warnings, 2 errors: both are read from the log.
  }
  const blg = readFileSync(join(dir, 'paper.blg'), 'utf8');
  const lines = blg.split('\n');
  return {
    errors: lines.filter(
      (l, i) =>
        / error message|^I was expecting|^I'm skipping|^Repeated entry|^Illegal|---line \d+ of file/.test(l) || /---this can't happen/.test(lines[i] ?? ''),
    ),
    warnings: lines.filter((l) => l.startsWith('Warning--')),
    blg,
  };
}

describe.skipIf(!hasPlain)('the starter index as BibTeX, through bibtex', () => {
  it('has no errors, and warnings only for entries whose digest names no author', async () => {
    const papers = await starterPapers();
    const bib = toBibtex(papers);
    const { errors, warnings, blg } = runBibtex(bib);
    expect(errors, blg).toEqual([]);
    expect(blg).not.toMatch(/There (was|were) \d+ error/);
    const keys = citeKeys(papers);
    const authorless = new Set(keys.filter((_, i) => authorsOf(papers[i]!).names.length === 0));
    for (const w of warnings) {
      const key = /in (\S+)$/.exec(w)?.[1];
      expect(key !== undefined && authorless.has(key), w).toBe(true);
    }
    // Every entry was read: one \bibitem each in the output.
    const bbl = readFileSync(join(dir, 'paper.bbl'), 'utf8');
    expect(bbl.match(/\\bibitem\{/g)).toHaveLength(papers.length);
    console.log(
      `bibtex on the starter index: ${papers.length} entries, ${errors.length} errors, ${warnings.length} warnings; ${papers.length - authorless.size} with authors, ${papers.filter((p) => p.arxivId).length} with an eprint`,
    );
  });

  it("reads one paper's entry alone, as the side panel copies it", async () => {
    const papers = await starterPapers();
    const haru = papers.find((p) => p.arxivId === '2602.22544')!;
    const { bibtexEntry } = await import('./bibtex.ts');
    const { errors, warnings } = runBibtex(`${bibtexEntry(haru)}\n`);
    expect(errors).toEqual([]);
    expect(warnings).toEqual([]);
    const bbl = readFileSync(join(dir, 'paper.bbl'), 'utf8');
    expect(bbl).toContain('Naveed and Pauwels');
    expect(bbl).toContain('{HARU-Net}');
  });
});
