/** axe-core on a page as it is now, light and dark: the violations, one line each, for a readable failure. */
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';

export interface AxeFinding {
  readonly id: string;
  readonly impact: string;
  readonly nodes: number;
  readonly line: string;
}

/** Runs axe (WCAG 2.x A and AA, and best practices) on the page and returns what it found. */
export async function axeFindings(page: Page): Promise<AxeFinding[]> {
  const result = await new AxeBuilder({ page: page as never }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']).analyze();
  return result.violations.map((v) => ({
    id: v.id,
    impact: v.impact ?? '',
    nodes: v.nodes.length,
    line: `${v.id} (${v.impact}, ${v.nodes.length}×): ${v.help} — ${v.nodes
      .slice(0, 3)
      .map((n) => n.target.join(' '))
      .join(' | ')}`,
  }));
}

/** The page's violations in light and then in dark colours (the scheme is left as it was found: light). */
export async function axeBothSchemes(page: Page): Promise<{ light: AxeFinding[]; dark: AxeFinding[] }> {
  await page.emulateMedia({ colorScheme: 'light' });
  const light = await axeFindings(page);
  await page.emulateMedia({ colorScheme: 'dark' });
  const dark = await axeFindings(page);
  await page.emulateMedia({ colorScheme: 'light' });
  return { light, dark };
}

export const lines = (found: readonly AxeFinding[]): string[] => found.map((f) => f.line);
