import { useId } from 'preact/hooks';
import type { CountBy } from '../core/index/view.ts';
import { ChartTable } from './chart-table.tsx';

/** One bar: the index's counts by topic or week, as the options page charts them. */
export type Bar = CountBy;

const ROW = 22;
const LABEL_W = 170;
const WIDTH = 480;

/**
 * A small horizontal bar chart as SVG: <title> and <desc> name it for screen readers, and the same
 * numbers follow as a table for anyone who would rather read them.
 */
export function BarChart({ title, head, unit, bars }: { title: string; head: string; unit: string; bars: readonly Bar[] }) {
  const id = useId();
  const max = Math.max(1, ...bars.map((b) => b.count));
  const barW = WIDTH - LABEL_W - 48;
  const scale = (n: number) => (n / max) * barW;
  return (
    <figure class="chart">
      <svg class="bars" role="img" aria-labelledby={`${id}t ${id}d`} viewBox={`0 0 ${WIDTH} ${bars.length * ROW}`}>
        <title id={`${id}t`}>{title}</title>
        <desc id={`${id}d`}>{bars.map((b) => `${b.label}: ${b.count}`).join('; ')}</desc>
        {bars.map((b, i) => (
          <g key={b.label} transform={`translate(0 ${i * ROW})`}>
            <text class="chart-label" x={LABEL_W - 8} y={ROW / 2} dy="0.35em" text-anchor="end">
              {b.label.length > 26 ? `${b.label.slice(0, 25)}…` : b.label}
            </text>
            <rect class="bar" x={LABEL_W} y={4} height={ROW - 8} width={Math.max(2, scale(b.count))} rx="2" />
            <text class="chart-value" x={LABEL_W + scale(b.count) + 6} y={ROW / 2} dy="0.35em">
              {b.count}
            </text>
          </g>
        ))}
      </svg>
      <ChartTable caption={title} head={head} unit={unit} bars={bars} labelOf={(b) => b.label} />
    </figure>
  );
}
