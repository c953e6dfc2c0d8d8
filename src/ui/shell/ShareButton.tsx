import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStoreApi } from '@/store/useAppStore';
import { linkFor } from '../session/addressBar';
import { useSession } from '../session/SessionContext';

/** "Share": the link to this exact lab (log, cursor, language, scheme) in a field, and on the clipboard. */
export function ShareButton() {
  const { t } = useTranslation();
  const store = useStoreApi();
  const { mode, params } = useSession();
  const [link, setLink] = useState<string | null>(null);
  const [copied, setCopied] = useState<boolean | null>(null);
  const field = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (link === null) return;
    field.current?.focus();
    field.current?.select();
  }, [link]);
  const share = () => {
    const url = linkFor(store, params, { embed: false });
    setLink(url);
    setCopied(null);
    const clip = globalThis.navigator?.clipboard;
    if (!clip) return setCopied(false);
    clip.writeText(url).then(
      () => setCopied(true),
      () => setCopied(false),
    );
  };
  return (
    <div className="share">
      <button type="button" onClick={share} aria-expanded={link !== null} data-mode={mode}>
        {t('share.button')}
      </button>
      {link !== null && (
        <div className="share-popover">
          <input
            ref={field}
            type="text"
            readOnly
            value={link}
            aria-label={t('share.link')}
            spellCheck={false}
          />
          <span role="status" className="muted">
            {copied === true ? t('share.copied') : copied === false ? t('share.copyFailed') : ''}
          </span>
          <button type="button" className="link-button" onClick={() => setLink(null)}>
            {t('share.close')}
          </button>
        </div>
      )}
    </div>
  );
}
