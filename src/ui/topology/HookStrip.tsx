import type { Stage } from '../model/hookPath';

/** The five netfilter hooks, abbreviated as iptables users write them; the packet's one lit. */
const CELLS: { stage: Stage; text: string }[] = [
  { stage: 'PREROUTING', text: 'PRE' },
  { stage: 'INPUT', text: 'IN' },
  { stage: 'FORWARD', text: 'FWD' },
  { stage: 'OUTPUT', text: 'OUT' },
  { stage: 'POSTROUTING', text: 'POST' },
];

const ROUTE_NEAR: Partial<Record<Stage, Stage>> = {
  'route-in': 'PREROUTING',
  'wire-in': 'PREROUTING',
  'local-in': 'INPUT',
  'local-out': 'OUTPUT',
  'route-out': 'OUTPUT',
};

export function HookStrip({ y, width, stage }: { y: number; width: number; stage: Stage | undefined }) {
  const pad = 10;
  const w = (width - pad * 2 - 4 * 4) / 5;
  const lit = stage ? (ROUTE_NEAR[stage] ?? stage) : undefined;
  return (
    <g className="hook-strip" transform={`translate(${pad},${y})`} aria-hidden="true">
      {CELLS.map((c, i) => (
        <g
          key={c.stage}
          transform={`translate(${i * (w + 4)},0)`}
          className={lit === c.stage ? 'hook-cell lit' : 'hook-cell'}
        >
          <rect width={w} height={22} rx={4} />
          <text x={w / 2} y={15} textAnchor="middle">
            {c.text}
          </text>
        </g>
      ))}
    </g>
  );
}
