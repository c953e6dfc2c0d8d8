import { lazy, Suspense, useEffect, useRef } from 'react';
import type { KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppStore } from '@/store/useAppStore';
import type { InspectorTab } from '@/store/types';
import { PacketInspector } from './PacketInspector';

// The other tabs are fetched just after the first paint (the packet tab is what a first visit
// shows), so opening one never waits on the network.
const loaders = {
  hooks: () => import('./HookLanePanel').then((m) => ({ default: m.HookLanePanel })),
  scheduler: () => import('../scheduler/SchedulerPanel').then((m) => ({ default: m.SchedulerPanel })),
  controls: () => import('../controls/ControlsPanel').then((m) => ({ default: m.ControlsPanel })),
};
const HookLanePanel = lazy(loaders.hooks);
const SchedulerPanel = lazy(loaders.scheduler);
const ControlsPanel = lazy(loaders.controls);

const ALL_TABS: readonly InspectorTab[] = ['packet', 'hooks', 'scheduler', 'controls'];

/** The right-hand panel: one tab per question (what is in this frame, where is it, who was picked, what can I change). */
export function InspectorPanel({ tabs: TABS = ALL_TABS }: { tabs?: readonly InspectorTab[] }) {
  const { t } = useTranslation();
  const chosen = useAppStore((s) => s.inspectorTab);
  // An embed showing only some tabs opens on the first of them.
  const tab = TABS.includes(chosen) ? chosen : TABS[0]!;
  const setTab = useAppStore((s) => s.setInspectorTab);
  const refs = useRef<(HTMLButtonElement | null)[]>([]);
  useEffect(() => {
    const id = setTimeout(() => Object.values(loaders).forEach((load) => void load()), 200);
    return () => clearTimeout(id);
  }, []);
  const onKey = (e: KeyboardEvent, i: number) => {
    const d = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
    if (!d) return;
    e.preventDefault();
    const j = (i + d + TABS.length) % TABS.length;
    setTab(TABS[j]!);
    refs.current[j]?.focus();
  };
  return (
    <div className="inspector-panel">
      <div role="tablist" aria-label={t('inspector.label')} className="tabs">
        {TABS.map((id, i) => (
          <button
            key={id}
            ref={(el) => {
              refs.current[i] = el;
            }}
            type="button"
            role="tab"
            id={`tab-${id}`}
            aria-selected={tab === id}
            aria-controls={`panel-${id}`}
            tabIndex={tab === id ? 0 : -1}
            onClick={() => setTab(id)}
            onKeyDown={(e) => onKey(e, i)}
          >
            {t(`inspector.tab.${id}`)}
          </button>
        ))}
      </div>
      <div
        role="tabpanel"
        id={`panel-${tab}`}
        aria-labelledby={`tab-${tab}`}
        className="tab-panel"
        tabIndex={0}
      >
        <Suspense fallback={<p className="muted">…</p>}>
          {tab === 'packet' && <PacketInspector />}
          {tab === 'hooks' && <HookLanePanel />}
          {tab === 'scheduler' && <SchedulerPanel />}
          {tab === 'controls' && <ControlsPanel />}
        </Suspense>
      </div>
    </div>
  );
}
