import type { RawPost } from '../core/sync/raw-post.ts';

export type { RawPost };

/** The site part of a key, as the parser writes it in digest ids: lower case, without `www.`. */
export function hostKey(url: string): string {
  try {
    return new URL(url).hostname.toLowerCase().replace(/^www\./, '');
  } catch {
    return '';
  }
}

export function postKey(url: string, postId: string | number | undefined): string {
  const host = hostKey(url);
  return host && postId !== undefined && postId !== '' ? `${host}:${postId}` : url;
}
