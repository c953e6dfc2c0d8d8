import { useTranslation } from 'react-i18next';
import { Link } from '../router/Link';
import { COMPARE_HREF } from '../router/route';
import { LabList } from './LabList';

/** The first page: pick a lab (or the side-by-side view). */
export function HomePage() {
  const { t } = useTranslation();
  return (
    <main id="main" className="home" tabIndex={-1}>
      <section className="hero">
        <h2>{t('app.tagline')}</h2>
        <p>{t('home.intro')}</p>
        <p className="muted">{t('home.bareHint')}</p>
      </section>
      <LabList />
      <section className="compare-card" aria-labelledby="compare-card-title">
        <h3 id="compare-card-title">{t('compare.title')}</h3>
        <p>{t('compare.summary')}</p>
        <Link className="button" href={COMPARE_HREF}>
          {t('home.openCompare')}
        </Link>
      </section>
    </main>
  );
}
