import { useTranslation } from 'react-i18next';
import { useAppStore } from '@/store/useAppStore';
import { useLab } from '../hooks/useLab';
import type { TopologyLayout } from '../layout/topologyLayout';
import { vrrpMastersAt } from '../model/vrrpMaster';

/**
 * A "MASTER" badge on each director whose keepalived VRRP instance is MASTER at the playback
 * cursor (ha lab): it moves when a failover or a preemption happens, and back when stepping back.
 */
export function MasterBadges({ layout }: { layout: TopologyLayout }) {
  const { t } = useTranslation();
  const { model } = useLab();
  const masters = useAppStore((s) => vrrpMastersAt(model.trace, s.cursor).join(' '));
  if (masters === '') return null;
  return (
    <g className="vrrp-masters">
      {masters.split(' ').map((host) => {
        const box = layout.hosts.get(host);
        if (!box) return null;
        return (
          <g
            key={host}
            className="vrrp-master"
            data-master={host}
            role="img"
            aria-label={t('topology.masterBadge', { host })}
            transform={`translate(${box.x + box.w - 78},${box.y - 12})`}
          >
            <rect className="vrrp-master-bg" width={72} height={20} rx={10} />
            <text className="vrrp-master-text" x={36} y={14} textAnchor="middle">
              {t('topology.master')}
            </text>
          </g>
        );
      })}
    </g>
  );
}
