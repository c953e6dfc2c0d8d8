import { useTranslation } from 'react-i18next';
import { useAppStore } from '@/store/useAppStore';
import { useLab } from '../hooks/useLab';
import { Icon } from '../Icon';
import { useSession } from '../session/SessionContext';
import { TabNotice } from '../session/TabNotice';
import { LinkNotice } from './LinkNotice';
import { NoticeLine } from './NoticeLine';
import { OpenFullLab } from './OpenFullLab';
import { ShareButton } from './ShareButton';

/** The one big button (send a request), its many-requests sibling, and the lab's status. */
export function LabToolbar() {
  const { t } = useTranslation();
  const { def } = useLab();
  const sendRequest = useAppStore((s) => s.sendRequest);
  const resetLab = useAppStore((s) => s.resetLab);
  const requests = useAppStore((s) => s.spec.log.length);
  const bare = useAppStore((s) => s.spec.bare);
  const embed = useSession().mode === 'embed';
  return (
    <div className="lab-toolbar">
      <div className="lab-title">
        <h2>
          {t(`lab.${def.id}.name`)}
          {bare && <span className="badge">{t('toolbar.bareBadge')}</span>}
        </h2>
        <p className="lab-summary">{t(`lab.${def.id}.summary`)}</p>
      </div>
      <div className="toolbar-actions">
        <button
          type="button"
          className="primary send-button"
          aria-keyshortcuts="s"
          onClick={() => sendRequest(1)}
        >
          <Icon name="play" />
          {t('toolbar.send', { vip: def.vip })}
        </button>
        <button type="button" onClick={() => sendRequest(100)}>
          {t('toolbar.send100')}
        </button>
        <button
          type="button"
          className="quiet"
          onClick={() => resetLab({ bare: false })}
          disabled={requests === 0 && !bare}
        >
          {t('toolbar.reset')}
        </button>
        <button
          type="button"
          className="quiet"
          onClick={() => resetLab({ bare: true })}
          disabled={requests === 0 && bare}
        >
          {t('toolbar.resetBare')}
        </button>
        {embed ? <OpenFullLab /> : <ShareButton />}
      </div>
      <LinkNotice />
      <TabNotice />
      <NoticeLine />
    </div>
  );
}
