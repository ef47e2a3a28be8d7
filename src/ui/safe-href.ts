/**
 * Links shown in the panel come from digest text and web pages: only http(s) addresses become
 * links (no javascript:, data:, chrome-extension: …). Returns the normalised address or undefined.
 */
export function safeHref(raw: string | undefined | null): string | undefined {
  if (typeof raw !== 'string') return undefined;
  const text = raw.trim();
  if (!text || text.length > 2048) return undefined;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
  // user:pass@host hides the real destination from the reader.
  if (url.username || url.password || !url.hostname) return undefined;
  return url.href;
}
