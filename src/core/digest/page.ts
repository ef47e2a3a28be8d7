import { HtmlBlockCollector, noteScan } from './blocks-from-html.ts';
import { buildDigest } from './digest.ts';
import { decodeTitle } from './entities.ts';
import { DigestParseError } from './errors.ts';
import { scanHtml } from './html-scan.ts';
import { capPostSize, withTimeLimit } from './limits.ts';
import { isoDay, postIdFromUrl } from './meta.ts';
import type { ParseOptions } from './options.ts';
import type { Digest } from './types.ts';

/** A part of the page that may hold the post, read in the same pass as the rest. */
class Region {
  readonly collector = new HtmlBlockCollector();
  private depth = 0;
  private done = false;

  constructor(private readonly matches: (name: string, attribs: Record<string, string>) => boolean) {}

  open(name: string, attribs: Record<string, string>): void {
    if (this.depth > 0) {
      this.depth++;
      this.collector.open(name, attribs);
    } else if (!this.done && this.matches(name, attribs)) {
      this.depth = 1;
    }
  }

  close(name: string): void {
    if (this.depth === 0) return;
    this.depth--;
    if (this.depth === 0) this.done = true;
    else this.collector.close(name);
  }

  text(t: string): void {
    if (this.depth > 0) this.collector.text(t);
  }
}

function hasClass(attribs: Record<string, string>, ...names: string[]): boolean {
  const classes = (attribs.class ?? '').split(/\s+/);
  return names.some((n) => classes.includes(n));
}

// " – SciPapermill", " | SciPapermill", " - SciPapermill" after the post title in <title>.
function withoutSiteName(title: string): string {
  for (const sep of [' – ', ' | ', ' - ', ' — ']) {
    const at = title.lastIndexOf(sep);
    if (at > 0) return title.slice(0, at);
  }
  return title;
}

/**
 * A saved post page: metadata from the head (canonical, shortlink, og tags), the post id from the
 * shortlink or `postid-N` body class, the post from `.entry-content` (else `<article>`, `<main>`, `<body>`).
 */
export function parsePage(input: string, options: ParseOptions): Digest {
  return withTimeLimit(options, () => {
    const sizeWarnings: string[] = [];
    const html = capPostSize(input, sizeWarnings);
    const d = readPage(html, options);
    return sizeWarnings.length > 0 ? { ...d, warnings: [...sizeWarnings, ...d.warnings] } : d;
  });
}

function readPage(html: string, options: ParseOptions): Digest {
  const regions = [
    new Region((_n, a) => hasClass(a, 'entry-content', 'post-content', 'article-content', 'td-post-content')),
    new Region((n) => n === 'article'),
    new Region((n) => n === 'main'),
    new Region((n) => n === 'body'),
  ];
  const meta: Record<string, string> = {};
  let capture: 'title' | 'h1' | undefined;
  let captureDepth = 0;
  let depth = 0;
  let titleText = '';
  let h1Text = '';
  const scan = scanHtml(html, {
    open(name, attribs) {
      depth++;
      for (const r of regions) r.open(name, attribs);
      if (name === 'meta') {
        const key = attribs.property ?? attribs.name;
        if (key && attribs.content !== undefined && !(key in meta)) meta[key] = attribs.content;
      } else if (name === 'link') {
        for (const rel of (attribs.rel ?? '').toLowerCase().split(/\s+/))
          if (rel && attribs.href && !(`link:${rel}` in meta)) meta[`link:${rel}`] = attribs.href;
      } else if (name === 'body') {
        const m = /\bpostid-(\d{1,12})\b/.exec(attribs.class ?? '');
        if (m) meta.postid = m[1]!;
      } else if (name === 'article') {
        const m = /^post-(\d{1,12})$/.exec(attribs.id ?? '');
        if (m && !meta.postid) meta.postid = m[1]!;
      }
      if (!capture && name === 'title' && titleText === '') {
        capture = 'title';
        captureDepth = depth;
      } else if (!capture && name === 'h1' && h1Text === '' && hasClass(attribs, 'entry-title', 'post-title')) {
        capture = 'h1';
        captureDepth = depth;
      }
    },
    close(name) {
      for (const r of regions) r.close(name);
      if (capture && depth === captureDepth) capture = undefined;
      depth--;
    },
    text(t) {
      for (const r of regions) r.text(t);
      if (capture === 'title') titleText += t;
      else if (capture === 'h1') h1Text += t;
    },
  });
  const warnings: string[] = [];
  noteScan(scan, warnings);
  const blocks = regions.map((r) => r.collector.finish(warnings)).find((b) => b.length > 0);
  if (!blocks) throw new DigestParseError('no-content', 'the page has no readable text');
  const url = meta['link:canonical'] ?? meta['og:url'] ?? options.url;
  const postId = postIdFromUrl(meta['link:shortlink']) ?? meta.postid;
  const rawTitle = h1Text.trim() || meta['og:title'] || withoutSiteName(titleText.trim());
  const title = rawTitle ? decodeTitle(rawTitle) : undefined;
  const date = isoDay(meta['article:published_time']);
  const modified = meta['article:modified_time'];
  return buildDigest(
    blocks,
    'html',
    {
      ...(url ? { url } : {}),
      ...(postId ? { postId } : {}),
      ...(title ? { title } : {}),
      ...(date ? { date } : {}),
      ...(modified ? { modified } : {}),
    },
    options,
    [...new Set(warnings)],
    html,
  );
}
