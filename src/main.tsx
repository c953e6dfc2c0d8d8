import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { initI18n } from './i18n/i18n';
import { App } from './ui/App';
import './ui/app.css';

const root = document.getElementById('root');
if (root) {
  void initI18n().then((i18n) => {
    document.documentElement.lang = i18n.language;
    createRoot(root).render(
      <StrictMode>
        <App />
      </StrictMode>,
    );
  });
}
