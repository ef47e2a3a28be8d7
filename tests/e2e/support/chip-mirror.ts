/**
 * The chip lives in a closed shadow root with nothing in the page's DOM to say what it shows, so
 * a page (and playwright, and puppeteer) cannot read it. The e2e builds add this one test-only
 * content script: through the root only an extension can open (`chrome.dom.openOrClosedShadowRoot`
 * in Chromium, `element.openOrClosedShadowRoot` in Firefox) it mirrors the chip's visible text
 * onto its host as `data-e2e-chip` (the open button) and `data-e2e-hint`. Shipped builds have
 * neither the script nor the attributes; the privacy test's page script ignores `data-e2e-*`.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const CHIP = '[data-e2e-chip]';
export const MIRROR_FILE = 'e2e-chip-mirror.js';

const MIRROR_JS = `(() => {
  const rootOf = (el) => globalThis.chrome?.dom?.openOrClosedShadowRoot?.(el) ?? el.openOrClosedShadowRoot ?? null;
  const text = (el) => (el && !el.hidden ? el.textContent : '');
  setInterval(() => {
    for (const parent of [document.body, document.documentElement]) {
      if (!parent) continue;
      for (const el of parent.children) {
        if (el.shadowRoot !== null) continue;
        const root = rootOf(el);
        if (!root || !root.querySelector('.chip')) continue;
        const open = text(root.querySelector('button:not(.close)'));
        const hint = text(root.querySelector('.hint'));
        if (el.getAttribute('data-e2e-chip') !== open) el.setAttribute('data-e2e-chip', open);
        if (el.getAttribute('data-e2e-hint') !== hint) el.setAttribute('data-e2e-hint', hint);
      }
    }
  }, 20);
})();
`;

/** Adds the mirror to an e2e copy of a build: the file, and a content script entry beside the real one. */
export function addChipMirror(dist: string): void {
  writeFileSync(join(dist, MIRROR_FILE), MIRROR_JS);
  const path = join(dist, 'manifest.json');
  const manifest = JSON.parse(readFileSync(path, 'utf8')) as { content_scripts: { matches: string[]; js: string[]; run_at?: string }[] };
  const real = manifest.content_scripts[0]!;
  manifest.content_scripts.push({ matches: real.matches, js: [MIRROR_FILE], run_at: 'document_start' });
  writeFileSync(path, JSON.stringify(manifest, null, 2));
}

/** The digest count the chip shows ("In 2 digests · Open panel"), read from its mirror attribute. */
export function countOf(label: string | null): number | undefined {
  const m = /^In (\d+) digests?/.exec(label ?? '');
  return m ? Number(m[1]) : undefined;
}
