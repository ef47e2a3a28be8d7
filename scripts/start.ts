// npm start: build dist/chrome and run Digest Lens in Chromium on a fresh profile.
//   npm start                 a visible browser on a real arXiv page of a starter-index paper
//   npm start -- --headless   no display needed: fixture pages on their real addresses, screenshots
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { Page } from 'playwright-core';
import { addChipMirror, CHIP } from '../tests/e2e/support/chip-mirror.ts';
import {
  chromePath,
  type ExtensionBrowser,
  launchExtension,
  openPanelPage,
  sidePanelCount,
  tabIdOf,
  waitForIndex,
} from '../tests/e2e/support/extension-browser.ts';
import { PAPERS, REPOS, serveFixtures, urls } from '../tests/e2e/support/fixture-site.ts';
import { attachRealPanel } from '../tests/e2e/support/real-panel.ts';

const ROOT = resolve(import.meta.dirname, '..');
const DIST = join(ROOT, 'dist/chrome');
const START_URL = 'https://arxiv.org/abs/2602.22544'; // HARU-Net, in the 2026-02-28 seed

function build(): void {
  const run = spawnSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit' });
  if (run.status !== 0) process.exit(run.status ?? 1);
}

async function visible(): Promise<void> {
  if (!process.env.DISPLAY && !process.env.WAYLAND_DISPLAY && process.platform === 'linux') {
    console.error('No display found. Run `npm start -- --headless` for screenshots instead.');
    process.exit(2);
  }
  const ext = await launchExtension(DIST, { headless: false, viewport: null });
  const page = ext.context.pages()[0] ?? (await ext.context.newPage());
  await page.goto(START_URL);
  console.log(`Digest Lens is running in ${chromePath()} (extension ${ext.extensionId}). Close the browser to stop.`);
  await new Promise<void>((done) => ext.context.on('close', () => done()));
}

async function shoot(page: Page, path: string, shots: string[]): Promise<void> {
  await page.screenshot({ path, fullPage: true });
  shots.push(path);
}

async function panelShots(ext: ExtensionBrowser, url: string, name: string, shots: string[], variants: [number, 'light' | 'dark'][]): Promise<void> {
  const tabId = await tabIdOf(ext, url);
  for (const [width, scheme] of variants) {
    const panel = await openPanelPage(ext, tabId, width, scheme);
    await shoot(panel, join(ROOT, 'artifacts/start', `${name}-${width}-${scheme}.png`), shots);
    await panel.close();
  }
}

async function headless(): Promise<void> {
  mkdirSync(join(ROOT, 'artifacts/start'), { recursive: true });
  // The chip sits in a closed shadow root no page (nor playwright) can read: a copy of the build
  // with the e2e tests' mirror script shows where it is.
  const dist = join(ROOT, 'dist/chrome-start');
  rmSync(dist, { recursive: true, force: true });
  cpSync(DIST, dist, { recursive: true });
  addChipMirror(dist);
  const ext = await launchExtension(dist, { headless: true });
  const shots: string[] = [];
  try {
    await serveFixtures(ext.context);
    const { digestCount } = JSON.parse(readFileSync(join(dist, 'starter-index/index.json'), 'utf8')) as { digestCount: number };
    const digests = await waitForIndex(ext, digestCount);
    console.log(`Starter index loaded: ${digests} digests.`);

    const haru = PAPERS.haruNet!;
    const page = await ext.context.newPage();
    await page.goto(urls.abs(haru));
    const chip = page.locator(CHIP);
    await chip.waitFor({ timeout: 10_000 });
    await shoot(page, join(ROOT, 'artifacts/start/arxiv-abs-with-chip.png'), shots);
    const variants: [number, 'light' | 'dark'][] = [
      [320, 'light'],
      [320, 'dark'],
      [500, 'light'],
      [500, 'dark'],
    ];
    await panelShots(ext, urls.abs(haru), 'panel-arxiv', shots, variants);

    // The real side panel, opened by the chip as a reader would.
    const box = (await chip.boundingBox())!;
    await page.mouse.click(box.x + 24, box.y + box.height / 2);
    for (let i = 0; i < 50 && (await sidePanelCount(ext)) === 0; i++) await page.waitForTimeout(100);
    const opened = (await sidePanelCount(ext)) > 0;
    console.log(`Chip click opened the side panel: ${opened ? 'yes' : 'NO'}`);
    if (opened) {
      const panel = await attachRealPanel(ext, page);
      for (let i = 0; i < 50 && !(await panel.text()).includes(haru.title); i++) await page.waitForTimeout(100);
      const path = join(ROOT, 'artifacts/start/real-side-panel.png');
      writeFileSync(path, await panel.screenshot());
      shots.push(path);
      await panel.close();
    }

    const repo = await ext.context.newPage();
    await repo.goto(urls.repo(REPOS.radeNet!));
    await repo.locator(CHIP).waitFor({ timeout: 10_000 });
    await panelShots(ext, urls.repo(REPOS.radeNet!), 'panel-github-repo', shots, [[400, 'light']]);

    // A paper no digest names, with the papers of the index closest to it.
    const near = await ext.context.newPage();
    await near.goto(urls.abs(PAPERS.nearHaru!));
    await near.waitForTimeout(500);
    await panelShots(ext, urls.abs(PAPERS.nearHaru!), 'panel-closest', shots, [
      [400, 'light'],
      [400, 'dark'],
    ]);

    const unknown = await ext.context.newPage();
    await unknown.goto(urls.abs(PAPERS.unknown!));
    await unknown.waitForTimeout(500);
    await panelShots(ext, urls.abs(PAPERS.unknown!), 'panel-not-indexed', shots, [
      [400, 'light'],
      [400, 'dark'],
    ]);

    // The search popup (as a page, at the toolbar popup's width): results saying why they
    // matched, and an arXiv id pasted.
    for (const [name, q] of [
      ['popup-snippets', 'segmentation'],
      ['popup-pasted-id', haru.id],
    ] as const) {
      for (const scheme of ['light', 'dark'] as const) {
        const popup = await ext.context.newPage();
        await popup.setViewportSize({ width: 460, height: 800 });
        await popup.emulateMedia({ colorScheme: scheme });
        await popup.goto(`chrome-extension://${ext.extensionId}/src/popup/index.html`);
        await popup.locator('input.search').fill(q);
        await popup.locator(`[role="listbox"][data-query="${q}"]`).waitFor({ timeout: 10_000 });
        await shoot(popup, join(ROOT, 'artifacts/start', `${name}-${scheme}.png`), shots);
        await popup.close();
      }
    }
  } finally {
    await ext.close();
  }
  console.log(`Screenshots:\n${shots.map((s) => `  ${s}`).join('\n')}`);
}

const { values } = parseArgs({ options: { headless: { type: 'boolean', default: false }, 'no-build': { type: 'boolean', default: false } } });
// The browser first: when it is missing (and cannot be installed) one line says so before any build.
chromePath();
if (!values['no-build']) build();
await (values.headless ? headless() : visible());
