import { StrictMode } from 'react';
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import { keepEarlyMessages } from './embed/earlyMessages';
import { initI18n, initialLanguage } from './i18n/i18n';
import { loadEngine } from './store/engine';
import { BootView } from './ui/boot/BootView';
import { parseRoute } from './ui/router/route';
import './ui/app.css';

/** Run `fn` once the next frame has been painted (or soon, in a hidden tab that paints none). */
function afterPaint(fn: () => void): void {
  let done = false;
  const go = () => {
    if (done) return;
    done = true;
    fn();
  };
  requestAnimationFrame(() => setTimeout(go, 0));
  setTimeout(go, 100);
}

// A course page may post before the app (and its message bridge) has loaded: keep what it sends.
if (window.parent !== window) keepEarlyMessages(window);

const root = document.getElementById('root');
if (root) {
  // The topology is drawn from the lab's data as soon as the catalogs are in (index.html preloads
  // English); the app and the engine, chunks of their own, are asked for right after and take over
  // once both have loaded. Asked for side by side with the catalogs, the two large chunks were
  // fetched and evaluated first, and the sketch waited for them.
  const route = parseRoute(location.search, location.hash);
  const page = createRoot(root);
  // A link's ?lang= is the app's to apply, but the sketch is read before the app is in.
  void initI18n(route.params.lang ?? initialLanguage()).then((i18n) => {
    document.documentElement.lang = i18n.language;
    // The sketch at once, in this task: rendered in a task of React's scheduler, it came after the
    // chunks' requests (a preload link per dependency) and whatever task ran between.
    try {
      flushSync(() =>
        page.render(
          <StrictMode>
            <BootView route={route} />
          </StrictMode>,
        ),
      );
    } catch (e) {
      reportError(e); // a sketch that fails must not keep the app from loading
    }
    // Then the chunks, still before the sketch's first paint: they are fetched while it paints.
    const ready = Promise.all([import('./ui/App'), loadEngine()]);
    void ready.then(([{ App }]) =>
      // After the sketch's first paint, even when both chunks were cached (a reload): the app's
      // first render replays a saved log (in the page, its first chunk at once) and mounts every panel.
      afterPaint(() =>
        page.render(
          <StrictMode>
            <App />
          </StrictMode>,
        ),
      ),
    );
  });
}
