import { useTranslation } from 'react-i18next';
import { linear } from '../scale';
import type { ClientRow } from './connSeries';

const W = 420;
const ROW = 22;
const LABEL = 110;

/** One bar per client address, split by the real servers its connections went to. */
export function ClientServerChart({ rows, colorOf }: { rows: ClientRow[]; colorOf(dest: string): string }) {
  const { t } = useTranslation();
  if (rows.length === 0) return null;
  const x = linear(Math.max(1, ...rows.map((r) => r.total)), W - LABEL - 40);
  const summary = rows
    .map((r) =>
      t('load.clientItem', {
        client: r.client,
        dests: [...r.byDest].map(([d, n]) => `${d} × ${n}`).join(', '),
      }),
    )
    .join('; ');
  return (
    <svg
      className="client-map"
      viewBox={`0 0 ${W} ${rows.length * ROW + 6}`}
      role="img"
      aria-label={t('load.clientMapLabel', { summary })}
    >
      {rows.map((r, i) => {
        let left = LABEL;
        return (
          <g key={r.client} transform={`translate(0,${3 + i * ROW})`} data-client={r.client}>
            <text className="dist-label" x={LABEL - 6} y={ROW / 2 + 4} textAnchor="end">
              {r.client}
            </text>
            {[...r.byDest].map(([dest, n]) => {
              const w = x(n);
              const rect = (
                <rect key={dest} x={left} y={3} width={w} height={ROW - 6} style={{ fill: colorOf(dest) }}>
                  <title>{`${r.client} → ${dest}: ${n}`}</title>
                </rect>
              );
              left += w;
              return rect;
            })}
            <text className="dist-value" x={left + 4} y={ROW / 2 + 4}>
              {r.total}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
