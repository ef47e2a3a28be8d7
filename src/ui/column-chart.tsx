import { useId } from 'preact/hooks';
import type { Bar } from './bar-chart.tsx';
import { ChartTable } from './chart-table.tsx';
import { formatDate } from './format-date.ts';

const WIDTH = 480;
const HEIGHT = 150;
const AXIS = 22;
const TOP = 14;

/**
 * Counts over time (one column per week, oldest left) as SVG, with <title>/<desc> and the numbers
 * as a table. Dates label the first and last columns and the turn of each month in between.
 */
export function ColumnChart({ title, head, unit, bars }: { title: string; head: string; unit: string; bars: readonly Bar[] }) {
  const id = useId();
  const max = Math.max(1, ...bars.map((b) => b.count));
  const step = WIDTH / Math.max(bars.length, 1);
  const colW = Math.max(2, Math.min(28, step * 0.7));
  const plotH = HEIGHT - AXIS - TOP;
  const label = (b: Bar) => `week of ${formatDate(b.label)}`;
  const ticks = bars.flatMap((b, i) => {
    const month = b.label.slice(0, 7);
    const first = i === 0 || i === bars.length - 1 || month !== bars[i - 1]?.label.slice(0, 7);
    return first ? [{ i, text: shortDate(b.label) }] : [];
  });
  // Keep tick labels from overlapping: at least ~60 px apart.
  const shown = ticks.filter((t, k) => k === 0 || t.i * step - ticks[k - 1]!.i * step >= 60 || k === ticks.length - 1);
  return (
    <figure class="chart">
      <svg class="columns" role="img" aria-labelledby={`${id}t ${id}d`} viewBox={`0 0 ${WIDTH} ${HEIGHT}`}>
        <title id={`${id}t`}>{title}</title>
        <desc id={`${id}d`}>{bars.map((b) => `${label(b)}: ${b.count}`).join('; ')}</desc>
        <line class="axis" x1="0" x2={WIDTH} y1={HEIGHT - AXIS} y2={HEIGHT - AXIS} />
        {bars.map((b, i) => {
          const h = (b.count / max) * plotH;
          const x = i * step + (step - colW) / 2;
          return (
            <g key={b.label}>
              <rect class="bar" x={x} y={HEIGHT - AXIS - h} width={colW} height={h} rx="2" />
              {b.count > 0 && (
                <text class="chart-value" x={x + colW / 2} y={HEIGHT - AXIS - h - 4} text-anchor="middle">
                  {b.count}
                </text>
              )}
            </g>
          );
        })}
        {shown.map((t) => (
          <text key={t.i} class="chart-label" x={Math.min(Math.max(t.i * step + step / 2, 20), WIDTH - 20)} y={HEIGHT - 6} text-anchor="middle">
            {t.text}
          </text>
        ))}
      </svg>
      <ChartTable caption={title} head={head} unit={unit} bars={bars} labelOf={label} />
    </figure>
  );
}

function shortDate(iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  return d.toLocaleDateString(undefined, { day: 'numeric', month: 'short', timeZone: 'UTC' });
}
