import { crx, type ManifestV3Export } from '@crxjs/vite-plugin';
import { defineConfig } from 'vite';
import baseManifest from './manifest.json' with { type: 'json' };
import { singleFilePages } from './scripts/single-file-pages.ts';

export type Browser = 'chrome' | 'firefox';
type Manifest = Record<string, unknown>;

/** The add-on id Firefox (and addons.mozilla.org) knows Digest Lens by. */
export const GECKO_ID = 'digest-lens@digest-lens.invalid';

/**
 * One manifest, browser differences here (STYLE.md §8). Chrome has `side_panel` and a module
 * service worker; Firefox has `sidebar_action`, event-page `background.scripts` and no sidePanel.
 */
export function forBrowser(manifest: typeof baseManifest, browser: Browser): Manifest {
  const m = structuredClone(manifest);
  if (browser === 'chrome') return m;
  const { side_panel, commands, ...rest } = m;
  return {
    ...rest,
    background: { scripts: [m.background.service_worker], type: 'module' },
    permissions: m.permissions.filter((p) => p !== 'sidePanel'),
    // Opened by the reader (toolbar, shortcut, chip), never on its own at install.
    sidebar_action: { default_panel: side_panel.default_path, default_title: 'Digest Lens', default_icon: m.icons, open_at_install: false },
    // Firefox opens its sidebar through the reserved command; the popup keeps its own.
    commands: {
      _execute_action: commands._execute_action,
      _execute_sidebar_action: { ...commands['open-side-panel'], description: 'Open the Digest Lens sidebar' },
    },
    browser_specific_settings: {
      gecko: {
        id: GECKO_ID,
        // 140: the current ESR (Debian's firefox-esr), the first desktop release that knows
        // data_collection_permissions; Android knows it from 142.
        strict_min_version: '140.0',
        // Nothing leaves the browser: pages are looked up locally, digests are only downloaded.
        data_collection_permissions: { required: ['none'] },
      },
      gecko_android: { strict_min_version: '142.0' },
    },
  };
}

/** Pages crxjs does not find in the manifest it is given (it knows nothing of sidebar_action). */
function extraInputs(browser: Browser): Record<string, string> {
  // The first-run page (src/firstrun) is opened by the background on install, named by no manifest key.
  const pages = { firstrun: 'src/firstrun/index.html' };
  return browser === 'firefox' ? { ...pages, sidebar: 'src/sidepanel/index.html' } : pages;
}

/** The pages a reader waits on at every open: one script and one style sheet each (scripts/single-file-pages.ts). */
const ONE_FILE_PAGES = [
  { html: 'src/popup/index.html', entry: 'src/popup/main.tsx', name: 'popup' },
  { html: 'src/sidepanel/index.html', entry: 'src/sidepanel/main.tsx', name: 'sidepanel' },
];

export default defineConfig(({ mode }) => {
  const browser: Browser = mode === 'firefox' ? 'firefox' : 'chrome';
  return {
    plugins: [
      crx({
        manifest: forBrowser(baseManifest, browser) as unknown as ManifestV3Export,
        browser,
        // The content script runs on every GitHub page: one self-contained file, no loader, no
        // dynamic import of a module the page could observe.
        contentScripts: { injectCss: false, standaloneFiles: ['src/content/main.ts'] },
      }),
      singleFilePages(ONE_FILE_PAGES),
    ],
    oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
    build: {
      outDir: `dist/${browser}`,
      emptyOutDir: true,
      target: browser === 'firefox' ? 'firefox140' : 'chrome120',
      rolldownOptions: { input: extraInputs(browser) },
      // Extension pages load from disk: no need to split for caching, and readable output helps review.
      minify: true,
      sourcemap: false,
    },
    // No dev server for the extension yet: `npm start` builds and launches.
    server: { strictPort: true },
  };
});
