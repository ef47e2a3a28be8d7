/** A post as a source delivers it, before parsing: what the posts store keeps. */
export interface RawPost {
  /** `<host>:<post id>` (the parser's digest id for the same post) or, without an id, its address. */
  readonly key: string;
  readonly url: string;
  readonly title: string;
  /** ISO UTC. */
  readonly date: string;
  /** ISO UTC; a feed without one repeats `date`. */
  readonly modified: string;
  /** 'wordpress': `raw` is the REST post's JSON; 'rss': `raw` is a feed item's content HTML. */
  readonly format: 'wordpress' | 'rss';
  readonly raw: string;
}
