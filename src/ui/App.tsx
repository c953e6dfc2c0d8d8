import { lazy, Suspense, useEffect, useMemo } from 'react';
import { StoreProvider } from '@/store/StoreProvider';
import { MessageBridge } from './embed/MessageBridge';
import { LabErrorBoundary } from './errors/LabErrorBoundary';
import { SetAsideNotice } from './errors/SetAsideNotice';
import { StorageFullNotice } from './errors/StorageFullNotice';
import './errors/errors.css';
import { HomePage } from './home/HomePage';
import { LabView } from './LabView';
import { LessonLayout } from './lessons/LessonLayout';
import { useRoute } from './router/useRoute';
import { followInAddressBar } from './session/addressBar';
import { bootSession } from './session/bootSession';
import { ReplayGate } from './session/ReplayGate';
import { SessionContext } from './session/SessionContext';
import { AppHeader } from './shell/AppHeader';
import { HelpOverlay } from './shell/HelpOverlay';
import { PrefsEffects } from './shell/PrefsEffects';
import { TestApiBridge } from './shell/TestApiBridge';
import { UpdatePrompt } from './shell/UpdatePrompt';
import './shell/hosting.css';

const CompareView = lazy(() => import('./compare/CompareView').then((m) => ({ default: m.CompareView })));

/** The app shell: the session the URL names (its own store), a header unless embedded, and the page. */
export function App() {
  const route = useRoute();
  const session = useMemo(() => bootSession(route), [route]);
  const embed = session.mode === 'embed' || route.params.embed === true;
  const info = useMemo(() => ({ mode: session.mode, params: route.params }), [session.mode, route.params]);
  useEffect(
    () => (route.page === 'lab' ? followInAddressBar(session.store, session.mode) : undefined),
    [route.page, session],
  );
  return (
    <SessionContext.Provider value={info}>
      <StoreProvider key={session.key} store={session.store}>
        <PrefsEffects />
        <TestApiBridge />
        <div className={`app app-${route.page}${embed ? ' app-embed' : ''}`}>
          {!embed && <AppHeader route={route} />}
          {route.page === 'home' && <HomePage />}
          {route.page === 'lab' && (
            <LabErrorBoundary>
              <ReplayGate>
                {/* The lesson slot: a lesson player (or the lessons dock) beside the lab. */}
                <LessonLayout>
                  <LabView />
                </LessonLayout>
              </ReplayGate>
            </LabErrorBoundary>
          )}
          {route.page === 'compare' && (
            <Suspense fallback={null}>
              <CompareView paused={route.paused} embed={embed} />
            </Suspense>
          )}
        </div>
        <HelpOverlay />
        <UpdatePrompt />
        {!embed && <SetAsideNotice />}
        <StorageFullNotice />
        {route.page === 'lab' && <MessageBridge />}
      </StoreProvider>
    </SessionContext.Provider>
  );
}
