import { useTranslation } from 'react-i18next';
import { ConnHeader } from './ConnHeader';
import type { Prediction } from '../model/schedulerShadow';

/** ipvsadm -Ln's columns, plus the quantity the scheduler compares and which server it picks next. */
export function RealServerTable({
  prediction,
  hostOf,
}: {
  prediction: Prediction;
  hostOf(key: string): string;
}) {
  const { t } = useTranslation();
  const next = prediction.next;
  const costOf = (key: string) => next?.candidates.find((c) => c.dest === key)?.cost;
  const hasCost = next?.candidates.some((c) => c.cost !== undefined) ?? false;
  return (
    <div className="table-scroll" role="region" tabIndex={0} aria-label={t('sched.tableCaption')}>
      <table className="data-table rs-table">
        <caption className="visually-hidden">{t('sched.tableCaption')}</caption>
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
            {hasCost && <th scope="col">{t('sched.cost')}</th>}
            <th scope="col">{t('sched.picks')}</th>
          </tr>
        </thead>
        <tbody>
          {prediction.service.dests.map((d) => {
            const isNext = next?.winner === d.key;
            return (
              <tr key={d.key} className={isNext ? 'next-pick' : undefined} data-dest={d.key}>
                <th scope="row">
                  <code>{d.key}</code> <span className="muted">{hostOf(d.key)}</span>{' '}
                  {isNext && <span className="badge badge-next">{t('sched.nextBadge')}</span>}
                </th>
                <td>{d.weight}</td>
                <td>{d.active}</td>
                <td>{d.inactive}</td>
                {hasCost && <td>{costOf(d.key) ?? '—'}</td>}
                <td>{d.picks}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
