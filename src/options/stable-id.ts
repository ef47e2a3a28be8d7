/**
 * Digest ids for files that carry no address. The parser keys such a digest by its file name,
 * which is neither stable (rename the file, get a second copy) nor unique (two "post.txt"s
 * overwrite each other). Instead:
 *   - with a header date, topic and title: `file:<date>/<topic>/<title key>`, so a re-saved or
 *     slightly edited copy of the same post replaces the earlier import;
 *   - otherwise: `file:sha256:<first 32 hex of the SHA-256 of the normalised text>`.
 * Normalised: BOM dropped, line ends unified, trailing spaces cut, ends trimmed.
 */
import type { Digest } from '../core/digest/types.ts';
import { titleKey } from '../core/ids/title-key.ts';
import { sha256Hex } from '../core/static-index/sha256.ts';

export function normaliseText(text: string): string {
  return text
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .replace(/[ \t]+$/gm, '')
    .trim();
}

/** True when the parser had nothing better than a file name or a bare text hash to key it by. */
export function hasNoAddress(d: Digest): boolean {
  return d.url === '' && (d.id.startsWith('file:') || d.id.startsWith('text:'));
}

export async function withStableIds(digests: readonly Digest[], text: string): Promise<Digest[]> {
  const loose = digests.filter(hasNoAddress);
  if (loose.length === 0) return [...digests];
  const hash = (await sha256Hex(normaliseText(text))).slice(0, 32);
  let n = 0;
  return digests.map((d) => {
    if (!hasNoAddress(d)) return d;
    const header =
      /^\d{4}-\d{2}-\d{2}$/.test(d.date) && d.topic && titleKey(d.title)
        ? `file:${d.date}/${titleKey(d.topic).replace(/ /g, '-')}/${titleKey(d.title).replace(/ /g, '-')}`
        : undefined;
    // Several address-less digests in one file (a feed without links): number them in order.
    const suffix = loose.length > 1 ? `#${++n}` : '';
    return { ...d, id: `${header ?? `file:sha256:${hash}`}${suffix}` };
  });
}
