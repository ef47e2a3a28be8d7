import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compareVersions, DigestsByPost, identityKeys, postAddressKey } from './identity.ts';
import { parseDigestDocument } from './index.ts';

const FIXTURES = resolve(import.meta.dirname, '../../../tests/fixtures');
const read = (p: string) => readFileSync(resolve(FIXTURES, p), 'utf8');

describe('postAddressKey', () => {
  const slug = 'scipapermill.com/2026/02/21/federated-learning-charting-new-horizons';
  it.each([
    'https://scipapermill.com/index.php/2026/02/21/federated-learning-charting-new-horizons/',
    'http://scipapermill.com/2026/02/21/federated-learning-charting-new-horizons',
    'https://www.scipapermill.com/2026/02/21/federated-learning-charting-new-horizons/?utm_source=x#comments',
    'https://SciPapermill.com//index.php/2026/02/21/Federated-Learning-Charting-New-Horizons//',
  ])('gives one key for every spelling of one address: %s', (url) => {
    expect(postAddressKey(url)).toBe(slug);
  });

  it('names no post for a shortlink, a site root or a non-web address', () => {
    expect(postAddressKey('https://scipapermill.com/?p=5804')).toBeUndefined();
    expect(postAddressKey('https://scipapermill.com/index.php/')).toBeUndefined();
    expect(postAddressKey('javascript:alert(1)')).toBeUndefined();
    expect(postAddressKey('')).toBeUndefined();
  });
});

