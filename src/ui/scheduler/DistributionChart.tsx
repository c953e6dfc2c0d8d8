import { useTranslation } from 'react-i18next';
import type { DestView } from '../model/ipvsState';
import { CONNECTION_PALETTE } from '../model/connections';
import { linear } from '../scale';

const W = 420;
const ROW = 34;
const LABEL = 150;

/** Connections per real server so far, with the share its weight promises marked. */
export function DistributionChart({ dests }: { dests: DestView[] }) {
  const { t } = useTranslation();
  const total = dests.reduce((s, d) => s + d.picks, 0);
  const weights = dests.reduce((s, d) => s + Math.max(0, d.weight), 0);
  const x = linear(
    Math.max(
      1,
      ...dests.map((d) => d.picks),
      total * (weights ? Math.max(...dests.map((d) => d.weight)) / weights : 0),
    ),
    W - LABEL - 50,
  );
  const h = dests.length * ROW + 8;
  const summary = dests.map((d) => `${d.key}: ${d.picks}`).join(', ');
  return (
    <svg
      className="distribution"
      viewBox={`0 0 ${W} ${h}`}
      role="img"
      aria-label={t('sched.chartLabel', { total, summary })}
    >
      {dests.map((d, i) => {
        const y = 4 + i * ROW;
        const expected = weights && total ? (total * Math.max(0, d.weight)) / weights : undefined;
        return (
          <g key={d.key} transform={`translate(0,${y})`}>
            <text className="dist-label" x={LABEL - 8} y={ROW / 2 + 4} textAnchor="end">
              {d.key}
            </text>
            <rect className="dist-track" x={LABEL} y={6} width={W - LABEL - 50} height={ROW - 12} rx={4} />
            <rect
              x={LABEL}
              y={6}
              width={x(d.picks)}
              height={ROW - 12}
              rx={4}
              style={{ fill: CONNECTION_PALETTE[i % CONNECTION_PALETTE.length] }}
            />
            {expected !== undefined && (
              <line
                className="dist-expected"
                x1={LABEL + x(expected)}
                x2={LABEL + x(expected)}
                y1={2}
                y2={ROW - 2}
              />
            )}
            <text className="dist-value" x={W - 44} y={ROW / 2 + 4}>
              {d.picks}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
