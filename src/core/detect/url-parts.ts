import { pathSegments as segmentsOf } from '../ids/url-path.ts';

/** Small URL helpers shared by the detectors. */

/** An http(s) URL from an address as found in a tab or a meta tag; undefined instead of throwing. */
export function toUrl(input: string | URL): URL | undefined {
  const url = typeof input === 'string' ? fromText(input) : isUrlLike(input) ? input : undefined;
  return url && isWebUrl(url) ? url : undefined;
}

function fromText(input: string): URL | undefined {
  const text = input.trim();
  if (text.length === 0 || text.length > 4096) return undefined;
  // Addresses copied without a scheme (`arxiv.org/abs/…`) are still addresses.
  const withScheme = /^[a-z][\w+.-]*:/i.test(text) ? text : `https://${text}`;
  try {
    return new URL(withScheme);
  } catch {
    return undefined;
  }
}

// A URL made in another realm (a content script's window) fails instanceof but works the same.
function isUrlLike(value: unknown): value is URL {
  if (value instanceof URL) return true;
  const url = value as URL | null;
  return typeof url === 'object' && url !== null && typeof url.pathname === 'string' && typeof url.hostname === 'string';
}

/** Path segments with empty ones dropped, which collapses `//` and ignores a trailing `/`. */
export function pathSegments(url: URL): string[] {
  return segmentsOf(url.pathname);
}

export function isWebUrl(url: URL): boolean {
  return url.protocol === 'https:' || url.protocol === 'http:';
}

export function hostOf(url: URL): string {
  return url.hostname.toLowerCase().replace(/\.$/, '');
}
