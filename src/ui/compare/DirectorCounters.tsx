import { useTranslation } from 'react-i18next';
import { useStoreApi } from '@/store/useAppStore';
import { formatBytes, formatMicros } from '../format';
import { useDirectorLoad } from './useDirectorLoad';

/** Packets and bytes through this lab's director so far. */
export function DirectorCounters() {
  const { t } = useTranslation();
  const load = useDirectorLoad(useStoreApi());
  return (
    <dl className="director-counters">
      <div>
        <dt>{t('compare.rx')}</dt>
        <dd data-counter="rx">
          {t('compare.packets', { count: load.rxPackets })} · {formatBytes(load.rxBytes)}
        </dd>
      </div>
      <div>
        <dt>{t('compare.tx')}</dt>
        <dd data-counter="tx">
          {t('compare.packets', { count: load.txPackets })} · {formatBytes(load.txBytes)}
        </dd>
      </div>
      <div>
        <dt>{t('compare.busy')}</dt>
        <dd data-counter="busy">{formatMicros(load.busyUs)}</dd>
      </div>
    </dl>
  );
}
