import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { initI18n, initialLanguage } from './i18n/i18n';
import { loadEngine } from './store/engine';
import { BootView } from './ui/boot/BootView';
import { parseRoute } from './ui/router/route';
import './ui/app.css';

const root = document.getElementById('root');
if (root) {
  // The app and the engine are chunks of their own, fetched side by side with the catalogs:
  // the topology is drawn from the lab's data as soon as the catalogs are in, and the whole app
  // takes over once both chunks have loaded.
  const ready = Promise.all([import('./ui/App'), loadEngine()]);
  const page = createRoot(root);
  let started = false;
  const route = parseRoute(location.search, location.hash);
  // A link's ?lang= is the app's to apply, but the sketch is read before the app is in.
  void initI18n(route.params.lang ?? initialLanguage()).then((i18n) => {
    document.documentElement.lang = i18n.language;
    void ready.then(([{ App }]) => {
      started = true;
      page.render(
        <StrictMode>
          <App />
        </StrictMode>,
      );
    });
    // Both chunks may already be cached (a reload): then the app renders without a sketch first.
    queueMicrotask(() => {
      if (!started)
        page.render(
          <StrictMode>
            <BootView route={route} />
          </StrictMode>,
        );
    });
  });
}
