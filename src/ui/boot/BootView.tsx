import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Route } from '../router/route';
import { bootLabOf } from './bootLab';
import { LabSketch } from './LabSketch';
import './boot.css';

/**
 * The page while the engine's chunk loads: the lab's topology drawn from its data at once, and
 * in place of the controls (terminals, playback, inspector) a busy notice that they are loading.
 * The whole app replaces it as soon as the engine is in.
 */
export function BootView({ route }: { route: Route }) {
  const { t } = useTranslation();
  const def = useMemo(() => bootLabOf(route), [route]);
  const embed = route.params.embed === true;
  return (
    <div className={`app app-${route.page} app-boot${embed ? ' app-embed' : ''}`}>
      {!embed && (
        <header className="app-header">
          <h1 className="brand">{t('app.title')}</h1>
        </header>
      )}
      <main id="main" className="boot-view" tabIndex={-1}>
        <section className="stage panel" aria-label={t('stage.label')}>
          {def && <LabSketch def={def} />}
        </section>
        <section className="boot-controls panel" aria-label={t('boot.controls')} aria-busy="true">
          <p role="status" aria-live="polite">
            {t('boot.loading')}
          </p>
        </section>
      </main>
    </div>
  );
}
