/**
 * A digest's identity is its post, whatever route brought it (WordPress REST, RSS, a static index,
 * a saved page, a text or file import, an export, the starter index). Each route knows some of
 * the post's names; two digests that share any name are the same post:
 *   - `a:<host>/<path>`  its address, normalised (scheme, `www.`, `/index.php/`, trailing slash,
 *                        query and fragment dropped);
 *   - `p:<host>:<id>`    its WordPress post id (REST `id`, RSS guid or a `?p=ID` shortlink);
 *   - `h:<date>/<topic>/<title>`  its header: SciPapermill reuses titles week after week and
 *                        topics within a batch, never all three (a file without an address
 *                        still finds the synced copy of the same post).
 */
import { titleKey } from '../ids/title-key.ts';
import { hostOf, postIdFromUrl } from './meta.ts';

/** What identity is read from: a parsed digest or a stored digest record alike. */
export interface PostNames {
  readonly id: string;
  readonly url: string;
  readonly postId?: string;
  readonly date: string;
  readonly topic: string;
  readonly title: string;
}

/** `host/path` of a post's address, or undefined when it names no post page (a shortlink, a site root, not http). */
export function postAddressKey(url: string): string | undefined {
  const host = hostOf(url);
  if (!host) return undefined;
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    return undefined;
  }
  path = path
    .replace(/\/{2,}/g, '/')
    .replace(/^\/index\.php(?=\/|$)/i, '')
    .replace(/\/+$/, '');
  if (path === '') return undefined;
  try {
    path = decodeURIComponent(path);
  } catch {
    // A malformed escape: the path as written is still a name.
  }
  return `${host}${path.toLowerCase()}`;
}

/** The WordPress post id a digest carries, or the one its id (`host:ID`) or address (`?p=ID`) gives. */
export function postIdOf(d: Pick<PostNames, 'id' | 'url' | 'postId'>): string | undefined {
  if (d.postId && /^\d{1,12}$/.test(d.postId)) return d.postId;
  return /^[a-z0-9.-]+:(\d{1,12})$/i.exec(d.id)?.[1] ?? postIdFromUrl(d.url);
}

/** The site a post id belongs to: its address's host, or the host its id names. */
function postHost(d: Pick<PostNames, 'id' | 'url'>): string | undefined {
  return (
    hostOf(d.url) ??
    /^([a-z0-9.-]+\.[a-z]{2,}):\d{1,12}$/i
      .exec(d.id)?.[1]
      ?.toLowerCase()
      .replace(/^www\./, '')
  );
}

/** Every name the post goes by, sorted: two digests of one post share at least one. */
export function identityKeys(d: PostNames): string[] {
  const keys = new Set<string>();
  const address = postAddressKey(d.url) ?? (/^https?:/i.test(d.id) ? postAddressKey(d.id) : undefined);
  if (address) keys.add(`a:${address}`);
  const postId = postIdOf(d);
  const host = postHost(d);
  if (postId && host) keys.add(`p:${host}:${postId}`);
  const title = titleKey(d.title);
  const topic = titleKey(d.topic);
  // A title that only repeats the topic is the parser's stand-in for a missing one: no name.
  if (/^\d{4}-\d{2}-\d{2}$/.test(d.date) && topic && title && title !== topic) keys.add(`h:${d.date}/${topic}/${title}`);
  return [...keys].sort();
}

/** What decides which of two versions of one post is kept. */
export interface VersionFacts {
  /** ISO time of the post's last modification, when its source gives one. */
  readonly modified?: string;
  /** Paper mentions found in it. */
  readonly mentions: number;
  /** How many names it is known by (an address and a post id beat a file name). */
  readonly names: number;
}

/**
 * > 0 when `a` is the better version of the post: full content over an excerpt (fewer than half
 * the other's mentions), then the later modification, then more mentions, then more names.
 * 0: neither is better.
 */
export function compareVersions(a: VersionFacts, b: VersionFacts): number {
  if (a.mentions * 2 < b.mentions) return -1;
  if (b.mentions * 2 < a.mentions) return 1;
  const ta = Date.parse(a.modified ?? '');
  const tb = Date.parse(b.modified ?? '');
  const ma = Number.isFinite(ta) ? ta : -Infinity;
  const mb = Number.isFinite(tb) ? tb : -Infinity;
  if (ma !== mb) return ma > mb ? 1 : -1;
  if (a.mentions !== b.mentions) return a.mentions - b.mentions;
  return a.names - b.names;
}

/** A digest's facts for compareVersions. */
export const digestFacts = (d: PostNames & { readonly modified?: string; readonly papers: readonly unknown[] }): VersionFacts => ({
  ...(d.modified ? { modified: d.modified } : {}),
  mentions: d.papers.length,
  names: identityKeys(d).length,
});

/**
 * Parsed digests, one per post (the command-line tool's sync and static index builds): adding a
 * digest replaces the versions of its post it is at least as good as, or is dropped when a better
 * one is held. Order-independent but for ties, where the later one wins, as a re-parse should.
 */
export class DigestsByPost<D extends PostNames & { readonly modified?: string; readonly papers: readonly unknown[] }> {
  private readonly byId = new Map<string, D>();
  private readonly owner = new Map<string, string>();

  /** Adds `d`; returns the digest that now stands for its post (`d`, or the better one held). */
  add(d: D): D {
    const keys = identityKeys(d);
    const same = new Map<string, D>();
    for (const k of keys) {
      const id = this.owner.get(k);
      const held = id === undefined ? undefined : this.byId.get(id);
      if (held) same.set(held.id, held);
    }
    const facts = digestFacts(d);
    for (const held of same.values()) if (compareVersions(digestFacts(held), facts) > 0) return this.learn(held, keys);
    for (const held of same.values()) this.byId.delete(held.id);
    this.byId.set(d.id, d);
    for (const held of same.values()) for (const k of identityKeys(held)) this.owner.set(k, d.id);
    for (const k of keys) this.owner.set(k, d.id);
    return d;
  }

  private learn(held: D, keys: readonly string[]): D {
    for (const k of keys) this.owner.set(k, held.id);
    return held;
  }

  get size(): number {
    return this.byId.size;
  }

  values(): D[] {
    return [...this.byId.values()];
  }

  has(id: string): boolean {
    return this.byId.has(id);
  }
}
