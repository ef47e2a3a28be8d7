import { digestFromContent } from './content.ts';
import { decodeTitle } from './entities.ts';
import { DigestParseError } from './errors.ts';
import { scanHtml } from './html-scan.ts';
import { isoDay, postIdFromUrl } from './meta.ts';
import { type ParseOptions, withoutPostIdentity } from './options.ts';
import type { ParseResult } from './result.ts';

interface FeedItem {
  title: string;
  link: string;
  guid: string;
  date: string;
  updated: string;
  content: string;
  description: string;
}

const FIELDS: Record<string, keyof FeedItem> = {
  title: 'title',
  link: 'link',
  guid: 'guid',
  id: 'guid',
  pubDate: 'date',
  published: 'date',
  updated: 'updated',
  'content:encoded': 'content',
  content: 'content',
  description: 'description',
  summary: 'description',
};

function emptyItem(): FeedItem {
  return { title: '', link: '', guid: '', date: '', updated: '', content: '', description: '' };
}

/** Reads the items of an RSS 2 (or Atom) feed without building a DOM. */
export function readFeed(xml: string): { items: FeedItem[]; cut: boolean } {
  const items: FeedItem[] = [];
  let item: FeedItem | undefined;
  let field: keyof FeedItem | undefined;
  let fieldDepth = 0;
  let depth = 0;
  const scan = scanHtml(
    xml,
    {
      open(name, attribs) {
        depth++;
        if (name === 'item' || name === 'entry') {
          item = emptyItem();
          field = undefined;
          return;
        }
        if (!item || field) return;
        // Atom links are empty elements with the address in href.
        if (name === 'link' && attribs.href && (!attribs.rel || attribs.rel === 'alternate')) item.link ||= attribs.href;
        const f = FIELDS[name];
        if (f) {
          field = f;
          fieldDepth = depth;
        }
      },
      close(name) {
        if ((name === 'item' || name === 'entry') && item) {
          items.push(item);
          item = undefined;
        } else if (field && depth === fieldDepth) {
          field = undefined;
        }
        depth--;
      },
      text(t) {
        if (item && field) item[field] += t;
      },
    },
    true,
  );
  return { items, cut: scan.cutInTag || scan.unclosed > 0 };
}

/** An RSS 2 feed (WordPress `/feed/`): each item's `content:encoded` is a post. */
export function parseFeed(xml: string, options: ParseOptions): ParseResult {
  const { items } = readFeed(xml);
  if (items.length === 0) throw new DigestParseError('no-items', 'the feed has no items');
  const result: ParseResult = { digests: [], errors: [] };
  items.forEach((it, index) => {
    const link = it.link.trim();
    const guid = it.guid.trim();
    const postId = postIdFromUrl(guid) ?? postIdFromUrl(link);
    const date = isoDay(it.date.trim());
    const title = decodeTitle(it.title);
    const modified = it.updated.trim();
    try {
      const body = it.content.trim() !== '' ? it.content : it.description;
      result.digests.push(
        digestFromContent(
          body,
          'html',
          'rss',
          {
            ...(link ? { url: link } : {}),
            ...(postId ? { postId } : {}),
            ...(title ? { title } : {}),
            ...(date ? { date } : {}),
            ...(modified ? { modified } : {}),
          },
          withoutPostIdentity(options),
        ),
      );
    } catch (e) {
      if (!(e instanceof DigestParseError)) throw e;
      result.errors.push({ item: guid || link || String(index), message: e.message });
    }
  });
  return result;
}
