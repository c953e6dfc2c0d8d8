import { lazy, Suspense } from 'react';
import { StoreProvider } from '@/store/StoreProvider';
import type { StoreOptions } from '@/store/createAppStore';
import { HomePage } from './home/HomePage';
import { LabPage } from './LabPage';
import { useRoute } from './router/useRoute';
import { AppHeader } from './shell/AppHeader';
import { HelpOverlay } from './shell/HelpOverlay';
import { PrefsEffects } from './shell/PrefsEffects';
import { TestApiBridge } from './shell/TestApiBridge';

const CompareView = lazy(() => import('./compare/CompareView').then((m) => ({ default: m.CompareView })));

/** The app shell: one store for the page, a header, and the page the URL names. */
export function App() {
  const route = useRoute();
  const options: StoreOptions = {};
  if (route.page === 'lab') {
    options.labId = route.labId;
    if (route.paused) options.startPaused = true;
  }
  return (
    <StoreProvider options={options}>
      <PrefsEffects />
      <TestApiBridge />
      <div className={`app app-${route.page}`}>
        <AppHeader route={route} />
        {route.page === 'home' && <HomePage />}
        {route.page === 'lab' && <LabPage route={route} />}
        {route.page === 'compare' && (
          <Suspense fallback={null}>
            <CompareView paused={route.paused} />
          </Suspense>
        )}
      </div>
      <HelpOverlay />
    </StoreProvider>
  );
}
