/** The header line every post starts with: `Latest N papers on TOPIC: Mon. D, YYYY`. */
export interface Header {
  readonly paperCount: number;
  /** Lower case, as the post names it ("deep learning"). */
  readonly topic: string;
  /** `YYYY-MM-DD`, absent when the date part is missing or unreadable. */
  readonly date?: string;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const PREFIX = /^latest\s+(\d{1,5})\s+papers?\s+(?:on|about|in)\s+/i;

function monthOf(word: string): number | undefined {
  const w = word.toLowerCase().replace(/\.$/, '');
  // "Sept", "September", "Sep." all start with the same three letters; reject "Mayhem".
  const i = MONTHS.indexOf(w.slice(0, 3));
  if (i < 0 || w.length > 9) return undefined;
  return i + 1;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function validDate(y: number, m: number, d: number): string | undefined {
  if (y < 1990 || y > 2100 || m < 1 || m > 12 || d < 1) return undefined;
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return d <= days ? `${y}-${pad(m)}-${pad(d)}` : undefined;
}

/** Lenient date reading: `Feb. 28, 2026`, `Sept. 5 2026`, `July 4, 2026`, `4 July 2026`, `2026-07-04`. */
export function parseHeaderDate(input: string): string | undefined {
  const s = input.trim();
  if (s.length > 40) return undefined;
  const iso = /^(\d{4})-(\d{2})-(\d{2})/.exec(s);
  if (iso) return validDate(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const words = s.split(/[\s,]+/).filter((w) => w !== '');
  const year = words.find((w) => /^\d{4}\.?$/.test(w));
  const day = words.find((w) => /^\d{1,2}(?:st|nd|rd|th)?\.?$/i.test(w));
  const month = words.map(monthOf).find((m) => m !== undefined);
  if (!year || !day || month === undefined) return undefined;
  return validDate(Number(year.replace('.', '')), month, Number.parseInt(day, 10));
}

/** Reads a header line; undefined when the text is not one. */
export function parseHeader(text: string): Header | undefined {
  if (text.length > 300) return undefined;
  const line = text.trim();
  const m = PREFIX.exec(line);
  if (!m) return undefined;
  const rest = line.slice(m[0].length);
  const colon = rest.lastIndexOf(':');
  const topicPart = colon >= 0 ? rest.slice(0, colon) : rest;
  const topic = topicPart.replace(/\s+/g, ' ').trim().toLowerCase();
  if (topic === '' || topic.length > 120) return undefined;
  const date = colon >= 0 ? parseHeaderDate(rest.slice(colon + 1)) : undefined;
  const paperCount = Number(m[1]);
  return date === undefined ? { paperCount, topic } : { paperCount, topic, date };
}
