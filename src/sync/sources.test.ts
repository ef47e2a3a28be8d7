import { describe, expect, it } from 'vitest';
import { parseFeed } from './feed/parse-feed.ts';
import { rawFromItem } from './feed/source.ts';
import { linkWithRel, parseLinkHeader } from './link-header.ts';
import { restUrl, wpTime } from './wordpress/api-url.ts';
import { apiLinkInHtml } from './wordpress/discover.ts';

describe('Link headers', () => {
  it('reads WordPress paging and discovery links', () => {
    const h = '<https://s.com/wp-json/wp/v2/posts?page=1>; rel="prev", <https://s.com/wp-json/wp/v2/posts?page=3>; rel="next"';
    expect(linkWithRel(h, 'https://s.com/', 'next')).toBe('https://s.com/wp-json/wp/v2/posts?page=3');
    expect(parseLinkHeader('<https://s.com/wp-json/>; rel="https://api.w.org/"', 'https://s.com/')[0]).toEqual({
      url: 'https://s.com/wp-json/',
      rels: ['https://api.w.org/'],
    });
    expect(linkWithRel(null, 'https://s.com/', 'next')).toBeUndefined();
  });
});

describe('WordPress addresses', () => {
  it('finds the api.w.org link in a page, whatever the attribute order', () => {
    expect(apiLinkInHtml(`<head><link href='https://s.com/wp-json/' rel='https://api.w.org/' /></head>`, 'https://s.com/')).toBe('https://s.com/wp-json/');
    expect(apiLinkInHtml('<link rel="alternate" href="/feed/"><link rel="https://api.w.org/" href="/index.php/wp-json/">', 'https://s.com/a/')).toBe(
      'https://s.com/index.php/wp-json/',
    );
    expect(apiLinkInHtml('<p>no link</p>', 'https://s.com/')).toBeUndefined();
  });

  it('builds routes under a path root and a ?rest_route= root', () => {
    expect(restUrl('https://s.com/wp-json/', 'wp/v2/posts', { per_page: 100, after: undefined })).toBe('https://s.com/wp-json/wp/v2/posts?per_page=100');
    expect(restUrl('https://s.com/?rest_route=/', 'wp/v2/posts', { page: 2 })).toBe('https://s.com/?rest_route=%2Fwp%2Fv2%2Fposts&page=2');
    expect(wpTime(Date.parse('2026-05-23T06:00:00.123Z'))).toBe('2026-05-23T06:00:00');
  });
});

describe('feeds', () => {
  it('reads RSS items with their full content and WordPress post id', () => {
    const xml = `<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>S</title>
      <item><title>Deep Learning&#8217;s Pulse</title><link>https://www.scipapermill.com/2026/05/23/pulse/</link>
      <pubDate>Sat, 23 May 2026 06:00:00 +0000</pubDate><guid isPermaLink="false">https://scipapermill.com/?p=7001</guid>
      <description><![CDATA[<p>Short</p>]]></description><content:encoded><![CDATA[<h3>Latest 9 papers on x: May. 23, 2026</h3>]]></content:encoded></item></channel></rss>`;
    const { items, isFeed } = parseFeed(xml);
    expect(isFeed).toBe(true);
    const post = rawFromItem(items[0]!);
    expect(post).toMatchObject({
      key: 'scipapermill.com:7001',
      title: 'Deep Learning’s Pulse',
      date: '2026-05-23T06:00:00.000Z',
      format: 'rss',
      raw: '<h3>Latest 9 papers on x: May. 23, 2026</h3>',
    });
  });

  it('reads Atom entries', () => {
    const xml = `<feed xmlns="http://www.w3.org/2005/Atom"><entry><title>T</title><link rel="replies" href="https://s.com/c"/><link rel="alternate" href="https://s.com/p/"/>
      <id>https://s.com/?p=12</id><published>2026-05-23T06:00:00Z</published><updated>2026-05-24T06:00:00Z</updated><content type="html">&lt;p&gt;Hi&lt;/p&gt;</content></entry></feed>`;
    const post = rawFromItem(parseFeed(xml).items[0]!);
    expect(post).toMatchObject({ key: 's.com:12', url: 'https://s.com/p/', modified: '2026-05-24T06:00:00.000Z', raw: '<p>Hi</p>' });
    expect(parseFeed('<html><body>not a feed</body></html>').isFeed).toBe(false);
  });
});

describe('schedule', () => {
  it('is due with no sync, after the interval, and sooner after a failure', async () => {
    const { isSyncDue } = await import('./schedule.ts');
    const t = Date.parse('2026-07-20T12:00:00Z');
    const at = (h: number, status: 'ok' | 'failed' = 'ok') => ({ status, finished: new Date(t - h * 3600_000).toISOString() }) as never;
    expect(isSyncDue(undefined, 360, t)).toBe(true);
    expect(isSyncDue(at(5), 360, t)).toBe(false);
    expect(isSyncDue(at(6), 360, t)).toBe(true);
    expect(isSyncDue(at(1, 'failed'), 360, t)).toBe(true);
    expect(isSyncDue(at(0.2, 'failed'), 360, t)).toBe(false);
  });
});
