import { useTranslation } from 'react-i18next';
import { useAppStore } from '@/store/useAppStore';
import { useLab } from '../hooks/useLab';
import { HOOK_ORDER, hookPath, pktOf } from '../model/hookPath';
import { hostStatesAtCursor } from '../model/hostStatesAtCursor';
import { HookLaneDiagram } from './HookLaneDiagram';
import { useInspectedFrame } from './useInspectedFrame';

/**
 * One host's netfilter path: the hook functions registered at each point with their priorities,
 * the current packet's route through them drawn and its position lit, and every verdict.
 */
export function HookLanePanel() {
  const { t } = useTranslation();
  const { model, runtime } = useLab();
  const cursor = useAppStore((s) => s.cursor);
  const selectedHost = useAppStore((s) => s.selectedHost);
  const selectHost = useAppStore((s) => s.selectHost);
  const { hop } = useInspectedFrame(model);
  const current = cursor > 0 ? model.trace.at(cursor - 1) : undefined;
  const host =
    selectedHost ?? current?.host ?? runtime.hostNames().find((h) => h.startsWith('director')) ?? 'director';
  const pkt = (current?.host === host ? pktOf(current) : undefined) ?? hop?.pkt ?? null;
  const path = pkt ? hookPath(model.trace, model.pktEvents.get(pkt) ?? [], cursor, host) : undefined;
  // The hook functions registered at the cursor (hook.register events folded), not at the end.
  const hooks = hostStatesAtCursor(model.trace, cursor).get(host)?.hooks;
  const registered = HOOK_ORDER.map((h) => ({
    hook: h,
    fns: (hooks?.get(h) ?? []).map((e) => ({ name: e.name, priority: e.priority })),
  }));
  const hookEvents = (path?.visits ?? []).map((v) => v.event).filter((e) => e.kind === 'hook');
  return (
    <div className="hook-lane">
      <div className="hook-lane-head">
        <label className="field-inline">
          <span className="field-label">{t('hooks.host')}</span>
          <select value={host} onChange={(e) => selectHost(e.target.value)}>
            {runtime.hostNames().map((h) => (
              <option key={h} value={h}>
                {h}
              </option>
            ))}
          </select>
        </label>
        <span className="badge">{pkt ? t('hooks.packet', { pkt }) : t('hooks.noPacket')}</span>
      </div>
      <HookLaneDiagram registered={registered} path={path} />
      <h3>{t('hooks.registered')}</h3>
      <table className="data-table">
        <thead>
          <tr>
            <th scope="col">{t('hooks.hook')}</th>
            <th scope="col">{t('hooks.function')}</th>
            <th scope="col">{t('hooks.priority')}</th>
            <th scope="col">{t('hooks.verdict')}</th>
          </tr>
        </thead>
        <tbody>
          {registered.flatMap((r) => {
            const ran = hookEvents.filter((e) => e.hook === r.hook).pop();
            if (r.fns.length === 0) {
              return [
                <tr key={r.hook} className={ran ? 'visited' : undefined}>
                  <th scope="row">{r.hook}</th>
                  <td className="muted">{t('hooks.none')}</td>
                  <td />
                  <td>{ran?.verdict ?? ''}</td>
                </tr>,
              ];
            }
            return r.fns.map((f, i) => (
              <tr key={`${r.hook}-${f.name}`} className={ran ? 'visited' : undefined}>
                {i === 0 && (
                  <th scope="row" rowSpan={r.fns.length}>
                    {r.hook}
                  </th>
                )}
                <td>
                  <code>{f.name}</code>
                </td>
                <td>{f.priority}</td>
                <td>{ran?.fns.find((x) => x.name === f.name)?.verdict ?? ''}</td>
              </tr>
            ));
          })}
        </tbody>
      </table>
    </div>
  );
}
