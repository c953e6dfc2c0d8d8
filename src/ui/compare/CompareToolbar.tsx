import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import type { AppStore } from '@/store/createAppStore';
import { sessionOf } from '@/store/createAppStore';
import { largeLoadCommands } from './largeLoad';

/** One set of buttons driving both labs, so both see exactly the same requests. */
export function CompareToolbar({ stores }: { stores: [AppStore, AppStore] }) {
  const { t } = useTranslation();
  const playingA = useStore(stores[0], (s) => s.playing);
  const playingB = useStore(stores[1], (s) => s.playing);
  const playing = playingA || playingB;
  const all = (f: (s: ReturnType<AppStore['getState']>) => void) => stores.forEach((s) => f(s.getState()));
  return (
    <div className="toolbar-actions" role="group" aria-label={t('compare.controls')}>
      <button type="button" className="primary" onClick={() => all((s) => s.sendRequest(1))}>
        {t('compare.send1')}
      </button>
      <button type="button" onClick={() => all((s) => s.sendRequest(10))}>
        {t('compare.send10')}
      </button>
      <button type="button" onClick={() => all((s) => s.sendRequest(100))}>
        {t('compare.send100')}
      </button>
      <button
        type="button"
        onClick={() =>
          stores.forEach((st) =>
            st.getState().runCommands(largeLoadCommands(sessionOf(st).view.def, st.getState().spec.log, 10)),
          )
        }
      >
        {t('compare.sendLarge')}
      </button>
      <button type="button" onClick={() => all((s) => (playing ? s.pause() : s.play()))}>
        {playing ? t('compare.pauseBoth') : t('compare.playBoth')}
      </button>
      <button type="button" className="quiet" onClick={() => all((s) => s.resetLab())}>
        {t('compare.reset')}
      </button>
    </div>
  );
}
