import { useTranslation } from 'react-i18next';
import { EventList } from './events/EventList';
import { InspectorPanel } from './inspector/InspectorPanel';
import { usePlaybackLoop } from './playback/usePlaybackLoop';
import { useKeyboardShortcuts } from './playback/useKeyboardShortcuts';
import { PlaybackBar } from './playback/PlaybackBar';
import { LabToolbar } from './shell/LabToolbar';
import { TerminalPanel } from './terminal/TerminalPanel';
import { TopologyCanvas } from './topology/TopologyCanvas';

/** One lab on screen: the topology with its playback bar, the inspector, events and terminals. */
export function LabView() {
  const { t } = useTranslation();
  usePlaybackLoop();
  useKeyboardShortcuts();
  return (
    <main id="main" className="lab-view" tabIndex={-1}>
      <section className="stage panel" aria-label={t('stage.label')}>
        <LabToolbar />
        <TopologyCanvas />
        <PlaybackBar />
      </section>
      <aside className="inspector panel" aria-label={t('inspector.label')}>
        <InspectorPanel />
      </aside>
      <section className="events panel" aria-label={t('events.label')}>
        <EventList />
      </section>
      <section className="terminals panel" aria-label={t('terminal.label')}>
        <TerminalPanel />
      </section>
    </main>
  );
}