describe('identityKeys', () => {
  const base = { date: '2026-02-21', topic: 'federated learning', title: 'Federated Learning: Charting New Horizons' };
  it('knows a post by its address, its post id and its header', () => {
    expect(identityKeys({ ...base, id: 'scipapermill.com:5804', url: 'https://scipapermill.com/index.php/2026/02/21/fl/', postId: '5804' })).toEqual([
      'a:scipapermill.com/2026/02/21/fl',
      'h:2026-02-21/federated learning/federated learning charting new horizons',
      'p:scipapermill.com:5804',
    ]);
  });

  it('reads the post id of a shortlink and of a `host:id` digest id', () => {
    expect(identityKeys({ ...base, id: 'x', url: 'https://www.scipapermill.com/?p=5804' })).toContain('p:scipapermill.com:5804');
    expect(identityKeys({ ...base, id: 'scipapermill.com:5804', url: '' })).toContain('p:scipapermill.com:5804');
  });

  it('reads the names a saved page and a feed item carry', () => {
    const page = parseDigestDocument(read('digests/saved-post-page.html'), { format: 'auto' }).digests[0]!;
    expect(identityKeys(page).map((k) => k.slice(0, 2))).toEqual(['a:', 'h:', 'p:']);
    const items = parseDigestDocument(read('digests/rss-feed-two-items.xml'), { format: 'auto' }).digests;
    expect(items.map((d) => identityKeys(d).find((k) => k.startsWith('p:')))).toEqual(['p:scipapermill.com:7101', 'p:scipapermill.com:7102']);
  });

  it('gives a post without a title of its own no header name (the parser made its title from the topic)', () => {
    const crafted = parseDigestDocument(read('digests/wp-post-crafted.html'), { format: 'auto' }).digests[0]!;
    expect(crafted.title.toLowerCase()).toBe(crafted.topic);
    expect(identityKeys(crafted)).toEqual([]);
  });

  it('gives a file without address or header nothing to be matched by', () => {
    expect(identityKeys({ id: 'file:sha256:abc', url: '', date: '', topic: '', title: 'Untitled digest' })).toEqual([]);
    // A text hash that happens to be all digits is not a post id.
    expect(identityKeys({ id: 'text:12345678', url: '', date: '', topic: '', title: 'x' })).toEqual([]);
  });

  it('gives the same post the same names through the REST API, a saved text with its address, and a file', () => {
    const wp = parseDigestDocument(read('samples/wp-json-post-5804.json'), { format: 'auto' }).digests[0]!;
    const text = parseDigestDocument(read('seeds/2026-05-30-deep-learning.txt'), {
      format: 'text',
      url: 'https://scipapermill.com/2026/05/30/deep-learnings-next-frontier-beyond-black-boxes-towards-real-world-robustness-and-explainability/',
    }).digests[0]!;
    const file = parseDigestDocument(read('seeds/2026-05-30-deep-learning.txt'), { format: 'text', fileName: 'x.txt' }).digests[0]!;
    expect(identityKeys(wp).some((k) => k.startsWith('p:scipapermill.com:5804'))).toBe(true);
    expect(identityKeys(wp).some((k) => k.startsWith('a:scipapermill.com/2026/02/21/'))).toBe(true);
    const shared = identityKeys(text).filter((k) => identityKeys(file).includes(k));
    expect(shared).toEqual([expect.stringMatching(/^h:2026-05-30\/deep learning\//)]);
  });
});

describe('compareVersions', () => {
  it('prefers full content over an excerpt, then the later edit, then more mentions, then more names', () => {
    expect(compareVersions({ mentions: 40, names: 1 }, { modified: '2026-06-01T00:00:00Z', mentions: 10, names: 3 })).toBeGreaterThan(0);
    expect(
      compareVersions({ modified: '2026-06-02T00:00:00Z', mentions: 30, names: 1 }, { modified: '2026-06-01T00:00:00Z', mentions: 40, names: 3 }),
    ).toBeGreaterThan(0);
    expect(compareVersions({ mentions: 30, names: 1 }, { modified: '2026-06-01T00:00:00Z', mentions: 30, names: 1 })).toBeLessThan(0);
    expect(compareVersions({ mentions: 31, names: 1 }, { mentions: 30, names: 3 })).toBeGreaterThan(0);
    expect(compareVersions({ mentions: 30, names: 3 }, { mentions: 30, names: 2 })).toBeGreaterThan(0);
    expect(compareVersions({ mentions: 30, names: 2 }, { mentions: 30, names: 2 })).toBe(0);
  });
});

describe('DigestsByPost', () => {
  const d = (id: string, url: string, extra: { modified?: string; papers?: number; postId?: string } = {}) => ({
    id,
    url,
    date: '2026-05-30',
    topic: 'deep learning',
    title: `Post ${/\/([a-z])\/$/.exec(url)?.[1] ?? 'a'}`,
    papers: Array.from({ length: extra.papers ?? 10 }),
    ...(extra.modified ? { modified: extra.modified } : {}),
    ...(extra.postId ? { postId: extra.postId } : {}),
  });

  it('keeps one digest per post, the better version, whatever order they come in', () => {
    const starter = d('https://s.com/index.php/2026/05/30/a/', 'https://s.com/index.php/2026/05/30/a/');
    const rest = d('s.com:7', 'https://s.com/2026/05/30/a/', { modified: '2026-05-30T06:00:00Z', postId: '7' });
    const short = d('s.com:7', 'https://s.com/?p=7', { modified: '2026-05-30T06:00:00Z', papers: 3 });
    const other = d('https://s.com/2026/05/30/b/', 'https://s.com/2026/05/30/b/');
    for (const order of [
      [starter, rest, short, other],
      [other, short, rest, starter],
      [rest, starter, other, short],
    ]) {
      const set = new DigestsByPost<ReturnType<typeof d>>();
      for (const x of order) set.add(x);
      expect(
        set
          .values()
          .map((x) => x.id)
          .sort(),
      ).toEqual(['https://s.com/2026/05/30/b/', 's.com:7']);
      expect(set.values().find((x) => x.id === 's.com:7')).toBe(rest);
    }
  });

  it('lets a later copy of equal worth replace the earlier one (a re-parse)', () => {
    const set = new DigestsByPost<ReturnType<typeof d>>();
    const first = d('a', 'https://s.com/2026/05/30/a/');
    const again = { ...d('a', 'https://s.com/2026/05/30/a/'), title: 'Post a' };
    set.add(first);
    expect(set.add(again)).toBe(again);
    expect(set.values()).toEqual([again]);
  });
});
