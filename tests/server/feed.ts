/** The site's RSS2 feed, as WordPress writes it: the latest posts with their full HTML. */
import { escapeHtml } from './html.ts';
import type { WpPost } from './wp-post.ts';

const cdata = (s: string) => `<![CDATA[${s.replace(/]]>/g, ']]]]><![CDATA[>')}]]>`;

export function rssFeed(base: string, posts: readonly WpPost[], size = 10): string {
  const latest = [...posts].sort((a, b) => b.date_gmt.localeCompare(a.date_gmt)).slice(0, size);
  const items = latest.map(
    (p) => `
	<item>
		<title>${p.title.rendered}</title>
		<link>${escapeHtml(p.link)}</link>
		<pubDate>${new Date(`${p.date_gmt}Z`).toUTCString().replace('GMT', '+0000')}</pubDate>
		<category>${cdata('Uncategorized')}</category>
		<guid isPermaLink="false">https://scipapermill.com/?p=${p.id}</guid>
		<description>${cdata(p.excerpt.rendered)}</description>
		<content:encoded>${cdata(p.content.rendered)}</content:encoded>
	</item>`,
  );
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"
	xmlns:content="http://purl.org/rss/1.0/modules/content/"
	xmlns:dc="http://purl.org/dc/elements/1.1/"
	xmlns:atom="http://www.w3.org/2005/Atom">
<channel>
	<title>SciPapermill</title>
	<atom:link href="${base}/feed/" rel="self" type="application/rss+xml" />
	<link>${base}</link>
	<description>AI paper digests</description>
	<language>en-US</language>${items.join('')}
</channel>
</rss>
`;
}
