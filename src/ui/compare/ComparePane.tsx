import { useTranslation } from 'react-i18next';
import { useLab } from '../hooks/useLab';
import { PlaybackBar } from '../playback/PlaybackBar';
import { usePlaybackLoop } from '../playback/usePlaybackLoop';
import { TopologyCanvas } from '../topology/TopologyCanvas';
import { DirectorCounters } from './DirectorCounters';

/** One lab of the side-by-side view: its topology, its own playback, and its director's counters. */
export function ComparePane() {
  const { t } = useTranslation();
  const { def } = useLab();
  usePlaybackLoop();
  return (
    <section className="compare-pane panel" aria-labelledby={`pane-${def.id}`} data-lab={def.id}>
      <h3 id={`pane-${def.id}`}>{t(`lab.${def.id}.name`)}</h3>
      <TopologyCanvas compact />
      <PlaybackBar />
      <DirectorCounters />
    </section>
  );
}
