/** Where a post came from and how to key it. */
export interface PostMeta {
  readonly url?: string;
  /** WordPress post id. */
  readonly postId?: string;
  readonly title?: string;
  /** `YYYY-MM-DD` from the source's own date field, used when the header has none. */
  readonly date?: string;
  readonly modified?: string;
}

export function hostOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const u = new URL(url);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return undefined;
    return u.hostname.toLowerCase().replace(/^www\./, '');
  } catch {
    return undefined;
  }
}

/** `?p=5804` in a shortlink or RSS guid. */
export function postIdFromUrl(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const p = new URL(url).searchParams.get('p');
    return p && /^\d{1,12}$/.test(p) ? p : undefined;
  } catch {
    return undefined;
  }
}

/** `YYYY-MM-DD` from a date the source gives (ISO, RFC 822) or from `/YYYY/MM/DD/` in an address. */
export function isoDay(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const iso = /^(\d{4}-\d{2}-\d{2})/.exec(value.trim());
  if (iso) return iso[1];
  const t = Date.parse(value);
  if (!Number.isNaN(t)) return new Date(t).toISOString().slice(0, 10);
  return undefined;
}

export function dayFromUrl(url: string | undefined): string | undefined {
  if (!url) return undefined;
  const m = /\/(\d{4})\/(\d{2})\/(\d{2})\//.exec(url);
  return m ? `${m[1]}-${m[2]}-${m[3]}` : undefined;
}

/** FNV-1a over the text: a stable id for input that carries no address. */
export function contentHash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}
