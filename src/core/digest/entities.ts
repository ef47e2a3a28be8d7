import { decodeHTML } from 'entities';

/** Titles arrive with entities (`Deep Learning&#8217;s`); decode them and tidy the spaces. */
export function decodeTitle(title: string): string {
  return decodeHTML(title).replace(/\s+/g, ' ').trim();
}
