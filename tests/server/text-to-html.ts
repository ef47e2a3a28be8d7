/**
 * A seed's extracted text back into post HTML of the shape WordPress renders (`content.rendered`):
 * `<h3>` header and section headings, `<p>` paragraphs, nested `<ul><li>` bullets, written-out
 * addresses as links. The page chrome around the post (title, "Loading Now", comments) is dropped.
 */
import { escapeHtml, linkify, slugify } from './html.ts';

const HEADER = /^Latest \d+ papers on /;
const SECTION = /^(The Big Idea|Under the Hood|Impact & The Road Ahead)/;
const END = /^(Share this content:|Post Comment|mailbox@|Spread the love|Discover more from)/;
const BULLET = /^(\s*)[-•]\s+(.*)$/;

interface Item {
  indent: number;
  text: string;
}

/** Nested lists from bullets with their indentation (2 or 4 spaces per level in the seeds). */
function renderList(items: Item[]): string {
  let html = '';
  const stack: number[] = [];
  for (const item of items) {
    if (stack.length === 0 || item.indent > stack[stack.length - 1]!) {
      html += '<ul>\n';
      stack.push(item.indent);
    } else {
      while (stack.length > 1 && item.indent < stack[stack.length - 1]!) {
        html += '</li>\n</ul>\n';
        stack.pop();
      }
      html += '</li>\n';
    }
    html += `<li>${linkify(item.text)}`;
  }
  while (stack.length) {
    html += '</li>\n</ul>\n';
    stack.pop();
  }
  return html;
}

export function textToPostHtml(text: string): string {
  const lines = text.split(/\r?\n/);
  const start = lines.findIndex((l) => HEADER.test(l.trim()));
  const out: string[] = [];
  let list: Item[] = [];
  const flush = () => {
    if (list.length) out.push(renderList(list));
    list = [];
  };
  for (const raw of lines.slice(Math.max(0, start))) {
    const t = raw.trim();
    if (END.test(t)) break;
    if (!t) continue;
    const bullet = BULLET.exec(raw);
    if (bullet) {
      list.push({ indent: bullet[1]!.length, text: bullet[2]!.trim() });
      continue;
    }
    const last = list[list.length - 1];
    // A line wrapped inside a bullet ("(Paper:" then the title on the next line) continues it.
    if (last && /(\(Paper:|[^.:)\]])$/.test(last.text) && !SECTION.test(t)) {
      last.text += ` ${t}`;
      continue;
    }
    flush();
    if (HEADER.test(t)) out.push(`<h3>${escapeHtml(t)}</h3>\n`);
    else if (SECTION.test(t)) out.push(`<h3 id="${slugify(t)}">${escapeHtml(t)}</h3>\n`);
    else out.push(`<p>${linkify(t)}</p>\n`);
  }
  flush();
  return out.join('');
}
