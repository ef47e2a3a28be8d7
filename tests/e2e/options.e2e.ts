// The options page in real Chromium: what the index holds, importing a digest file once, bad files
// reported, a static index folder, export → clear → import restoring identical records, reset.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PARSER_VERSION } from '../../src/core/digest/types.ts';
import type { CountersRecord } from '../../src/core/index/types.ts';
import { axeBothSchemes, lines } from './support/axe.ts';
import { ask, type ExtensionBrowser, FIRST_RUN_PATH, launchExtension, waitForIndex } from './support/extension-browser.ts';
import { serveFixtures } from './support/fixture-site.ts';
import { OPTIONS_PATH, openExtensionPage, readRecords } from './support/pages.ts';
import { artifact, E2E_DIST, e2eDigestCount, ROOT } from './support/paths.ts';

const EXTRA = join(ROOT, 'tests/fixtures/extra/2026-07-11-deep-learning.txt');
let ext: ExtensionBrowser;
let page: Page;
let tmp: string;

beforeAll(async () => {
  ext = await launchExtension(E2E_DIST);
  await serveFixtures(ext.context);
  await waitForIndex(ext, e2eDigestCount());
  tmp = mkdtempSync(join(tmpdir(), 'digest-lens-options-'));
  page = await openExtensionPage(ext, OPTIONS_PATH, 900);
  await page.locator('[data-testid="counters"]').waitFor();
});
afterAll(async () => {
  await ext?.close();
  rmSync(tmp, { recursive: true, force: true });
});

const counters = () => ask<CountersRecord>(page, 'counters');

/** Chooses files (or a folder) in the import section and waits for the per-file results. */
async function importFiles(files: string | string[], folder = false): Promise<string[][]> {
  await page.locator(`[data-testid="${folder ? 'import-folder' : 'import-files'}"]`).setInputFiles(files);
  await page.locator('.import-run[data-state="done"]').waitFor({ timeout: 30_000 });
  return page
    .locator('.results tbody tr')
    .evaluateAll((rows) => rows.map((r) => [r.querySelector('th')!.textContent!.trim(), r.querySelector('td')!.textContent!.trim()]));
}

async function confirm(action: 'clear' | 'reset'): Promise<void> {
  await page.locator(`[data-testid="${action}"]`).click();
  expect(await page.locator('.confirm').innerText()).toMatch(action === 'clear' ? /Delete all \d+ digests/ : /starter index/);
  await page.locator('[data-testid="confirm"]').click();
  await page.locator('[data-testid="data-message"]').waitFor();
}

