// A paper the digests name by title only: its arXiv page resolves by citation_title, and the id is
// remembered so its PDF tab (address only) resolves afterwards.
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { TabView } from '../../src/core/index/view.ts';
import { CHIP, countOf } from './support/chip-mirror.ts';
import { ask, badgeOf, type ExtensionBrowser, openPanelPage, tabIdOf } from './support/extension-browser.ts';
import { PAPERS, urls } from './support/fixture-site.ts';
import { launchOnFixtures } from './support/on-fixtures.ts';
import { artifact } from './support/paths.ts';

const paper = PAPERS.pluginLosses!;
let ext: ExtensionBrowser;

beforeAll(async () => {
  ext = await launchOnFixtures();
});
afterAll(async () => ext?.close());

it('the PDF is unknown before the abstract page was seen', async () => {
  const pdf = await ext.context.newPage();
  await pdf.goto(urls.pdf(paper)).catch(() => undefined);
  const view = await ask<TabView>(await ext.control(), 'tabView', { tabId: await tabIdOf(ext, urls.pdf(paper)) });
  expect(view.lookup?.status).toBe('not-indexed');
  await pdf.close();
});

it('an arXiv page found by its title alone resolves, and its PDF tab resolves afterwards', async () => {
  const abs = await ext.context.newPage();
  await abs.goto(urls.abs(paper));
  const chip = abs.locator(CHIP);
  await chip.waitFor({ timeout: 10_000 });
  expect(countOf(await chip.getAttribute('data-e2e-chip'))).toBe(1);
  await expect.poll(() => badgeOf(ext, urls.abs(paper))).toBe('1');

  const panel = await openPanelPage(ext, await tabIdOf(ext, urls.abs(paper)), 400);
  expect(await panel.locator('.paper-title').first().innerText()).toBe(paper.title);
  await panel.screenshot({ path: artifact('panel-title-match.png'), fullPage: true });
  await panel.close();

  const pdf = await ext.context.newPage();
  await pdf.goto(urls.pdf(paper)).catch(() => undefined);
  await expect.poll(() => badgeOf(ext, urls.pdf(paper)), { timeout: 10_000 }).toBe('1');
  const view = await ask<TabView>(await ext.control(), 'tabView', { tabId: await tabIdOf(ext, urls.pdf(paper)) });
  expect(view.detection?.pageKind).toBe('pdf');
  expect(view.lookup?.papers[0]?.paper.title).toBe(paper.title);
});
