/**
 * The e2e extension is the production bundle (dist/chrome) with a starter index that also holds
 * tests/fixtures/extra: digests written for cases the seeds lack (a paper in two digests, with code).
 * No test-only code is compiled in; the data differs, a test-only content script mirrors the
 * chip's text for the tests (support/chip-mirror.ts), and the manifest grants
 * `http://127.0.0.1/*` so the sync tests can reach the local WordPress-like server (tests/server)
 * without a permission prompt no test can click.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { browserPath } from '../../scripts/browsers.ts';
import { addChipMirror } from './support/chip-mirror.ts';
import { E2E_DIST, ROOT } from './support/paths.ts';

export default function setup(): void {
  // Before any build: a missing browser stops here with one line (or, as root on Debian, is installed).
  browserPath('chromium');
  const dist = join(ROOT, 'dist/chrome');
  if (!existsSync(join(dist, 'manifest.json'))) execFileSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit' });
  rmSync(E2E_DIST, { recursive: true, force: true });
  cpSync(dist, E2E_DIST, { recursive: true });
  const manifestPath = join(E2E_DIST, 'manifest.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { host_permissions: string[] };
  manifest.host_permissions.push('http://127.0.0.1/*');
  writeFileSync(manifestPath, JSON.stringify(manifest, null, 2));
  addChipMirror(E2E_DIST);
  execFileSync(
    process.execPath,
    [
      'bin/digest-lens.mjs',
      'build-index',
      'tests/fixtures/seeds',
      'tests/fixtures/extra',
      '--out',
      join(E2E_DIST, 'starter-index'),
      '--source',
      'e2e fixtures',
    ],
    { cwd: ROOT, stdio: 'inherit' },
  );
}
