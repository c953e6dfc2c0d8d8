import { useTranslation } from 'react-i18next';
import { engine } from '@/store/engine';
import { useAppStore } from '@/store/useAppStore';
import { useLab } from '../hooks/useLab';
import { ipvsStateAtCursor } from '../model/ipvsAtCursor';
import { CommandHint } from './CommandHint';
import { ipvsCmd, labRealServers } from './ipvsCommands';

const WEIGHTS = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10];

/** The virtual service's scheduler and each real server's weight and presence, as ipvsadm commands. */
export function IpvsControls() {
  const { t } = useTranslation();
  const { model, def } = useLab();
  const runCommand = useAppStore((s) => s.runCommand);
  const director = def.hosts.find((h) => h.role === 'director')?.name ?? 'director';
  const raw = useAppStore((s) => s.cursor);
  // The table at the cursor: scrubbed back, the controls show what ipvsadm would have listed then.
  const cursor = raw < 0 ? model.trace.length : raw;
  const svc = ipvsStateAtCursor(model.trace, cursor).find((s) => s.host === director);
  const scheduler = svc?.scheduler ?? 'wlc';
  return (
    <section className="control-group" aria-labelledby="ctl-ipvs">
      <h3 id="ctl-ipvs">{t('controls.ipvs')}</h3>
      {!svc && <p className="muted">{t('sched.noService')}</p>}
      {svc && (
        <>
          <label className="field-inline">
            <span className="field-label">{t('sched.scheduler')}</span>
            <select
              value={scheduler}
              onChange={(e) => runCommand(director, ipvsCmd.scheduler(def, e.target.value))}
            >
              {[...engine().SCHEDULERS.keys()].map((name) => (
                <option key={name} value={name}>
                  {name} — {t(`schedName.${name}`)}
                </option>
              ))}
            </select>
          </label>
          <CommandHint host={director} command={ipvsCmd.scheduler(def, scheduler)} />
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">{t('sched.rs')}</th>
                <th scope="col">{t('controls.inService')}</th>
                <th scope="col">{t('sched.weight')}</th>
              </tr>
            </thead>
            <tbody>
              {labRealServers(def).map((rs) => {
                const d = svc.dests.find((x) => x.key === rs.key);
                const fwd = d?.fwd ?? rs.fwd;
                return (
                  <tr key={rs.key} data-dest={rs.key}>
                    <th scope="row">
                      <code>{rs.key}</code> <span className="muted">{rs.host}</span>
                    </th>
                    <td>
                      <input
                        type="checkbox"
                        aria-label={t('controls.serverUp', { rs: rs.host })}
                        checked={d !== undefined}
                        onChange={(e) =>
                          runCommand(
                            director,
                            e.target.checked ? ipvsCmd.add(def, rs.key, fwd, 1) : ipvsCmd.remove(def, rs.key),
                          )
                        }
                      />
                    </td>
                    <td>
                      <select
                        aria-label={t('controls.weightOf', { rs: rs.host })}
                        value={d?.weight ?? 1}
                        disabled={!d}
                        onChange={(e) =>
                          runCommand(director, ipvsCmd.weight(def, rs.key, fwd, Number(e.target.value)))
                        }
                      >
                        {WEIGHTS.map((w) => (
                          <option key={w} value={w}>
                            {w}
                          </option>
                        ))}
                      </select>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
