import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { engine } from '@/store/engine';
import { useAppStore } from '@/store/useAppStore';
import { ipvsCmd } from '../controls/ipvsCommands';
import { useLab } from '../hooks/useLab';
import { useRenderMessage } from '../hooks/useRenderMessage';
import { CONNECTION_PALETTE } from '../model/connections';
import { eventWhy } from '../model/eventWhy';
import { predictNextPicks } from '../model/schedulerShadow';
import { summarisedPicks, summaryOf, withSummarisedPicks } from '../model/summaryModel';
import { formatMicros } from '../format';
import { CommandHint } from '../controls/CommandHint';
import { ClientServerChart } from './ClientServerChart';
import { ConnOverTimeChart } from './ConnOverTimeChart';
import { clientMap, connSeries } from './connSeries';
import { DistributionChart } from './DistributionChart';
import { HashFormula } from './HashFormula';
import { LoadForm } from './LoadForm';
import { RealServerTable } from './RealServerTable';

/** The virtual service at the cursor: real servers, their counters and costs, the next pick, the spread so far. */
export function SchedulerPanel() {
  const { t } = useTranslation();
  const render = useRenderMessage();
  const { model, def, runtime } = useLab();
  const cursor = useAppStore((s) => s.cursor);
  const seed = useAppStore((s) => s.spec.seed);
  const runCommand = useAppStore((s) => s.runCommand);
  const sendRequest = useAppStore((s) => s.sendRequest);
  const director = def.hosts.find((h) => h.role === 'director')?.name ?? 'director';
  const cip = def.hosts.find((h) => h.role === 'client')?.ifaces[0]?.addr ?? '0.0.0.0';
  const predictions = useMemo(
    () => predictNextPicks(model.trace, cursor, `${cip}:0`, seed),
    [model, cursor, cip, seed],
  );
  const series = useMemo(() => connSeries(model.trace, cursor), [model, cursor]);
  const clients = useMemo(() => clientMap(model.trace, cursor), [model, cursor]);
  const p = predictions[0];
  const summary = useMemo(() => summaryOf(model.trace), [model]);
  const earlier = useMemo(
    () => (p ? summarisedPicks(model.trace, p.service.service) : new Map<string, number>()),
    [model, p],
  );
  if (!p) return <p className="empty-state">{t('sched.noService')}</p>;
  const earlierCount = [...earlier.values()].reduce((n, c) => n + c, 0);
  // The same colour for a real server in every chart: its place in ipvsadm's list.
  const colorOf = (dest: string) => {
    const i = p.service.dests.findIndex((d) => d.key === dest);
    return CONNECTION_PALETTE[Math.max(0, i) % CONNECTION_PALETTE.length]!;
  };
  const why = p.service.lastPick ? eventWhy(p.service.lastPick) : undefined;
  return (
    <div className="scheduler-panel">
      <div className="panel-row">
        <label className="field-inline">
          <span className="field-label">{t('sched.scheduler')}</span>
          <select
            value={p.service.scheduler}
            onChange={(e) => runCommand(director, ipvsCmd.scheduler(def, e.target.value))}
          >
            {[...engine().SCHEDULERS.keys()].map((name) => (
              <option key={name} value={name}>
                {name} — {t(`schedName.${name}`)}
              </option>
            ))}
          </select>
        </label>
        <button type="button" onClick={() => sendRequest(100)}>
          {t('toolbar.send100')}
        </button>
      </div>
      <LoadForm />
      <CommandHint host={director} command={ipvsCmd.scheduler(def, p.service.scheduler)} />
      <HashFormula scheduler={p.service.scheduler} />
      <h3>{t('sched.service', { service: p.service.service })}</h3>
      <RealServerTable
        prediction={p}
        hostOf={(key) =>
          runtime.def.hosts.find((h) => h.ifaces.some((i) => key.startsWith(`${i.addr}:`)))?.name ?? ''
        }
      />
      {p.service.lastPick && (
        <div className="last-pick">
          <h3>{t('sched.lastPick')}</h3>
          <p>
            {t('sched.lastPickText', {
              dest: p.service.lastPick.dest ?? '—',
              client: p.service.lastPick.client,
            })}
            {why && <> — {render(why)}</>}
          </p>
        </div>
      )}
      <h3>{t('sched.distribution')}</h3>
      {summary && earlierCount > 0 && (
        <p className="muted sched-summarised" role="note">
          {t('sched.summarised', {
            count: earlierCount,
            time: formatMicros(summary.toUs),
            first: summary.firstKept,
          })}
        </p>
      )}
      <DistributionChart dests={withSummarisedPicks(p.service.dests, earlier)} />
      <h3>{t('load.overTime')}</h3>
      <ConnOverTimeChart series={series} colorOf={colorOf} />
      <h3>{t('load.clientMap')}</h3>
      <ClientServerChart rows={clients} colorOf={colorOf} />
    </div>
  );
}
