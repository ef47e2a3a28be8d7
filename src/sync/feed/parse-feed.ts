/** The items of an RSS 2.0 or Atom feed: the fields a post needs, the full HTML when given. */
import { Parser } from 'htmlparser2';

export interface FeedItem {
  title: string;
  link: string;
  guid: string;
  /** pubDate / published, as written. */
  published: string;
  /** Atom's updated, when given. */
  updated: string;
  /** content:encoded (RSS) or content (Atom); the description/summary when there is no full text. */
  content: string;
  summary: string;
}

const FIELDS: Record<string, keyof FeedItem> = {
  title: 'title',
  link: 'link',
  guid: 'guid',
  id: 'guid',
  pubdate: 'published',
  published: 'published',
  'dc:date': 'published',
  updated: 'updated',
  'content:encoded': 'content',
  content: 'content',
  description: 'summary',
  summary: 'summary',
};

export function parseFeed(xml: string): { items: FeedItem[]; isFeed: boolean } {
  const items: FeedItem[] = [];
  let isFeed = false;
  let item: FeedItem | undefined;
  let field: keyof FeedItem | undefined;
  let depth = 0;
  let fieldDepth = 0;
  const parser = new Parser(
    {
      onopentag(name, attrs) {
        depth++;
        const n = name.toLowerCase();
        if (n === 'rss' || n === 'feed' || n === 'rdf:rdf') isFeed = true;
        if (n === 'item' || n === 'entry') {
          item = { title: '', link: '', guid: '', published: '', updated: '', content: '', summary: '' };
          return;
        }
        if (!item || field) return;
        // Atom: <link rel="alternate" href="…"/>; other rels (replies, edit) are not the post.
        if (n === 'link' && attrs.href !== undefined) {
          if (!attrs.rel || attrs.rel === 'alternate') item.link ||= attrs.href;
          return;
        }
        const f = FIELDS[n];
        // The first of a field wins: RSS items may carry both <content:encoded> and <content>.
        if (f && !item[f]) {
          field = f;
          fieldDepth = depth;
          item[f] = '';
        }
      },
      ontext(text) {
        if (item && field) item[field] += text;
      },
      onclosetag(name) {
        const n = name.toLowerCase();
        if (field && depth === fieldDepth) field = undefined;
        depth--;
        if ((n === 'item' || n === 'entry') && item) {
          for (const k of Object.keys(item) as (keyof FeedItem)[]) item[k] = item[k].trim();
          items.push(item);
          item = undefined;
        }
      },
    },
    { xmlMode: true, decodeEntities: true, recognizeCDATA: true },
  );
  parser.write(xml);
  parser.end();
  return { items, isFeed };
}
