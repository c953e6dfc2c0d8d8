import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { createAppStore } from '@/store/createAppStore';
import type { AppStore } from '@/store/createAppStore';
import { StoreProvider } from '@/store/StoreProvider';
import { registerCompareStores } from '../shell/testApiRegistry';
import { ComparePane } from './ComparePane';
import { CompareToolbar } from './CompareToolbar';
import { useSession } from '../session/SessionContext';
import { CompareLesson } from './CompareLesson';
import { LoadComparison } from './LoadComparison';

/** For instructors: NAT and DR side by side, the same requests sent to both, the directors' load compared. */
export function CompareView({ paused, embed = false }: { paused: boolean; embed?: boolean }) {
  const { t } = useTranslation();
  // Embedded, the panes keep their state in memory: apart from the full app and other embeds.
  const [stores] = useState<[AppStore, AppStore]>(() => [
    createAppStore({ persistKey: embed ? null : 'lvs-lab.compare.nat', labId: 'nat', startPaused: paused }),
    createAppStore({ persistKey: embed ? null : 'lvs-lab.compare.dr', labId: 'dr', startPaused: paused }),
  ]);
  useEffect(() => registerCompareStores(stores), [stores]);
  const { params } = useSession();
  const [withLesson, setWithLesson] = useState(false);
  const view = (
    <main id="main" className="compare-view" tabIndex={-1}>
      <div className="compare-head">
        <h2>{t('compare.title')}</h2>
        <p className="lab-summary">{t('compare.summary')}</p>
        <CompareToolbar stores={stores} />
      </div>
      <div className="compare-panes">
        {stores.map((s) => (
          <StoreProvider key={s.getState().spec.labId} store={s}>
            <ComparePane />
          </StoreProvider>
        ))}
      </div>
      <LoadComparison stores={stores} />
    </main>
  );
  if (params.lesson === undefined) return view;
  return (
    <div className={`lesson-layout${withLesson ? ' with-lesson' : ''}`}>
      {view}
      <CompareLesson stores={stores} onActive={setWithLesson} />
    </div>
  );
}
