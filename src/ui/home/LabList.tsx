import { useTranslation } from 'react-i18next';
import { engine } from '@/store/engine';
import { LabCard } from './LabCard';

/** Every lab the engine defines, each a card with its size and a door into the lab. */
export function LabList() {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="labs-heading">
      <h2 id="labs-heading">{t('app.labsHeading')}</h2>
      <ul className="lab-list">
        {[...engine().LABS.keys()].map((id) => (
          <LabCard key={id} labId={id} />
        ))}
      </ul>
    </section>
  );
}
