import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { initI18n } from './i18n/i18n';
import { loadEngine } from './store/engine';
import { App } from './ui/App';
import './ui/app.css';

const root = document.getElementById('root');
if (root) {
  // The catalogs and the engine chunk load side by side; the app renders once both are in.
  void Promise.all([initI18n(), loadEngine()]).then(([i18n]) => {
    document.documentElement.lang = i18n.language;
    createRoot(root).render(
      <StrictMode>
        <App />
      </StrictMode>,
    );
  });
}
