import { type Block, type BlockKind, type BlockLink, capBlocks, MAX_BLOCK_CHARS, type Range } from './blocks.ts';
import { type ScanHandler, type ScanResult, scanHtml } from './html-scan.ts';

// Whose text is never content: scripts, widgets, forms, embedded media.
const SKIP = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'svg',
  'math',
  'button',
  'form',
  'nav',
  'iframe',
  'select',
  'textarea',
  'object',
  'canvas',
  'head',
]);
// Jetpack and theme widgets that live inside the post body but are site chrome.
const SKIP_CLASS = [
  'sharedaddy',
  'sd-sharing',
  'jp-relatedposts',
  'wp-block-jetpack',
  'jetpack',
  'newsletter',
  'subscribe',
  'comment',
  'post-navigation',
  'related-post',
  'share',
];
const BREAKS = new Set([
  'p',
  'div',
  'section',
  'article',
  'header',
  'footer',
  'aside',
  'main',
  'blockquote',
  'pre',
  'figure',
  'figcaption',
  'table',
  'thead',
  'tbody',
  'tr',
  'td',
  'th',
  'dl',
  'dd',
  'dt',
  'hr',
  'ul',
  'ol',
  'li',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'details',
  'summary',
]);
const HEADINGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

interface OpenInline {
  readonly tag: 'a' | 'em' | 'strong';
  readonly start: number;
  readonly href?: string;
}

function skippedByClass(attribs: Record<string, string>): boolean {
  const cls = `${attribs.class ?? ''} ${attribs.id ?? ''}`.toLowerCase();
  return cls.trim() !== '' && SKIP_CLASS.some((c) => cls.includes(c));
}

/**
 * Turns HTML events into blocks. Exposed as a handler so a page reader can feed it only the
 * events inside the post body while it reads the page's head itself.
 */
export class HtmlBlockCollector implements ScanHandler {
  readonly blocks: Block[] = [];
  private parts: string[] = [];
  private length = 0;
  private spacePending = false;
  private links: BlockLink[] = [];
  private em: Range[] = [];
  private strong: Range[] = [];
  private inline: OpenInline[] = [];
  private skipDepth = 0;
  private stack: string[] = [];
  private lists = 0;
  private items = 0;
  private headings = 0;

  open(name: string, attribs: Record<string, string>): void {
    this.stack.push(name);
    if (this.skipDepth > 0 || SKIP.has(name) || skippedByClass(attribs)) {
      this.skipDepth++;
      return;
    }
    if (name === 'br') {
      this.spacePending = this.length > 0;
      return;
    }
    if (BREAKS.has(name)) this.flush();
    if (name === 'ul' || name === 'ol') this.lists++;
    else if (name === 'li') this.items++;
    else if (HEADINGS.has(name)) this.headings++;
    else if (name === 'a') this.inline.push({ tag: 'a', start: this.nextStart(), href: attribs.href ?? '' });
    else if (name === 'em' || name === 'i') this.inline.push({ tag: 'em', start: this.nextStart() });
    else if (name === 'strong' || name === 'b') this.inline.push({ tag: 'strong', start: this.nextStart() });
  }

  close(name: string): void {
    this.stack.pop();
    if (this.skipDepth > 0) {
      this.skipDepth--;
      return;
    }
    if (name === 'a' || name === 'em' || name === 'i' || name === 'strong' || name === 'b') this.closeInline(name);
    if (BREAKS.has(name)) this.flush();
    if (name === 'ul' || name === 'ol') this.lists = Math.max(0, this.lists - 1);
    else if (name === 'li') this.items = Math.max(0, this.items - 1);
    else if (HEADINGS.has(name)) this.headings = Math.max(0, this.headings - 1);
  }

  text(raw: string): void {
    // Past the block cap the text is cut anyway (capBlocks warns): one character over is enough to know.
    if (this.skipDepth > 0 || this.length > MAX_BLOCK_CHARS) return;
    // Collapse whitespace as a browser would, so offsets match the text we keep.
    let i = 0;
    const n = raw.length;
    let chunk = '';
    while (i < n) {
      const c = raw.charCodeAt(i);
      if (c === 32 || c === 9 || c === 10 || c === 13 || c === 12 || c === 0xa0) {
        this.spacePending = this.length + chunk.length > 0;
        i++;
        continue;
      }
      if (this.spacePending) {
        chunk += ' ';
        this.spacePending = false;
      }
      chunk += raw[i];
      i++;
      if (chunk.length > 512) {
        this.append(chunk);
        chunk = '';
      }
    }
    if (chunk) this.append(chunk);
  }

  /** Closes the last block; call once after the input ends. */
  finish(warnings: string[]): Block[] {
    this.flush();
    return capBlocks(this.blocks, warnings);
  }

  private append(s: string): void {
    this.parts.push(s);
    this.length += s.length;
  }

  private closeInline(name: string): void {
    const tag = name === 'a' ? 'a' : name === 'em' || name === 'i' ? 'em' : 'strong';
    for (let k = this.inline.length - 1; k >= 0; k--) {
      const open = this.inline[k]!;
      if (open.tag !== tag) continue;
      this.inline.splice(k, 1);
      const end = this.length;
      if (end <= open.start) return;
      // Link text is filled in at flush, from the finished block text.
      if (tag === 'a') this.links.push({ href: open.href ?? '', text: '', start: open.start, end });
      else (tag === 'em' ? this.em : this.strong).push({ start: open.start, end });
      return;
    }
  }

  /** Where the next visible character will land: after the pending space, if any. */
  private nextStart(): number {
    return this.length + (this.spacePending ? 1 : 0);
  }

  private flush(): void {
    // Inline elements still open continue into the next block; restart them there.
    const carried = this.inline.map((o) => ({ ...o, start: 0 }));
    if (this.length > 0) {
      const text = this.parts.join('');
      const kind: BlockKind = this.headings > 0 ? 'heading' : this.items > 0 ? 'item' : 'paragraph';
      const depth = kind === 'item' ? Math.max(0, this.lists - 1) : 0;
      const clamp = (r: Range): Range => ({ start: r.start, end: Math.min(r.end, text.length) });
      this.blocks.push({
        kind,
        depth,
        text,
        links: this.links.map((l) => {
          const r = clamp(l);
          return { href: l.href, ...r, text: text.slice(r.start, r.end) };
        }),
        em: this.em.map(clamp),
        strong: this.strong.map(clamp),
      });
    }
    this.parts = [];
    this.length = 0;
    this.spacePending = false;
    this.links = [];
    this.em = [];
    this.strong = [];
    this.inline = carried;
  }
}

export interface HtmlBlocks {
  readonly blocks: Block[];
  readonly scan: ScanResult;
}

export function blocksFromHtml(html: string, warnings: string[]): HtmlBlocks {
  const collector = new HtmlBlockCollector();
  const scan = scanHtml(html, collector);
  noteScan(scan, warnings);
  return { blocks: collector.finish(warnings), scan };
}

export function noteScan(scan: ScanResult, warnings: string[]): void {
  if (scan.tooDeep) warnings.push('HTML nested too deeply: read only the part before');
  else if (scan.cutInTag || scan.unclosed > 0) warnings.push('HTML ends mid-element: the content looks truncated');
}
