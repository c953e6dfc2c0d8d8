import { useTranslation } from 'react-i18next';
import type { AppStore } from '@/store/createAppStore';
import { formatBytes } from '../format';
import { linear } from '../scale';
import { useDirectorLoad } from './useDirectorLoad';

/** The two directors' traffic as bars: NAT carries the responses too, DR only the requests. */
export function LoadComparison({ stores }: { stores: [AppStore, AppStore] }) {
  const { t } = useTranslation();
  const nat = useDirectorLoad(stores[0]);
  const dr = useDirectorLoad(stores[1]);
  const rows = [
    {
      id: 'nat',
      name: t('lab.nat.name'),
      bytes: nat.rxBytes + nat.txBytes,
      packets: nat.rxPackets + nat.txPackets,
    },
    {
      id: 'dr',
      name: t('lab.dr.name'),
      bytes: dr.rxBytes + dr.txBytes,
      packets: dr.rxPackets + dr.txPackets,
    },
  ];
  const x = linear(Math.max(1, ...rows.map((r) => r.bytes)), 560);
  const ratio = rows[1]!.bytes > 0 ? rows[0]!.bytes / rows[1]!.bytes : 0;
  return (
    <section className="load-comparison panel" aria-labelledby="load-title">
      <h3 id="load-title">{t('compare.loadTitle')}</h3>
      <svg
        viewBox="0 0 900 96"
        role="img"
        aria-label={t('compare.loadLabel', {
          nat: formatBytes(rows[0]!.bytes),
          dr: formatBytes(rows[1]!.bytes),
        })}
      >
        {rows.map((r, i) => (
          <g key={r.id} transform={`translate(0,${8 + i * 44})`}>
            <text className="dist-label" x={130} y={22} textAnchor="end">
              {r.name}
            </text>
            <rect className="dist-track" x={140} y={6} width={560} height={24} rx={5} />
            <rect className={`load-bar load-${r.id}`} x={140} y={6} width={x(r.bytes)} height={24} rx={5} />
            <text className="dist-value" x={712} y={23}>
              {formatBytes(r.bytes)} · {t('compare.packets', { count: r.packets })}
            </text>
          </g>
        ))}
      </svg>
      <p className="load-note">
        {ratio > 0 ? t('compare.ratio', { ratio: ratio.toFixed(1) }) : t('compare.noTraffic')}
      </p>
    </section>
  );
}
