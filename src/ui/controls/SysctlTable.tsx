import { useTranslation } from 'react-i18next';
import type { Sysctl } from '@/engine';
import { useAppStore } from '@/store/useAppStore';
import { sysctlCmd } from './ipvsCommands';

const KNOBS: { name: string; values: number[] }[] = [
  { name: 'arp_ignore', values: [0, 1, 2, 3, 8] },
  { name: 'arp_announce', values: [0, 1, 2] },
  { name: 'rp_filter', values: [0, 1, 2] },
];

/** arp_ignore, arp_announce and rp_filter on all, default and every device, with the effective value, at the cursor. */
export function SysctlTable({
  host,
  sysctl,
  devices,
}: {
  host: string;
  sysctl: Sysctl;
  devices: readonly string[];
}) {
  const { t } = useTranslation();
  const runCommand = useAppStore((s) => s.runCommand);
  const scopes = ['all', 'default', ...devices];
  const value = (scope: string, knob: string) => sysctl.get(`net.ipv4.conf.${scope}.${knob}`) ?? 0;
  return (
    <div
      className="table-scroll"
      role="region"
      tabIndex={0}
      aria-label={t('controls.sysctlCaption', { host: host })}
    >
      <table className="data-table sysctl-table">
        <caption className="visually-hidden">{t('controls.sysctlCaption', { host: host })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('controls.knob')}</th>
            {scopes.map((s) => (
              <th key={s} scope="col">
                {s}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {KNOBS.map((k) => (
            <tr key={k.name}>
              <th scope="row">
                <code>{k.name}</code>
              </th>
              {scopes.map((s) => {
                const key = `net.ipv4.conf.${s}.${k.name}`;
                const v = value(s, k.name);
                const effective = s === 'all' || s === 'default' ? undefined : sysctl.conf(s, k.name);
                return (
                  <td key={s}>
                    <select
                      aria-label={t('controls.knobOn', { knob: k.name, scope: s, host: host })}
                      value={v}
                      data-sysctl={key}
                      onChange={(e) => runCommand(host, sysctlCmd(key, Number(e.target.value)))}
                    >
                      {[...new Set([...k.values, v])].map((n) => (
                        <option key={n} value={n}>
                          {n}
                        </option>
                      ))}
                    </select>
                    {effective !== undefined && effective !== v && (
                      <span className="effective" title={t('controls.effective')}>
                        ={effective}
                      </span>
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
