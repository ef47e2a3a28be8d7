import { PARSER_VERSION } from '../../core/digest/types.ts';
import type { DigestRecord } from '../../core/index/types.ts';
import type { CountBy, IndexStats } from '../../core/index/view.ts';
import type { CountersRecord, DB } from '../schema.ts';
import { digestBrief } from './digest-brief.ts';
import { EMPTY_COUNTERS } from './write.ts';

const DAY = 86_400_000;
// A chart of more weeks than this is unreadable at options-page width: show the latest ones.
const MAX_WEEKS = 52;

/** The Monday (UTC) of a YYYY-MM-DD date's ISO week, as YYYY-MM-DD. */
export function weekOf(date: string): string | undefined {
  const t = Date.parse(`${date}T00:00:00Z`);
  if (Number.isNaN(t)) return undefined;
  const day = (new Date(t).getUTCDay() + 6) % 7;
  return new Date(t - day * DAY).toISOString().slice(0, 10);
}

/** Digests per week, oldest first, with the empty weeks between filled in (a gap is information). */
export function perWeek(digests: readonly Pick<DigestRecord, 'date'>[]): CountBy[] {
  const counts = new Map<string, number>();
  for (const d of digests) {
    const w = weekOf(d.date);
    if (w) counts.set(w, (counts.get(w) ?? 0) + 1);
  }
  const weeks = [...counts.keys()].sort();
  if (weeks.length === 0) return [];
  const out: CountBy[] = [];
  const last = Date.parse(`${weeks.at(-1)}T00:00:00Z`);
  const first = Math.max(Date.parse(`${weeks[0]}T00:00:00Z`), last - (MAX_WEEKS - 1) * 7 * DAY);
  for (let t = first; t <= last; t += 7 * DAY) {
    const label = new Date(t).toISOString().slice(0, 10);
    out.push({ label, count: counts.get(label) ?? 0 });
  }
  return out;
}

export function perTopic(digests: readonly Pick<DigestRecord, 'topic'>[]): CountBy[] {
  const counts = new Map<string, number>();
  for (const d of digests) counts.set(d.topic || '(no topic)', (counts.get(d.topic || '(no topic)') ?? 0) + 1);
  return [...counts].map(([label, count]) => ({ label, count })).sort((a, b) => b.count - a.count || a.label.localeCompare(b.label));
}

/** The counters as stored (none yet: all zero). */
export async function countersIn(db: DB): Promise<CountersRecord> {
  return ((await db.get('meta', 'counters')) as CountersRecord | undefined) ?? EMPTY_COUNTERS;
}

export async function statsFrom(db: DB): Promise<IndexStats> {
  const tx = db.transaction(['digests', 'meta']);
  const [digests, counters] = await Promise.all([tx.objectStore('digests').getAll(), tx.objectStore('meta').get('counters')]);
  return {
    counters: (counters as CountersRecord | undefined) ?? EMPTY_COUNTERS,
    perTopic: perTopic(digests),
    perWeek: perWeek(digests),
    parserVersion: PARSER_VERSION,
    storedParserVersions: [...new Set(digests.map((d) => d.parserVersion))].sort((a, b) => a - b),
    digests: digests.map(digestBrief).sort((a, b) => b.date.localeCompare(a.date) || a.title.localeCompare(b.title)),
  };
}
