import { arxivAbsUrl } from '../ids/arxiv-id.ts';
import type { PaperRecord } from '../index/types.ts';

// Markdown link text and URLs must not break out of their brackets.
const text = (s: string): string =>
  s
    .replace(/([\\`*_[\]<>|])/g, '\\$1')
    .replace(/\s+/g, ' ')
    .trim();
const url = (u: string): string => u.replace(/[()\s]/g, (c) => encodeURIComponent(c));

/** A reading list: one bullet per paper with its arXiv link, code and datasets. */
export function toMarkdown(heading: string, papers: readonly PaperRecord[]): string {
  const lines = [`## ${text(heading)}`, ''];
  for (const p of papers) {
    const title = text(p.title ?? p.names[0] ?? p.key);
    const head = p.arxivId ? `[${title}](${arxivAbsUrl(p.arxivId)})` : title;
    const parts = [head];
    const short = p.title ? p.names.find((n) => n !== p.title && !p.title!.startsWith(n)) : undefined;
    if (short) parts[0] = `**${text(short)}**: ${head}`;
    if (p.codeUrls.length) parts.push(`code: ${p.codeUrls.map((c) => `[${text(c.github ?? c.url.replace(/^https?:\/\//, ''))}](${url(c.url)})`).join(', ')}`);
    if (p.datasets.length) parts.push(`datasets: ${p.datasets.map(text).join(', ')}`);
    lines.push(`- ${parts.join(' · ')}`);
  }
  return `${lines.join('\n')}\n`;
}
