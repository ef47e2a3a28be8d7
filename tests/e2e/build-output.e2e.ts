// The built extension's files (both browsers): the popup and the side panel load one script and
// one style sheet each (scripts/single-file-pages.ts), every file anything loads exists, and no
// script is left that nothing loads.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './support/paths.ts';

const ONE_FILE_PAGES = ['src/popup/index.html', 'src/sidepanel/index.html'];

/** Files a built file loads, as paths inside the build folder. */
function loadsOf(dist: string, file: string): string[] {
  const text = readFileSync(join(dist, file), 'utf8');
  const refs = file.endsWith('.html')
    ? [...text.matchAll(/\b(?:src|href)="([^"]+)"/g)].map((m) => m[1]!)
    : [
        ...text.matchAll(/(?:\bfrom\s*|\bimport\s*\(?\s*)["'`](\.{1,2}\/[^"'`]+|\/assets\/[^"'`]+)["'`]/g),
        ...text.matchAll(/new URL\(\s*[`"'](\/assets\/[^`"']+)[`"']/g),
      ].map((m) => m[1]!);
  return refs.filter((r) => !/^[a-z]+:/.test(r)).map((r) => (r.startsWith('/') ? r.slice(1) : normalize(join(dirname(file), r))));
}

describe.each(['chrome', 'firefox'])('the %s build', (browser) => {
  const dist = join(ROOT, 'dist', browser);
  const manifest = JSON.parse(readFileSync(join(dist, 'manifest.json'), 'utf8')) as {
    background: { service_worker?: string; scripts?: string[] };
    content_scripts: { js: string[] }[];
    action: { default_popup: string };
    side_panel?: { default_path: string };
    sidebar_action?: { default_panel: string };
    options_page?: string;
    options_ui?: { page: string };
  };

  it('has the popup and the side panel as one script and one style sheet each', () => {
    expect(manifest.action.default_popup).toBe(ONE_FILE_PAGES[0]);
    expect(manifest.side_panel?.default_path ?? manifest.sidebar_action?.default_panel).toBe(ONE_FILE_PAGES[1]);
    for (const page of ONE_FILE_PAGES) {
      const html = readFileSync(join(dist, page), 'utf8');
      expect(html.match(/<script\b[^>]*type="module"[^>]*src="[^"]+"/g), page).toHaveLength(1);
      expect(html.match(/rel="stylesheet"/g), page).toHaveLength(1);
      expect(html, page).not.toMatch(/modulepreload/);
      // Everything the page runs is in its one script: it imports nothing.
      const script = loadsOf(dist, page).find((f) => f.endsWith('.js'))!;
      expect(loadsOf(dist, script), script).toEqual([]);
    }
  });

  it('holds every file its pages and scripts load, and no script nothing loads', () => {
    const roots = [
      ...(manifest.background.service_worker ? [manifest.background.service_worker] : (manifest.background.scripts ?? [])),
      ...manifest.content_scripts.flatMap((c) => c.js),
      ...readdirSync(dist, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.html')),
    ];
    const reached = new Set<string>();
    const missing: string[] = [];
    const visit = (file: string) => {
      if (reached.has(file)) return;
      reached.add(file);
      if (!existsSync(join(dist, file))) return void missing.push(file);
      if (/\.(html|js)$/.test(file)) for (const next of loadsOf(dist, file)) visit(next);
    };
    for (const r of roots) visit(r);
    expect(missing).toEqual([]);
    const scripts = readdirSync(join(dist, 'assets'))
      .filter((f) => f.endsWith('.js'))
      .map((f) => `assets/${f}`);
    expect(scripts.filter((s) => !reached.has(s))).toEqual([]);
    const sheets = readdirSync(join(dist, 'assets'))
      .filter((f) => f.endsWith('.css'))
      .map((f) => `assets/${f}`);
    expect(sheets.filter((s) => !reached.has(s))).toEqual([]);
  });
});
