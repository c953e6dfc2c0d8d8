import { useRef } from 'react';
import type { CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import { EventList } from './events/EventList';
import { InspectorPanel } from './inspector/InspectorPanel';
import { PanelSplitter } from './panels/PanelSplitter';
import { usePanelSizes } from './panels/usePanelSizes';
import { usePlaybackLoop } from './playback/usePlaybackLoop';
import { useKeyboardShortcuts } from './playback/useKeyboardShortcuts';
import { PlaybackBar } from './playback/PlaybackBar';
import { usePanels } from './session/SessionContext';
import { LabToolbar } from './shell/LabToolbar';
import { TerminalPanel } from './terminal/TerminalPanel';
import { TopologyCanvas } from './topology/TopologyCanvas';

const INSPECTOR_TABS = ['packet', 'hooks', 'scheduler', 'controls'] as const;

/**
 * One lab on screen: the topology with its playback bar and the inspector on top, the events and
 * the terminals below. With every panel shown, three separators resize them (pointer or keys);
 * the sizes are kept per colour scheme across reloads (app.css lays the grid out from them).
 */
export function LabView() {
  const { t } = useTranslation();
  const panels = usePanels();
  const area = useRef<HTMLElement>(null);
  const { sizes, setSize } = usePanelSizes();
  usePlaybackLoop();
  useKeyboardShortcuts();
  const tabs = INSPECTOR_TABS.filter((p) => panels.includes(p));
  const all = panels.length === 6;
  const style = all
    ? ({
        '--split-top': `${sizes.top}%`,
        '--split-events': `${sizes.events}%`,
        '--split-inspector': `${sizes.inspector}%`,
      } as CSSProperties)
    : undefined;
  return (
    <main
      id="main"
      ref={area}
      className={`lab-view${all ? '' : ' lab-view-some'}`}
      tabIndex={-1}
      data-panels={panels.join(',')}
      style={style}
    >
      <section id="lab-stage" className="stage panel" aria-label={t('stage.label')}>
        <LabToolbar />
        <TopologyCanvas />
        <PlaybackBar />
      </section>
      {all && (
        <PanelSplitter
          split="inspector"
          value={sizes.inspector}
          onChange={(v) => setSize('inspector', v)}
          area={area}
          controls="lab-inspector"
        />
      )}
      {tabs.length > 0 && (
        <aside id="lab-inspector" className="inspector panel" aria-label={t('inspector.label')}>
          <InspectorPanel tabs={tabs} />
        </aside>
      )}
      {all && (
        <PanelSplitter
          split="top"
          value={sizes.top}
          onChange={(v) => setSize('top', v)}
          area={area}
          controls="lab-stage"
        />
      )}
      {panels.includes('events') && (
        <section id="lab-events" className="events panel" aria-label={t('events.label')}>
          <EventList />
        </section>
      )}
      {all && (
        <PanelSplitter
          split="events"
          value={sizes.events}
          onChange={(v) => setSize('events', v)}
          area={area}
          controls="lab-events"
        />
      )}
      {panels.includes('terminal') && (
        <section id="lab-terminals" className="terminals panel" aria-label={t('terminal.label')}>
          <TerminalPanel />
        </section>
      )}
    </main>
  );
}
