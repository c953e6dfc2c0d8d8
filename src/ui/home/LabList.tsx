import { useTranslation } from 'react-i18next';
import { engine } from '@/store/engine';
import { Link } from '../router/Link';
import { labHref } from '../router/route';

/** Every lab the engine defines, with its hosts and addresses, each a door into the lab. */
export function LabList() {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="labs-heading">
      <h2 id="labs-heading">{t('app.labsHeading')}</h2>
      <ul className="lab-list">
        {[...engine().LABS.values()].map((lab) => (
          <li key={lab.id} className="lab-card" data-lab={lab.id}>
            <h3>{t(`lab.${lab.id}.name`)}</h3>
            <p>{t(`lab.${lab.id}.summary`)}</p>
            <p className="muted">
              {t('app.hosts', { count: lab.hosts.length })} · {t('app.segments')}:{' '}
              {lab.segments.map((s) => s.name).join(', ')} · {t('app.vip')}: <code>{lab.vip}</code>
            </p>
            <ul className="host-list">
              {lab.hosts.map((h) => (
                <li key={h.name}>
                  <strong>{h.name}</strong> ({t(`role.${h.role}`)}){' '}
                  {h.ifaces.map((i) => (
                    <code key={i.dev}>
                      {i.dev} {i.addr}/{i.prefix}
                      {i.role ? ` ${i.role}` : ''}{' '}
                    </code>
                  ))}
                </li>
              ))}
            </ul>
            <div className="lab-card-actions">
              <Link className="button primary" href={labHref(lab.id)}>
                {t('app.openLab', { lab: t(`lab.${lab.id}.name`) })}
              </Link>
              <Link className="button" href={labHref(lab.id, { bare: true })}>
                {t('app.openBare', { lab: t(`lab.${lab.id}.name`) })}
              </Link>
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
