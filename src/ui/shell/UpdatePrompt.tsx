import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { registerSW } from 'virtual:pwa-register';

let update: ((reload?: boolean) => Promise<void>) | undefined;
const waiting = new Set<() => void>();
let needed = false;

/** Register the service worker once per page (builds without one register a no-op). */
function register(): void {
  if (update || !('serviceWorker' in navigator) || location.protocol === 'file:') return;
  update = registerSW({
    onNeedRefresh() {
      needed = true;
      for (const w of waiting) w();
    },
  });
}

/** "Update available — Reload": a new version was installed in the background. */
export function UpdatePrompt() {
  const { t } = useTranslation();
  const [show, setShow] = useState(needed);
  useEffect(() => {
    register();
    const on = () => setShow(true);
    waiting.add(on);
    return () => void waiting.delete(on);
  }, []);
  if (!show) return null;
  return (
    <div className="update-prompt" role="alert">
      <span>{t('update.available')}</span>
      <button type="button" className="primary" onClick={() => void update?.(true)}>
        {t('update.reload')}
      </button>
      <button type="button" className="quiet" onClick={() => setShow(false)}>
        {t('update.later')}
      </button>
    </div>
  );
}
