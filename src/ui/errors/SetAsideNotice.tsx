import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { discardSetAside, readSetAside } from '@/store/corruptSaves';
import { downloadText } from './download';

/**
 * Saved work that could not be read was set aside at load (the other labs opened normally): say
 * so, offer it as a file, and let the user discard it. Shown until one of those is done.
 */
export function SetAsideNotice() {
  const { t } = useTranslation();
  const [items, setItems] = useState(readSetAside);
  if (items.length === 0) return null;
  const labs = [...new Set(items.map((i) => (i.labId === 'unknown' ? t('recovery.unknownLab') : i.labId)))];
  return (
    <div className="recovery-notice" role="alert">
      <span>{t('recovery.setAside', { count: items.length, labs: labs.join(', ') })}</span>
      <button
        type="button"
        onClick={() => downloadText('lvs-lab-unreadable-save.json', `${JSON.stringify(items, null, 2)}\n`)}
      >
        {t('recovery.download')}
      </button>
      <button
        type="button"
        className="quiet"
        onClick={() => {
          discardSetAside();
          setItems([]);
        }}
      >
        {t('recovery.discard')}
      </button>
    </div>
  );
}
