import { useTranslation } from 'react-i18next';
import { EventList } from './events/EventList';
import { InspectorPanel } from './inspector/InspectorPanel';
import { usePlaybackLoop } from './playback/usePlaybackLoop';
import { useKeyboardShortcuts } from './playback/useKeyboardShortcuts';
import { PlaybackBar } from './playback/PlaybackBar';
import { usePanels } from './session/SessionContext';
import { LabToolbar } from './shell/LabToolbar';
import { TerminalPanel } from './terminal/TerminalPanel';
import { TopologyCanvas } from './topology/TopologyCanvas';

const INSPECTOR_TABS = ['packet', 'hooks', 'scheduler', 'controls'] as const;

/** One lab on screen: the topology with its playback bar, the inspector, events and terminals. */
export function LabView() {
  const { t } = useTranslation();
  const panels = usePanels();
  usePlaybackLoop();
  useKeyboardShortcuts();
  const tabs = INSPECTOR_TABS.filter((p) => panels.includes(p));
  const all = panels.length === 6;
  return (
    <main
      id="main"
      className={`lab-view${all ? '' : ' lab-view-some'}`}
      tabIndex={-1}
      data-panels={panels.join(',')}
    >
      <section className="stage panel" aria-label={t('stage.label')}>
        <LabToolbar />
        <TopologyCanvas />
        <PlaybackBar />
      </section>
      {tabs.length > 0 && (
        <aside className="inspector panel" aria-label={t('inspector.label')}>
          <InspectorPanel tabs={tabs} />
        </aside>
      )}
      {panels.includes('events') && (
        <section className="events panel" aria-label={t('events.label')}>
          <EventList />
        </section>
      )}
      {panels.includes('terminal') && (
        <section className="terminals panel" aria-label={t('terminal.label')}>
          <TerminalPanel />
        </section>
      )}
    </main>
  );
}
