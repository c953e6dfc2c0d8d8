import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LabId } from '@/engine';
import { useStoreApi } from '@/store/useAppStore';
import { downloadText, labLogText } from '../errors/download';
import { dropKept, readKept, saveKept, sameWork, workIn } from './keptWork';
import type { KeptWork } from './keptWork';

/** Work set aside for a lesson's lab: whose it is (the student's earlier work, or the lesson's). */
export interface Kept {
  work: KeptWork;
  which: 'earlier' | 'lesson';
}

/**
 * `guard(load)` runs a lab load that may replace the lab's work and sets that work aside when it
 * did; `restore` swaps the set-aside work back in (setting the current work aside), so nothing is lost.
 */
export function useKeptWork(lab: LabId) {
  const store = useStoreApi();
  const [kept, setKept] = useState<Kept | null>(() => {
    const work = readKept(lab);
    return work ? { work, which: 'earlier' } : null;
  });

  const guard = useCallback(
    (load: () => void) => {
      const before = workIn(store.getState(), lab);
      load();
      if (before && !sameWork(before, workIn(store.getState(), lab))) {
        saveKept(before);
        setKept({ work: before, which: 'earlier' });
      }
    },
    [store, lab],
  );

  const restore = () => {
    if (!kept) return;
    const s = store.getState();
    const now = workIn(s, lab);
    const { labId: _lab, ...w } = kept.work;
    s.loadLab(lab, { ...w, log: [...w.log] });
    if (now) saveKept(now);
    else dropKept(lab);
    setKept(now ? { work: now, which: kept.which === 'earlier' ? 'lesson' : 'earlier' } : null);
  };

  const dismiss = () => {
    dropKept(lab);
    setKept(null);
  };

  return { kept, guard, restore, dismiss };
}

export type KeptWorkApi = ReturnType<typeof useKeptWork>;

/** "Your earlier work in this lab was kept": restore it, download it, or let it go. */
export function KeptWorkNotice({ k }: { k: KeptWorkApi }) {
  const { t } = useTranslation();
  if (!k.kept) return null;
  const { work, which } = k.kept;
  const vars = { lab: work.labId, count: work.log.length };
  return (
    <div className="lesson-kept" role="status">
      <p>{t(which === 'earlier' ? 'lesson.keptEarlier' : 'lesson.keptLesson', vars)}</p>
      <button type="button" onClick={k.restore}>
        {t(which === 'earlier' ? 'lesson.restoreEarlier' : 'lesson.restoreLesson')}
      </button>
      <button
        type="button"
        onClick={() => downloadText(`lvs-lab-${work.labId}-kept-work.json`, labLogText(work))}
      >
        {t('lesson.downloadKept')}
      </button>
      <button type="button" className="quiet" onClick={k.dismiss}>
        {t('lesson.dismissKept')}
      </button>
    </div>
  );
}
