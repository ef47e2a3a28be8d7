/**
 * Site chrome that text extracted from a SciPapermill page carries around the post:
 * loaders, sharing, the newsletter box, comments.
 */
const DROP_EXACT = new Set([
  'loading now',
  'loading...',
  'loading…',
  'skip to content',
  'hi there 👋',
  'hi there',
  'spread the love',
  'continue reading',
  'subscribe',
  'cancel reply',
  'related posts',
  'share this:',
  'like this:',
  'share this content:',
  'post comment',
  'leave a reply',
  'you may have missed',
]);
const DROP_PREFIX = [
  'mailbox@3x',
  'get a roundup of the latest',
  'discover more from',
  'subscribe to get the latest posts',
  'subscribe now to keep reading',
  'type your email',
  'share this content',
  'loading now',
];
// Everything after these is the page's footer, the newsletter box or the comments.
const END_MARKERS = ['share this content', 'post comment', 'discover more from', 'spread the love', 'leave a reply', 'you may have missed', 'mailbox@3x'];

function normal(text: string): string {
  return text.trim().toLowerCase().replace(/\s+/g, ' ');
}

export function isChrome(text: string): boolean {
  if (text.length > 200) return false;
  const t = normal(text);
  return DROP_EXACT.has(t) || DROP_PREFIX.some((p) => t.startsWith(p));
}

export function isEndMarker(text: string): boolean {
  if (text.length > 200) return false;
  const t = normal(text);
  return END_MARKERS.some((p) => t.startsWith(p));
}
