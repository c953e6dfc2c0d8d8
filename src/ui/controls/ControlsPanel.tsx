import { useTranslation } from 'react-i18next';
import { useAppStore } from '@/store/useAppStore';
import { useLab } from '../hooks/useLab';
import { CommandHint } from './CommandHint';
import { IpvsControls } from './IpvsControls';
import { SysctlTable } from './SysctlTable';
import { sysctlCmd } from './ipvsCommands';
import { useSysctlAtCursor } from './useSysctlAtCursor';

/** Switches that run real commands on a host; each shows the command and lands in that host's terminal. */
export function ControlsPanel() {
  const { t } = useTranslation();
  const { runtime, def, revision } = useLab();
  const selectedHost = useAppStore((s) => s.selectedHost);
  const selectHost = useAppStore((s) => s.selectHost);
  const runCommand = useAppStore((s) => s.runCommand);
  const director = def.hosts.find((h) => h.role === 'director')?.name ?? 'director';
  const host = selectedHost ?? director;
  const { sysctl, devices } = useSysctlAtCursor(host);
  if (!sysctl) return null;
  // The value at the cursor: acting while in the past forks the log there (runCommand).
  const forward = sysctl.get('net.ipv4.ip_forward') ?? 0;
  return (
    <div className="controls-panel" data-revision={revision}>
      <label className="field-inline">
        <span className="field-label">{t('controls.host')}</span>
        <select value={host} onChange={(e) => selectHost(e.target.value)}>
          {runtime.hostNames().map((n) => (
            <option key={n} value={n}>
              {n} ({t(`role.${def.hosts.find((x) => x.name === n)?.role ?? 'client'}`)})
            </option>
          ))}
        </select>
      </label>
      {host === director && <IpvsControls />}
      <section className="control-group" aria-labelledby="ctl-sysctl">
        <h3 id="ctl-sysctl">{t('controls.sysctl', { host })}</h3>
        <label className="field-inline checkbox">
          <input
            type="checkbox"
            checked={forward === 1}
            onChange={(e) => runCommand(host, sysctlCmd('net.ipv4.ip_forward', e.target.checked ? 1 : 0))}
          />
          <span>
            <code>net.ipv4.ip_forward</code> — {t('controls.ipForward')}
          </span>
        </label>
        <SysctlTable host={host} sysctl={sysctl} devices={devices} />
      </section>
      <section className="control-group" aria-labelledby="ctl-neigh">
        <h3 id="ctl-neigh">{t('controls.neigh')}</h3>
        <button type="button" onClick={() => runCommand(host, 'ip neigh flush all')}>
          {t('controls.flush', { host })}
        </button>
        <CommandHint host={host} command="ip neigh flush all" />
      </section>
    </div>
  );
}
