import { lazy, Suspense, useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { issueText } from '@/lessons';
import type { LessonIssue } from '@/lessons';
import { decodeLab } from '@/store/share';
import { useStoreApi } from '@/store/useAppStore';
import { sharedExtra } from '../session/bootSession';
import { useSession } from '../session/SessionContext';
import { formatUrlParams } from '@/embed/urlParams';
import { useCompareSides } from './compareSides';
import { LessonChooser } from './LessonChooser';
import { fetchLesson, openShared, openShipped } from './lessonSource';
import type { ActiveLesson, Opened } from './lessonSource';

// The player (with its Markdown renderer and sanitiser) loads only when a lesson is open: most
// visits have none, and the topology should not wait for it.
const LessonPlayer = lazy(() => import('./LessonPlayer').then((m) => ({ default: m.LessonPlayer })));

interface Shown {
  active: ActiveLesson | null;
  errors: LessonIssue[] | null;
  /** Bumped per opened lesson: the player starts afresh. */
  n: number;
}

/** A link's progress goes with the lesson it names (the same id), never with another one. */
function withLinkProgress(o: Opened, linked: Opened | undefined): Opened {
  if (!o.ok || !linked?.ok || linked.active.lesson.id !== o.active.lesson.id || !linked.active.progress)
    return o;
  return { ok: true, active: { ...o.active, progress: linked.active.progress } };
}

/** The file's problems in the reader's language (the catalogs' `lessonErrors`). */
function LessonErrors({ errors, onClose }: { errors: LessonIssue[]; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <aside className="lesson-errors panel" role="alert" aria-label={t('lesson.errorsTitle')}>
      <h2>{t('lesson.errorsTitle')}</h2>
      <ul>
        {errors.slice(0, 20).map((e, i) => (
          <li key={i}>
            <code>{issueText(e, (k, v) => t(k, v))}</code>
          </li>
        ))}
      </ul>
      {errors.length > 20 && <p>{t('lesson.moreErrors', { count: errors.length - 20 })}</p>}
      <button type="button" onClick={onClose}>
        {t('lesson.close')}
      </button>
    </aside>
  );
}

/**
 * What sits beside the lab: the lesson player, else the chooser (not in embed mode), and any
 * lesson file's errors. Which lesson: `lesson=`, `lesson-url=`, or the share string's `ls` field.
 * It tells the layout whether a lesson is open, so the lab makes room for the player.
 */
export function LessonSide({
  onActive,
  chooser = true,
}: {
  onActive: (active: boolean) => void;
  chooser?: boolean;
}) {
  const { mode, params } = useSession();
  const sides = useCompareSides();
  const store = useStoreApi();
  const [shown, setShown] = useState<Shown>(() => {
    const ls = sharedExtra(store)?.ls ?? (params.state ? decodeLab(params.state)?.extra?.ls : undefined);
    const linked = openShared(ls);
    let o: Opened | undefined;
    if (params.lessonUrl !== undefined) o = undefined;
    else if (params.lesson !== undefined) o = withLinkProgress(openShipped(params.lesson), linked);
    else o = linked;
    return { active: o?.ok ? o.active : null, errors: o && !o.ok ? o.issues : null, n: 0 };
  });

  const open = useCallback((o: Opened) => {
    setShown((s) => (o.ok ? { active: o.active, errors: null, n: s.n + 1 } : { ...s, errors: o.issues }));
  }, []);

  useEffect(() => {
    const url = params.lessonUrl;
    if (url === undefined) return undefined;
    let live = true;
    const ls = params.state ? decodeLab(params.state)?.extra?.ls : undefined;
    void fetchLesson(url, location.href).then((o) => {
      if (live) open(withLinkProgress(o, openShared(ls)));
    });
    return () => {
      live = false;
    };
  }, [params.lessonUrl, params.state, open]);

  const { active, errors, n } = shown;
  useEffect(() => onActive(active !== null), [active, onActive]);
  // A lesson written for the side-by-side view is played there: this page hands over to it.
  const elsewhere = active?.lesson.view === 'compare' && !sides;
  useEffect(() => {
    if (elsewhere)
      location.replace(formatUrlParams({ ...params, view: 'compare', lesson: active.lesson.id }));
  }, [elsewhere, params, active]);
  if (elsewhere) return null;
  return (
    <>
      {active ? (
        <Suspense fallback={null}>
          <LessonPlayer key={n} active={active} onClose={() => setShown((s) => ({ ...s, active: null }))} />
        </Suspense>
      ) : (
        chooser && mode !== 'embed' && <LessonChooser onOpen={open} />
      )}
      {errors && <LessonErrors errors={errors} onClose={() => setShown((s) => ({ ...s, errors: null }))} />}
    </>
  );
}
