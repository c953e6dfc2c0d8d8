import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStoreApi } from '@/store/useAppStore';
import { linkFor } from '../session/addressBar';
import { useSession } from '../session/SessionContext';

/** In an embed: open the same lab, same state, as the full app in a new tab. */
export function OpenFullLab() {
  const { t } = useTranslation();
  const store = useStoreApi();
  const { params } = useSession();
  const [href, setHref] = useState(() => linkFor(store, params, { embed: false }));
  const refresh = () => setHref(linkFor(store, params, { embed: false }));
  return (
    <a
      className="open-full"
      href={href}
      target="_blank"
      rel="noopener"
      onPointerDown={refresh}
      onFocus={refresh}
    >
      {t('embed.openFull')}
    </a>
  );
}
