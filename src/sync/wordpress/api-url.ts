/**
 * Builds REST URLs from a discovered API root. Sites with plain permalinks have a root of
 * `…/?rest_route=/`, where the route goes in that parameter instead of the path.
 */
export function restUrl(root: string, route: string, params: Record<string, string | number | undefined>): string {
  const url = new URL(root);
  const rest = url.searchParams.get('rest_route');
  if (rest !== null) url.searchParams.set('rest_route', `${rest.replace(/\/$/, '')}/${route}`);
  else url.pathname = `${url.pathname.replace(/\/?$/, '/')}${route}`;
  for (const [k, v] of Object.entries(params)) if (v !== undefined) url.searchParams.set(k, String(v));
  return url.href;
}

/** WordPress compares `after`/`modified_after` with its own local time: we send a plain timestamp. */
export function wpTime(epochMs: number): string {
  return new Date(epochMs).toISOString().slice(0, 19);
}

/** A WordPress `*_gmt` field (`2026-05-23T08:00:00`, no zone) as epoch ms. */
export function gmtToMs(value: string | undefined): number | undefined {
  if (!value) return undefined;
  const ms = Date.parse(/[zZ]|[+-]\d\d:?\d\d$/.test(value) ? value : `${value}Z`);
  return Number.isNaN(ms) ? undefined : ms;
}
