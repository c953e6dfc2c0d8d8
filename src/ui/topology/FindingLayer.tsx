import type { KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Finding } from '@/engine';
import { useAppStore } from '@/store/useAppStore';
import { useFindings } from '../hooks/useFindings';
import type { TopologyLayout } from '../layout/topologyLayout';
import { findingsByHost } from '../model/findingsAtCursor';

/**
 * The findings that have happened, on the hosts they concern: the card outlined, the interface
 * ringed, and above the card the latest finding's title as a button (its why is the description)
 * that moves playback to the event where it happened.
 */
export function FindingLayer({ layout }: { layout: TopologyLayout }) {
  const { t } = useTranslation();
  const found = useFindings();
  const seek = useAppStore((s) => s.seek);
  const pause = useAppStore((s) => s.pause);
  const show = (f: Finding) => {
    pause();
    seek(f.at + 1);
  };
  const key = (e: KeyboardEvent, f: Finding) => {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      show(f);
    }
  };
  return (
    <g className="findings">
      {[...findingsByHost(found)].map(([host, list]) => {
        const box = layout.hosts.get(host);
        if (!box) return null;
        const last = list[list.length - 1]!;
        const dev = typeof last.params['dev'] === 'string' ? last.params['dev'] : undefined;
        const anchor = box.ifaces.find((i) => i.dev === dev);
        const title = t(`finding.${last.kind}.title`, last.params);
        const whys = [...list].reverse().map((f) => t(f.why, f.params));
        return (
          <g key={host} data-host={host} data-finding={last.kind}>
            <rect
              className="finding-outline"
              x={box.x - 5}
              y={box.y - 5}
              width={box.w + 10}
              height={box.h + 10}
              rx={15}
            />
            {anchor && (
              <circle
                className="finding-ring"
                cx={anchor.side === 'left' ? box.x : box.x + box.w}
                cy={anchor.rowY}
                r={11}
              />
            )}
            <g
              className="finding-mark"
              transform={`translate(${box.x + 4},${box.y - 12})`}
              role="button"
              tabIndex={0}
              aria-description={whys.join(' ')}
              data-count={list.length}
              data-interactive=""
              onClick={() => show(last)}
              onKeyDown={(e) => key(e, last)}
            >
              <path className="finding-icon" d="M0 0 L8 -14 L16 0 Z M7 -9 h2 v5 h-2 Z M7 -3 h2 v2 h-2 Z" />
              <text className="finding-title" x={22} y={0}>
                {list.length > 1 ? t('findingView.titleMore', { title, more: list.length - 1 }) : title}
              </text>
            </g>
          </g>
        );
      })}
    </g>
  );
}