describe('options page', () => {
  it('shows what the index holds: counts, charts with text alternatives, storage, parser version', async () => {
    const text = await page.locator('main').innerText();
    expect(text).toContain(`${e2eDigestCount()} digests`);
    expect(await page.locator('svg[role="img"] > title').evaluateAll((ts) => ts.map((t) => t.textContent))).toEqual(['Digests per week', 'Digests per topic']);
    expect(await page.locator('svg[role="img"] desc').first().textContent()).toMatch(/week of .*: 1/);
    expect(await page.locator('.chart-table table').count()).toBe(2);
    expect(await page.locator('[data-testid="storage"]').innerText()).toMatch(/\d+ (KB|MB) used/);
    expect(text).toMatch(new RegExp(`Parser\\s+version ${PARSER_VERSION}`));
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await page.screenshot({ path: artifact(`options-${scheme}.png`), fullPage: true });
    }
    await page.emulateMedia({ colorScheme: 'light' });
  });

  it('imports a digest file once: the same file again, or a post the index holds, changes nothing', async () => {
    const before = await counters();
    // The e2e starter index holds this post (by its address): the file is the same post.
    expect(await importFiles(EXTRA)).toEqual([['2026-07-11-deep-learning.txt', '1 unchanged']]);
    expect(await counters()).toEqual(before);
    // A post the index does not hold: the next week's.
    const next = join(tmp, '2026-07-18-deep-learning.txt');
    writeFileSync(
      next,
      readFileSync(EXTRA, 'utf8').replace('Deep Learning Revisited:', 'Deep Learning Revisited Again:').replace('Jul. 11, 2026', 'Jul. 18, 2026'),
    );
    expect(await importFiles(next)).toEqual([['2026-07-18-deep-learning.txt', '1 added']]);
    const once = await counters();
    expect(once.digests).toBe(before.digests + 1);
    expect(once.mentions).toBeGreaterThan(before.mentions);
    expect(await importFiles(next)).toEqual([['2026-07-18-deep-learning.txt', '1 unchanged']]);
    // Not even the stamp moved: nothing was written.
    expect(await counters()).toEqual(once);
    await page.locator('[data-testid="counters"]', { hasText: `${once.digests} digests` }).waitFor();
  });

  it('reports bad files with the reason and still imports the good ones', async () => {
    const bad = join(tmp, 'notes.txt');
    writeFileSync(bad, 'Shopping list: milk, eggs.\n');
    const pdf = join(tmp, 'paper.pdf');
    writeFileSync(pdf, '%PDF-1.4');
    const broken = join(tmp, 'broken.json');
    writeFileSync(broken, '{"id": 1, "content": ');
    const seed = join(ROOT, 'tests/fixtures/seeds/2026-05-30-deep-learning.txt');
    const before = await counters();
    const rows = await importFiles([bad, pdf, broken, seed]);
    const byName = Object.fromEntries(rows);
    expect(byName['notes.txt']).toMatch(/not imported.*no digest here/);
    expect(byName['paper.pdf']).toMatch(/not a digest file/);
    expect(byName['broken.json']).toMatch(/not imported/);
    // Without its catalogue's address the seed is still its post (date, topic, title): the starter holds it.
    expect(byName['2026-05-30-deep-learning.txt']).toBe('1 unchanged');
    expect((await counters()).digests).toBe(before.digests);
    await page.screenshot({ path: artifact('options-import-results.png'), fullPage: true });
  });

  it('export → clear → import restores identical records', async () => {
    const before = await readRecords(page);
    const beforeCounts = await counters();
    const saving = page.waitForEvent('download');
    await page.locator('[data-testid="export-json"]').click();
    const file = join(tmp, 'export.json');
    await (await saving).saveAs(file);

    await confirm('clear');
    expect(await counters()).toMatchObject({ digests: 0, papers: 0, mentions: 0 });
    expect((await readRecords(page)).digests).toEqual([]);

    const rows = await importFiles(file);
    expect(rows).toEqual([['export.json', `${beforeCounts.digests} added`]]);
    const after = await readRecords(page);
    expect(after.digests).toEqual(before.digests);
    expect(after.papers).toEqual(before.papers);
    expect(await counters()).toMatchObject({ digests: beforeCounts.digests, papers: beforeCounts.papers, mentions: beforeCounts.mentions });
    // And once more: nothing changes.
    expect(await importFiles(file)).toEqual([['export.json', `${beforeCounts.digests} unchanged`]]);
  });

  it('imports a static index folder from digest-lens build-index, verifying its shards', async () => {
    await confirm('clear');
    const out = join(tmp, 'index');
    execFileSync(process.execPath, ['bin/digest-lens.mjs', 'build-index', 'tests/fixtures/seeds', '--out', out, '--source', 'e2e'], {
      cwd: ROOT,
      stdio: 'ignore',
    });
    const rows = await importFiles(out, true);
    expect(rows).toEqual([['index/index.json', '5 added']]);
    expect((await counters()).digests).toBe(5);
  });

  it('resets to the starter index', async () => {
    await confirm('reset');
    // Clearing, then writing the starter index: about a second on a slow machine.
    await expect.poll(async () => (await counters()).digests, { timeout: 10_000 }).toBe(e2eDigestCount());
    await page.locator('[data-testid="counters"]', { hasText: `${e2eDigestCount()} digests` }).waitFor();
  });

  it('exports a theme and a search as BibTeX and Markdown', async () => {
    const bib = page.waitForEvent('download');
    await page.locator('.export-row input[type="search"]').fill('HARU-Net');
    await page.getByRole('button', { name: 'BibTeX' }).first().click();
    const path = join(tmp, 'haru.bib');
    await (await bib).saveAs(path);
    const text = (await import('node:fs')).readFileSync(path, 'utf8');
    expect(text).toMatch(/@misc\{naveed2026harunet,/);
    expect(text).toContain('author = {Naveed and Pauwels}');
    expect(text).toContain('eprint = {2602.22544}');
    const md = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Markdown' }).nth(1).click();
    const mdPath = join(tmp, 'theme.md');
    await (await md).saveAs(mdPath);
    expect((await import('node:fs')).readFileSync(mdPath, 'utf8')).toMatch(/^## .+\n\n- /);
  });
});

describe('accessibility (axe-core)', () => {
  it('options has no violations, light and dark, after imports and exports', async () => {
    await page.reload();
    await page.locator('[data-testid="counters"]').waitFor();
    const { light, dark } = await axeBothSchemes(page);
    console.log(`axe, options: ${light.length} light, ${dark.length} dark violations`);
    expect(lines(light)).toEqual([]);
    expect(lines(dark)).toEqual([]);
  });

  it('the first-run page has no violations, light and dark', async () => {
    const first = await openExtensionPage(ext, FIRST_RUN_PATH, 900);
    await first.locator('main, h1').first().waitFor();
    const { light, dark } = await axeBothSchemes(first);
    console.log(`axe, first run: ${light.length} light, ${dark.length} dark violations`);
    expect(lines(light)).toEqual([]);
    expect(lines(dark)).toEqual([]);
    await first.close();
  });
});
