import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LabId, LabSize } from '@/engine';
import { engine } from '@/store/engine';
import { Link } from '../router/Link';
import { labCardHref } from './labCardHref';
import { LabSizeFields } from './LabSizeFields';

/** One lab: its hosts and addresses at the chosen size, and the doors into it. */
export function LabCard({ labId }: { labId: LabId }) {
  const { t } = useTranslation();
  const [size, setSize] = useState<LabSize>({ ...engine().DEFAULT_LAB_SIZE });
  const lab = engine().getLab(labId, size)!;
  const name = t(`lab.${lab.id}.name`);
  return (
    <li className="lab-card" data-lab={lab.id}>
      <h3>{name}</h3>
      <p>{t(`lab.${lab.id}.summary`)}</p>
      <p className="muted">
        {t('app.hosts', { count: lab.hosts.length })} · {t('app.segments')}:{' '}
        {lab.segments.map((s) => s.name).join(', ')} · {t('app.vip')}: <code>{lab.vip}</code>
      </p>
      <LabSizeFields labName={name} size={size} onChange={setSize} />
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
        <Link className="button primary" href={labCardHref(labId, size)}>
          {t('app.openLab', { lab: name })}
        </Link>
        <Link className="button" href={labCardHref(labId, size, { bare: true })}>
          {t('app.openBare', { lab: name })}
        </Link>
      </div>
    </li>
  );
}
