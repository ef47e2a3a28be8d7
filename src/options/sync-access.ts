import { api } from '../transport.ts';

/** `https://example.org/*` for a source address. */
export function originOf(url: string): string {
  const u = new URL(url);
  return `${u.protocol}//${u.hostname}/*`;
}

/**
 * Asks for access to the sources' sites (optional host permissions). Call it straight from a click,
 * before any await: the browser shows its prompt only during the reader's gesture. Already granted
 * sites resolve at once without a prompt.
 */
export function grantOrigins(urls: readonly string[]): Promise<boolean> {
  const origins = [...new Set(urls.map(originOf))];
  if (origins.length === 0) return Promise.resolve(true);
  return api.permissions.request({ origins }).catch(() => false);
}
