import { mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../../..');
export const E2E_DIST = join(ROOT, 'dist/chrome-e2e');
export const ARTIFACTS = join(ROOT, 'artifacts/e2e');

/** How many digests the e2e starter index built into `dist` holds (seeds + extra fixtures). */
export function e2eDigestCount(dist: string = E2E_DIST): number {
  return (JSON.parse(readFileSync(join(dist, 'starter-index/index.json'), 'utf8')) as { digestCount: number }).digestCount;
}

export function artifact(name: string): string {
  mkdirSync(ARTIFACTS, { recursive: true });
  return join(ARTIFACTS, name);
}
