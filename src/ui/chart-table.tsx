import type { Bar } from './bar-chart.tsx';

/** The numbers behind a chart, collapsed under the chart for readers who would rather read. */
export function ChartTable({
  caption,
  head,
  unit,
  bars,
  labelOf,
}: {
  caption: string;
  head: string;
  unit: string;
  bars: readonly Bar[];
  labelOf: (b: Bar) => string;
}) {
  return (
    <details class="chart-table">
      <summary>{caption} as a table</summary>
      <table>
        <thead>
          <tr>
            <th scope="col">{head}</th>
            <th scope="col">{unit}</th>
          </tr>
        </thead>
        <tbody>
          {bars.map((b) => (
            <tr key={b.label}>
              <th scope="row">{labelOf(b)}</th>
              <td>{b.count}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}
