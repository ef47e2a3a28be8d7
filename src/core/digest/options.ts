export interface ParseOptions {
  /** The post's address, when the input does not carry one. */
  url?: string;
  /** The WordPress post id (digits), or a complete digest id. */
  id?: string;
  /** Host to credit when there is no address (e.g. `scipapermill.com`). */
  source?: string;
  /** Used when the input gives no title of its own. */
  title?: string;
  /** `YYYY-MM-DD`, used when the post's header line has no readable date. */
  date?: string;
  /** Names a local file: keys the digest when nothing else does. */
  fileName?: string;
  format?: 'wordpress' | 'rss' | 'html' | 'text' | 'auto';
  /** ISO timestamp, used when the input gives none. */
  modified?: string;
  /** Time budget for one post in milliseconds (default 5000): a post that takes longer is cut short with a warning. */
  timeLimitMs?: number;
}

/** The options for each post of a list or feed: one post's address and id do not name the others. */
export function withoutPostIdentity(options: ParseOptions): ParseOptions {
  const { url: _url, id: _id, ...rest } = options;
  return rest;
}
