// web-ext lint warns that preact's renderer assigns innerHTML (for dangerouslySetInnerHTML). The
// README explains that warning away because our code never gives preact HTML: this keeps it true.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';

const SRC = join(import.meta.dirname, '../src');
const files = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : /\.tsx?$/.test(e.name) && !e.name.includes('.test.') ? [join(dir, e.name)] : []));

it('no extension code sets HTML from a string', () => {
  const offenders = files(SRC).filter((f) => /dangerouslySetInnerHTML|\.(inner|outer)HTML\s*=|insertAdjacentHTML/.test(readFileSync(f, 'utf8')));
  expect(offenders).toEqual([]);
});
