import { useTranslation } from 'react-i18next';
import type { HookPath, Stage } from '../model/hookPath';
import type { HookName } from '@/engine';

interface Props {
  registered: { hook: HookName; fns: { name: string; priority: number }[] }[];
  path: HookPath | undefined;
}

const W = 130;
const H = 50;
const COL = [80, 240, 400];
const ROW = [36, 106, 176, 246, 316];

/** Where each stage sits: the way in on the left, forwarding in the middle, the way out on the right. */
const POS: Record<Stage, [number, number]> = {
  'wire-in': [0, 0],
  PREROUTING: [0, 1],
  'route-in': [0, 2],
  INPUT: [0, 3],
  'local-in': [0, 4],
  FORWARD: [1, 2],
  'local-out': [1, 4],
  'route-out': [1, 3],
  OUTPUT: [2, 3],
  POSTROUTING: [2, 1],
  'wire-out': [2, 0],
};

const EDGES: [Stage, Stage][] = [
  ['wire-in', 'PREROUTING'],
  ['PREROUTING', 'route-in'],
  ['route-in', 'INPUT'],
  ['route-in', 'FORWARD'],
  ['INPUT', 'local-in'],
  ['local-out', 'route-out'],
  ['route-out', 'OUTPUT'],
  ['OUTPUT', 'POSTROUTING'],
  ['FORWARD', 'POSTROUTING'],
  ['POSTROUTING', 'wire-out'],
  ['INPUT', 'route-out'],
];

const centre = (s: Stage) => ({ x: COL[POS[s][0]]!, y: ROW[POS[s][1]]! });

function edgeD(a: Stage, b: Stage): string {
  const p = centre(a);
  const q = centre(b);
  if (p.x === q.x)
    return `M${p.x},${p.y + (q.y > p.y ? H / 2 : -H / 2)}L${q.x},${q.y + (q.y > p.y ? -H / 2 : H / 2)}`;
  const dir = q.x > p.x ? 1 : -1;
  return `M${p.x + (dir * W) / 2},${p.y}L${(p.x + q.x) / 2},${p.y}L${(p.x + q.x) / 2},${q.y}L${q.x - (dir * W) / 2},${q.y}`;
}

/** The netfilter path of one host, with the visited stages and the edges between them lit. */
export function HookLaneDiagram({ registered, path }: Props) {
  const { t } = useTranslation();
  const visits = (path?.visits ?? []).filter((v) => !v.late);
  const visited = new Set<Stage>(visits.map((v) => v.stage));
  const walked = new Set<string>();
  for (let i = 1; i < visits.length; i++) walked.add(`${visits[i - 1]!.stage}>${visits[i]!.stage}`);
  const verdictOf = (s: Stage) => [...(path?.visits ?? [])].reverse().find((v) => v.stage === s)?.verdict;
  const stageText = (s: Stage) => (s in POS && /^[A-Z]+$/.test(s) ? s : t(`stage.${s}`));
  return (
    <svg
      className="hook-diagram"
      viewBox="0 0 480 350"
      role="img"
      aria-label={t('hooks.diagram', {
        stages: visits.map((v) => stageText(v.stage)).join(' → ') || t('hooks.noPacket'),
      })}
    >
      <defs>
        <marker
          id="lane-arrow"
          viewBox="0 0 10 10"
          refX="9"
          refY="5"
          markerWidth="9"
          markerHeight="9"
          markerUnits="userSpaceOnUse"
          orient="auto-start-reverse"
        >
          <path d="M0,0L10,5L0,10z" className="lane-arrow-head" />
        </marker>
      </defs>
      {EDGES.map(([a, b]) => (
        <path
          key={`${a}>${b}`}
          d={edgeD(a, b)}
          className={walked.has(`${a}>${b}`) ? 'lane-edge walked' : 'lane-edge'}
          markerEnd="url(#lane-arrow)"
        />
      ))}
      {(Object.keys(POS) as Stage[]).map((s) => {
        const c = centre(s);
        const hook = registered.find((r) => r.hook === s);
        const isHook = hook !== undefined;
        const cls = [
          'lane-stage',
          isHook ? 'is-hook' : 'is-step',
          visited.has(s) ? 'visited' : '',
          path?.current === s ? 'current' : '',
        ].join(' ');
        const verdict = verdictOf(s);
        return (
          <g key={s} className={cls} transform={`translate(${c.x - W / 2},${c.y - H / 2})`} data-stage={s}>
            <rect width={W} height={H} rx={isHook ? 6 : 24} />
            <text x={W / 2} y={isHook ? 19 : 30} textAnchor="middle" className="lane-name">
              {stageText(s)}
            </text>
            {isHook && (
              <text x={W / 2} y={36} textAnchor="middle" className="lane-prio">
                {hook.fns.length ? hook.fns.map((f) => f.priority).join(' · ') : '—'}
              </text>
            )}
            {verdict && isHook && (
              <text x={W - 6} y={H - 5} textAnchor="end" className={`lane-verdict verdict-${verdict}`}>
                {verdict}
              </text>
            )}
          </g>
        );
      })}
      {path?.dropped && (
        <text x={240} y={340} textAnchor="middle" className="lane-dropped">
          {t('hooks.dropped')}
        </text>
      )}
    </svg>
  );
}
