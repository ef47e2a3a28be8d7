// A GitHub repository from the seeds: its paper, also after GitHub's in-page (Turbo) navigation.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { TabView } from '../../src/core/index/view.ts';
import { CHIP, countOf } from './support/chip-mirror.ts';
import { ask, badgeOf, type ExtensionBrowser, openPanelPage, tabIdOf } from './support/extension-browser.ts';
import { REPOS, urls } from './support/fixture-site.ts';
import { launchOnFixtures } from './support/on-fixtures.ts';
import { artifact } from './support/paths.ts';

const rade = REPOS.radeNet!;
const other = REPOS.unknown!;
let ext: ExtensionBrowser;

beforeAll(async () => {
  ext = await launchOnFixtures();
});
afterAll(async () => ext?.close());

const chip = (page: Page) => page.locator(CHIP);

/**
 * What GitHub's Turbo does when the reader clicks a link: new address and head tags, then
 * `turbo:load`. The reader's click is real (playwright's, a trusted event): the content script
 * follows in-page navigations the reader makes, not ones a page script makes on its own.
 */
async function turboNavigate(page: Page, path: string, repo?: { owner: string; repo: string }): Promise<void> {
  await page.evaluate(
    ([p, r]) => {
      const link = document.createElement('a');
      link.id = 'turbo-link';
      link.href = p;
      link.textContent = 'go';
      link.style.cssText = 'position:fixed;left:0;top:0;z-index:10;background:#fff';
      link.addEventListener('click', (e) => {
        e.preventDefault();
        link.remove();
        turbo();
      });
      document.body.append(link);
      const turbo = () => {
        history.pushState({}, '', p);
        const set = (sel: string, value: string | undefined) => {
          const el = document.querySelector<HTMLMetaElement>(sel);
          if (el && value === undefined) el.remove();
          else if (el && value !== undefined) el.content = value;
          else if (value !== undefined) {
            const meta = document.createElement('meta');
            if (sel.includes('property')) meta.setAttribute('property', 'og:url');
            else meta.name = 'octolytics-dimension-repository_nwo';
            meta.content = value;
            document.head.append(meta);
          }
        };
        set('meta[property="og:url"]', r ? `https://github.com/${r.owner}/${r.repo}` : undefined);
        set('meta[name="octolytics-dimension-repository_nwo"]', r ? `${r.owner}/${r.repo}` : undefined);
        document.dispatchEvent(new Event('turbo:load', { bubbles: true }));
      };
    },
    [path, repo] as const,
  );
  await page.click('#turbo-link');
}

it('shows the repository’s paper, chip and badge', async () => {
  const page = await ext.context.newPage();
  await page.goto(urls.repo(rade));
  await chip(page).waitFor({ timeout: 10_000 });
  expect(countOf(await chip(page).getAttribute('data-e2e-chip'))).toBe(1);
  await expect.poll(() => badgeOf(ext, urls.repo(rade))).toBe('1');
  await page.screenshot({ path: artifact('github-repo-chip.png') });
  const panel = await openPanelPage(ext, await tabIdOf(ext, urls.repo(rade)), 400);
  const text = await panel.locator('.panel').innerText();
  expect(text).toContain('GitHub repository · chr-is-tof/RADE-Net');
  expect(text).toContain('RADE-Net');
  expect(await panel.locator('a.code-link').first().getAttribute('href')).toBe('https://github.com/chr-is-tof/RADE-Net');
  await panel.screenshot({ path: artifact('panel-github-repo.png'), fullPage: true });
  await panel.close();
  await page.close();
});

it('follows in-page navigation: within the repo, to an unknown repo (chip goes), to the owner, and back', async () => {
  const page = await ext.context.newPage();
  await page.goto(urls.repo(rade));
  await chip(page).waitFor({ timeout: 10_000 });
  const tabId = await tabIdOf(ext, urls.repo(rade));
  const control = await ext.control();

  await turboNavigate(page, `/${rade.owner}/${rade.repo}/tree/main`, rade);
  await expect.poll(() => ask<TabView>(control, 'tabView', { tabId }).then((v) => v.url)).toBe(`${urls.repo(rade)}/tree/main`);
  await expect.poll(() => chip(page).count()).toBe(1);
  expect((await ask<TabView>(control, 'tabView', { tabId })).lookup?.status).toBe('found');

  await turboNavigate(page, `/${other.owner}/${other.repo}`, other);
  await chip(page).waitFor({ state: 'detached', timeout: 10_000 });
  await expect.poll(() => badgeOf(ext, urls.repo(other))).toBe('');
  const panel = await openPanelPage(ext, tabId, 400);
  await panel.locator('[data-state="not-indexed"]').waitFor();
  expect(await panel.locator('.panel').innerText()).toContain('this repository (octocat/Hello-World)');
  await panel.close();

  await turboNavigate(page, `/${rade.owner}`);
  await expect.poll(() => ask<TabView>(control, 'tabView', { tabId }).then((v) => v.detection?.pageKind)).toBe('org');
  const org = await ask<TabView>(control, 'tabView', { tabId });
  expect(org.lookup?.papers.map((p) => p.paper.names[0])).toContain('RADE-Net');

  await turboNavigate(page, `/${rade.owner}/${rade.repo}/issues`, rade);
  await chip(page).waitFor({ timeout: 10_000 });
  await expect.poll(() => badgeOf(ext, `${urls.repo(rade)}/issues`)).toBe('1');
  await page.close();
});
