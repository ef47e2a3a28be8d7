/** The seed digests (tests/fixtures/seeds) as WordPress posts with real-shaped rendered HTML. */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { escapeHtml } from './html.ts';
import { textToPostHtml } from './text-to-html.ts';
import { type WpPost, wpDate } from './wp-post.ts';

const SEEDS = resolve(import.meta.dirname, '../fixtures/seeds');

interface SeedEntry {
  file: string;
  date: string;
  title: string;
  url: string;
}

/** Post ids from 9001 on, published 06:00 UTC on the seed's date plus a few minutes each. */
export function seedPosts(firstId = 9001): WpPost[] {
  const entries = JSON.parse(readFileSync(join(SEEDS, 'index.json'), 'utf8')) as SeedEntry[];
  return entries.map((e, i) => {
    const at = wpDate(Date.parse(`${e.date}T06:00:00Z`) + i * 180_000);
    const content = textToPostHtml(readFileSync(join(SEEDS, e.file), 'utf8'));
    const slug = /\/([^/]+)\/?$/.exec(e.url)?.[1] ?? `post-${firstId + i}`;
    return {
      id: firstId + i,
      date: at,
      date_gmt: at,
      modified: at,
      modified_gmt: at,
      slug,
      status: 'publish',
      type: 'post',
      link: e.url,
      // WordPress turns ’ into &#8217; in rendered titles.
      title: { rendered: escapeHtml(e.title).replace(/’/g, '&#8217;') },
      content: { rendered: content, protected: false },
      excerpt: { rendered: `<p>${escapeHtml(content.replace(/<[^>]+>/g, ' ').slice(0, 200))}</p>\n`, protected: false },
      categories: [1],
    };
  });
}
