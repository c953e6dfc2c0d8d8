import { useRef } from 'react';
import type { CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import { EventList } from './events/EventList';
import { InspectorPanel } from './inspector/InspectorPanel';
import { PANEL_SPLITS } from './layout/panelSizes';
import type { PanelSplit } from './layout/panelSizes';
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

/** The panel each separator sizes (its id). */
const SPLIT_CONTROLS: Record<PanelSplit, string> = {
  inspector: 'lab-inspector',
  top: 'lab-stage',
  events: 'lab-events',
};

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
    ? (Object.fromEntries(PANEL_SPLITS.map((s) => [`--split-${s}`, `${sizes[s]}%`])) as CSSProperties)
    : undefined;
  // Each separator sits in the DOM (and the tab order) just before or after the panel it sizes.
  const splitter = (split: PanelSplit) =>
    all && (
      <PanelSplitter
        split={split}
        value={sizes[split]}
        onChange={(v) => setSize(split, v)}
        area={area}
        controls={SPLIT_CONTROLS[split]}
      />
    );
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
      {splitter('inspector')}
      {tabs.length > 0 && (
        <aside id="lab-inspector" className="inspector panel" aria-label={t('inspector.label')}>
          <InspectorPanel tabs={tabs} />
        </aside>
      )}
      {splitter('top')}
      {panels.includes('events') && (
        <section id="lab-events" className="events panel" aria-label={t('events.label')}>
          <EventList />
        </section>
      )}
      {splitter('events')}
      {panels.includes('terminal') && (
        <section id="lab-terminals" className="terminals panel" aria-label={t('terminal.label')}>
          <TerminalPanel />
        </section>
      )}
    </main>
  );
}
