export const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Written-out addresses become links, as WordPress's editor makes them. */
export function linkify(text: string): string {
  return escapeHtml(text).replace(/https?:\/\/[^\s<>"()]+[^\s<>"().,;:]/g, (url) => `<a href="${url}">${url}</a>`);
}

/** `The Big Idea(s) & Core Innovations` → `the-big-ideas-core-innovations`, as WordPress anchors headings. */
export const slugify = (s: string) =>
  s
    .toLowerCase()
    .replace(/&/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
