export type InputKind = 'wordpress' | 'rss' | 'page' | 'html' | 'text';

const PROBE = 4096;

/**
 * Too many control characters (or a NUL) in the first few kilobytes: a binary file, not a post.
 * Replacement characters count too: they are what undecodable bytes become.
 */
export function looksBinary(input: string): boolean {
  const n = Math.min(input.length, PROBE);
  let bad = 0;
  for (let i = 0; i < n; i++) {
    const c = input.charCodeAt(i);
    if (c === 0) return true;
    if ((c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12) || c === 0xfffd) bad++;
  }
  return n > 0 && bad / n > 0.05;
}

/** Which reader an input needs, from how it starts. A substring probe, not parsing. */
export function detectKind(input: string): InputKind {
  const head = input.slice(0, PROBE).trimStart();
  const first = head[0];
  if (first === '{' || first === '[') return 'wordpress';
  const lower = head.toLowerCase();
  if (lower.startsWith('<?xml') || lower.includes('<rss') || lower.includes('<feed') || lower.includes('<channel')) return 'rss';
  if (lower.includes('<html') || lower.includes('<!doctype html') || lower.includes('<head') || lower.includes('<body')) return 'page';
  for (const tag of ['<h1', '<h2', '<h3', '<h4', '<p>', '<p ', '<ul', '<ol', '<li', '<div', '<article', '<section', '<br', '<a href', '<em>', '<strong>']) {
    if (lower.includes(tag)) return 'html';
  }
  return 'text';
}
