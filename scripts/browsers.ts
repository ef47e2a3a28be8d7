/**
 * The browsers `npm start` and the e2e tests drive, found (or, as root on Debian, installed) by
 * scripts/browsers.sh — the same script .ci/run uses, so the two never drift. When one is missing
 * and can't be installed, the script's one line says which package and command, and we stop there.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const SCRIPT = join(import.meta.dirname, 'browsers.sh');
const VARIABLE = { chromium: 'CHROME_PATH', firefox: 'FIREFOX_PATH' } as const;

/** The browser's executable; also exported as CHROME_PATH / FIREFOX_PATH for the processes started after. */
export function browserPath(name: 'chromium' | 'firefox'): string {
  const run = spawnSync('bash', [SCRIPT, name], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  if (run.status !== 0) process.exit(run.status ?? 1);
  const path = run.stdout.trim();
  process.env[VARIABLE[name]] = path;
  return path;
}
