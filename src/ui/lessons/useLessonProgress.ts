import { useEffect, useState } from 'react';
import { decodeProgress, emptyProgress, encodeProgress, progressKey } from '@/lessons/progress';
import type { LessonProgress } from '@/lessons/progress';
import { readItem, writeItem } from '@/store/safeStorage';
import { useStoreApi } from '@/store/useAppStore';
import { setSharedExtra } from '../session/bootSession';
import type { ActiveLesson, LessonRef } from './lessonSource';

/** A picked file travels in links only up to this size (minified JSON); the share string is bounded. */
const MAX_FILE_IN_LINK = 16_000;

function stored(active: ActiveLesson): LessonProgress | undefined {
  const { lab, id, steps } = active.lesson;
  try {
    return decodeProgress(JSON.parse(readItem(progressKey(lab, id)) ?? 'null'), steps.length);
  } catch {
    return undefined;
  }
}

function linkRef(ref: LessonRef): LessonRef | undefined {
  if ('i' in ref) return ref;
  try {
    const f = JSON.stringify(JSON.parse(ref.f));
    return f.length <= MAX_FILE_IN_LINK ? { f } : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A lesson's progress: restored from this browser (the student's own session) or from the link,
 * and kept in both as it changes. `fresh` is true when nothing was found: the lesson starts its lab.
 */
export function useLessonProgress(active: ActiveLesson, persist: boolean) {
  const store = useStoreApi();
  const [init] = useState(() => {
    const own = persist ? stored(active) : undefined;
    const found = own ?? active.progress;
    return { progress: found ?? emptyProgress(), fresh: found === undefined };
  });
  const [progress, setProgress] = useState<LessonProgress>(init.progress);
  const { lab, id } = active.lesson;

  useEffect(() => {
    const data = encodeProgress(progress);
    if (persist) writeItem(progressKey(lab, id), JSON.stringify(data));
    const ref = linkRef(active.ref);
    setSharedExtra(store, 'ls', ref ? { ...ref, ...data } : undefined);
  }, [progress, persist, lab, id, active.ref, store]);

  useEffect(() => () => setSharedExtra(store, 'ls', undefined), [store]);

  return { progress, setProgress, fresh: init.fresh };
}
