import { useTranslation } from 'react-i18next';
import { linear } from '../scale';
import type { ConnSeries } from './connSeries';

const W = 420;
const H = 150;
const LEFT = 34;
const BOTTOM = 22;
const LEGEND_ROW = 16;

function points(values: number[], x: (i: number) => number, y: (v: number) => number): string {
  return values.map((v, i) => `${x(i).toFixed(1)},${y(v).toFixed(1)}`).join(' ');
}

/** Each real server's ActiveConn (solid) and InActConn (dashed) from the first decision to the cursor. */
export function ConnOverTimeChart({
  series,
  colorOf,
}: {
  series: ConnSeries;
  colorOf(dest: string): string;
}) {
  const { t } = useTranslation();
  if (series.times.length === 0) return <p className="muted">{t('load.noDecisions')}</p>;
  const n = series.times.length;
  const plotH = H - BOTTOM;
  const x = (i: number) => LEFT + (n === 1 ? W - LEFT : ((W - LEFT - 8) * i) / (n - 1));
  const yScale = linear(series.max, plotH - 8);
  const y = (v: number) => plotH - yScale(v);
  const spanMs = ((series.times[n - 1]! - (series.times[0] ?? 0)) / 1000).toFixed(1);
  const summary = series.lines
    .map((l) =>
      t('load.overTimeItem', { dest: l.dest, active: l.active[n - 1], inactive: l.inactive[n - 1] }),
    )
    .join('; ');
  const h = H + series.lines.length * LEGEND_ROW + 6;
  return (
    <svg
      className="conn-over-time"
      viewBox={`0 0 ${W} ${h}`}
      role="img"
      aria-label={t('load.overTimeLabel', { ms: spanMs, summary })}
      data-samples={n}
      data-max-active={Math.max(0, ...series.lines.flatMap((l) => l.active))}
      data-max-total-active={Math.max(
        0,
        ...series.times.map((_, k) => series.lines.reduce((s, l) => s + (l.active[k] ?? 0), 0)),
      )}
    >
      <line className="axis" x1={LEFT} x2={W} y1={plotH} y2={plotH} />
      <line className="axis" x1={LEFT} x2={LEFT} y1={0} y2={plotH} />
      <text className="axis-label" x={LEFT - 4} y={10} textAnchor="end">
        {series.max}
      </text>
      <text className="axis-label" x={LEFT - 4} y={plotH} textAnchor="end">
        0
      </text>
      <text className="axis-label" x={W - 4} y={plotH + 16} textAnchor="end">
        {t('load.overTimeAxis', { ms: spanMs })}
      </text>
      {series.lines.map((l) => (
        <g key={l.dest} data-dest={l.dest}>
          <polyline
            className="conn-active"
            points={points(l.active, x, y)}
            style={{ stroke: colorOf(l.dest) }}
          />
          <polyline
            className="conn-inactive"
            points={points(l.inactive, x, y)}
            style={{ stroke: colorOf(l.dest) }}
          />
        </g>
      ))}
      {series.lines.map((l, i) => (
        <g key={l.dest} transform={`translate(${LEFT},${H + i * LEGEND_ROW})`}>
          <line className="conn-active" x1={0} x2={18} y1={-4} y2={-4} style={{ stroke: colorOf(l.dest) }} />
          <text className="dist-label" x={24} y={0}>
            {t('load.legend', { dest: l.dest, active: l.active[n - 1], inactive: l.inactive[n - 1] })}
          </text>
        </g>
      ))}
    </svg>
  );
}
