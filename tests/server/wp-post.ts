/** A WordPress REST post as the test server holds it, and its serialisation as WordPress writes it. */
export interface WpPost {
  id: number;
  /** Site-local time; the test site runs on UTC, so it equals the `_gmt` field. */
  date: string;
  date_gmt: string;
  modified: string;
  modified_gmt: string;
  slug: string;
  status: 'publish';
  type: 'post';
  link: string;
  title: { rendered: string };
  content: { rendered: string; protected: false };
  excerpt: { rendered: string; protected: false };
  categories: number[];
}

/** `2026-05-23T06:00:00` (WordPress writes no zone). */
export const wpDate = (ms: number) => new Date(ms).toISOString().slice(0, 19);

/** JSON as WordPress's wp_json_encode writes it: `/` as `\/`, everything past ASCII as `\uXXXX`. */
export function wpJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/\//g, '\\/')
    .replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Only the named top-level fields, as `_fields=` does. */
export function pickFields(post: WpPost, fields: string[] | undefined): Partial<WpPost> {
  if (!fields) return post;
  const out: Record<string, unknown> = {};
  for (const f of fields) {
    const top = f.split('.')[0]! as keyof WpPost;
    if (top in post) out[top] = post[top];
  }
  return out as Partial<WpPost>;
}
