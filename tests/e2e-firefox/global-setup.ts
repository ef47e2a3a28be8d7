/**
 * The Firefox e2e add-on is the production bundle (dist/firefox) with the same test starter index
 * as the Chromium tests (seeds plus tests/fixtures/extra). No test-only code is compiled in; a
 * test-only content script mirrors the chip's text (../e2e/support/chip-mirror.ts).
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { browserPath } from '../../scripts/browsers.ts';
import { addChipMirror } from '../e2e/support/chip-mirror.ts';
import { ROOT } from '../e2e/support/paths.ts';
import { FIREFOX_E2E_DIST } from './support/firefox-browser.ts';

export default function setup(): void {
  // Before any build: a missing browser stops here with one line (or, as root on Debian, is installed).
  browserPath('firefox');
  const dist = join(ROOT, 'dist/firefox');
  if (!existsSync(join(dist, 'manifest.json'))) execFileSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit' });
  rmSync(FIREFOX_E2E_DIST, { recursive: true, force: true });
  cpSync(dist, FIREFOX_E2E_DIST, { recursive: true });
  addChipMirror(FIREFOX_E2E_DIST);
  execFileSync(
    process.execPath,
    [
      'bin/digest-lens.mjs',
      'build-index',
      'tests/fixtures/seeds',
      'tests/fixtures/extra',
      '--out',
      join(FIREFOX_E2E_DIST, 'starter-index'),
      '--source',
      'e2e fixtures',
    ],
    { cwd: ROOT, stdio: 'inherit' },
  );
}
