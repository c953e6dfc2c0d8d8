import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { ConnHeader } from '../scheduler/ConnHeader';
import { useFindings } from '../hooks/useFindings';
import { useLab } from '../hooks/useLab';
import { cursorOf, useSettledStore } from '../hooks/useSettledStore';
import { useRenderMessage } from '../hooks/useRenderMessage';
import { formatMicros } from '../format';
import { eventText } from '../model/eventText';
import { eventWhy } from '../model/eventWhy';

/** The event at the cursor in full, with its evidence: the scheduler's candidates, the ARP sysctls. */
export const EventDetail = memo(function EventDetail() {
  const { t } = useTranslation();
  const render = useRenderMessage();
  const { model } = useLab();
  const cursor = useSettledStore(cursorOf);
  const found = useFindings();
  const e = cursor > 0 ? model.trace.at(cursor - 1) : undefined;
  if (!e) return <div className="event-detail empty-state">{t('events.none')}</div>;
  const why = eventWhy(e);
  const sched = e.kind === 'ipvs.schedule' ? e.explanation : null;
  const here = found.filter((f) => f.at === e.seq);
  return (
    // Focusable: a long detail scrolls, and a keyboard user must be able to scroll it.
    <div className="event-detail" aria-live="polite" data-seq={e.seq} tabIndex={0}>
      <p className="detail-head">
        <span className="badge">#{e.seq}</span> <span className="muted">{formatMicros(e.t)}</span>{' '}
        {render(eventText(e, model.hops))}
      </p>
      {why && (
        <p className="detail-why">
          <strong>{t('events.why')}</strong> {render(why)}
        </p>
      )}
      {here.map((f, i) => (
        <p key={i} className="detail-finding" data-finding={f.kind}>
          <strong>
            {t('events.finding')} {t(`finding.${f.kind}.title`, f.params)}
          </strong>{' '}
          {t(f.why, f.params)}
        </p>
      ))}
      {e.kind === 'arp.decide' && (
        <p className="detail-sysctl">
          <code>net.ipv4.conf.all.arp_ignore={e.arp_ignore_all}</code>{' '}
          <code>
            net.ipv4.conf.{e.dev}.arp_ignore={e.arp_ignore_dev}
          </code>{' '}
          → {t('events.effective', { value: String(e.arp_ignore) })}
        </p>
      )}
      {sched && (
        <table className="data-table candidates">
          <caption>{t('events.candidates', { scheduler: sched.scheduler })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('sched.rs')}</th>
              <th scope="col">{t('sched.weight')}</th>
              <th scope="col">
                <ConnHeader which="active" />
              </th>
              <th scope="col">
                <ConnHeader which="inactive" />
              </th>
              <th scope="col">{t('sched.cost')}</th>
              <th scope="col">{t('events.eligible')}</th>
            </tr>
          </thead>
          <tbody>
            {sched.candidates.map((c) => (
              <tr key={c.dest} className={c.dest === sched.winner ? 'next-pick' : undefined}>
                <th scope="row">
                  <code>{c.dest}</code>
                </th>
                <td>{c.weight}</td>
                <td>{c.active}</td>
                <td>{c.inactive}</td>
                <td>{c.cost ?? '—'}</td>
                <td>{c.eligible ? t('events.yes') : t('events.no')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
});
