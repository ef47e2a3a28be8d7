/** "just now", "5 min ago", "3 h ago", "2 days ago", else the date: how long since `iso`. */
export function relativeTime(iso: string | undefined, now = Date.now()): string | undefined {
  const t = iso ? Date.parse(iso) : NaN;
  if (Number.isNaN(t)) return undefined;
  const s = Math.max(0, Math.round((now - t) / 1000));
  if (s < 60) return 'just now';
  if (s < 3600) return `${Math.floor(s / 60)} min ago`;
  if (s < 86_400) return `${Math.floor(s / 3600)} h ago`;
  const days = Math.floor(s / 86_400);
  if (days < 30) return days === 1 ? 'yesterday' : `${days} days ago`;
  return `on ${new Date(t).toISOString().slice(0, 10)}`;
}
