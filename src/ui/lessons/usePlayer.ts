import { useCallback, useEffect, useRef, useState } from 'react';
import { labSize } from '@/lessons';
import type { Step, Window } from '@/lessons';
import type { LessonProgress } from '@/lessons/progress';
import { postLessonMessage } from '@/embed/lessonPost';
import type { LessonMessage } from '@/embed/messages';
import { useStore } from 'zustand';
import { useAppStore, useStoreApi } from '@/store/useAppStore';
import { useSession } from '../session/SessionContext';
import { useCompareSides } from './compareSides';
import { checkHolds, rightChoices, sameCommand } from './judge';
import { useKeptWork } from './KeptWorkNotice';
import type { ActiveLesson } from './lessonSource';
import { useLessonProgress } from './useLessonProgress';
import { useLessonRun } from './useLessonRun';

/** What the last action on a step found, for the live region and the step's own display. */
export type Feedback =
  | { step: number; kind: 'passed' | 'failed' | 'ran' }
  | { step: number; kind: 'right' | 'wrong'; right: number[]; choice: number };

const add = (list: number[], i: number) => (list.includes(i) ? list : [...list, i].sort((a, b) => a - b));

/** The lesson player's state and actions: progress, navigation, "do it for me", checks, predictions. */
export function usePlayer(active: ActiveLesson) {
  const { lesson } = active;
  const { mode, params } = useSession();
  const store = useStoreApi();
  const sides = useCompareSides();
  const natLog = useAppStore((s) => s.spec.log);
  const drLog = useStore(sides?.dr ?? store, (s) => s.spec.log);
  const { progress, setProgress, fresh } = useLessonProgress(active, mode === 'main');
  const { run, busy } = useLessonRun();
  const kept = useKeptWork(lesson.lab);
  const [feedback, setFeedback] = useState<Feedback | null>(null);
  const index = progress.step;
  const step: Step = lesson.steps[index]!;
  const steps = lesson.steps.length;

  const post = useCallback(
    (m: Omit<LessonMessage, 'type' | 'lesson' | 'steps' | 'kind'> & { kind?: string }) =>
      postLessonMessage(window, params.origin, document.referrer, {
        type: 'lvs-lab:lesson',
        lesson: lesson.id,
        steps: lesson.steps.length,
        kind: m.kind ?? lesson.steps[m.step]!.kind,
        ...m,
      }),
    [params.origin, lesson],
  );

  const update = useCallback(
    (f: (p: LessonProgress) => LessonProgress) => setProgress((p) => f(p)),
    [setProgress],
  );
  const pass = useCallback(
    (i: number) => {
      update((p) => (p.passed.includes(i) ? p : { ...p, passed: add(p.passed, i) }));
    },
    [update],
  );

  // Report passes once each, as they happen (restored ones are not news).
  const reported = useRef(new Set(progress.passed));
  useEffect(() => {
    for (const i of progress.passed)
      if (!reported.current.has(i)) {
        reported.current.add(i);
        post({ event: 'passed', step: i });
      }
  }, [progress.passed, post]);
  useEffect(() => {
    post({ event: 'step', step: index });
  }, [index, post]);

  const runSetup = (i: number, p: LessonProgress) => {
    const st = lesson.steps[i];
    if (st?.kind !== 'setup' || p.done.includes(i)) return;
    update((q) => ({ ...q, done: add(q.done, i), passed: add(q.passed, i) }));
    run(st.commands, () => setFeedback({ step: i, kind: 'ran' }));
  };

  // A fresh lesson opens its own lab (bare or configured, as the lesson says), once; work it
  // replaces is set aside, never lost.
  const started = useRef(false);
  useEffect(() => {
    if (started.current) return;
    started.current = true;
    const s = store.getState();
    const size = labSize(lesson);
    kept.guard(() => {
      if (fresh) s.loadLab(lesson.lab, { bare: lesson.bare, ...size, fresh: true });
      else if (s.spec.labId !== lesson.lab) s.loadLab(lesson.lab, { bare: lesson.bare, ...size });
      // The compare view's DR side opens afresh with the lesson's size beside NAT's.
      if (sides && fresh) sides.dr.getState().loadLab('dr', { bare: lesson.bare, ...size, fresh: true });
    });
    if (fresh) runSetup(0, progress);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once, when the lesson opens
  }, []);

  // A command step passes when its command is in its side's log (typed, or "do it for me").
  const log = sides && step.kind === 'command' && step.lab === 'dr' ? drLog : natLog;
  useEffect(() => {
    if (
      step.kind === 'command' &&
      log.some((e) => e.host === step.host && sameCommand(e.command, step.command))
    )
      pass(index);
  }, [step, log, index, pass]);

  /** Go to step `to`; `steps` (one past the last) finishes: the last step counts as read. */
  const go = (to: number) => {
    if (to < 0 || to > steps || busy) return;
    setFeedback(null);
    const st = lesson.steps[index]!;
    const read = st.kind === 'explain' || st.kind === 'point';
    const next = Math.min(to, steps - 1);
    update((p) => ({ ...p, step: next, passed: read && to > index ? add(p.passed, index) : p.passed }));
    if (next > index) runSetup(next, progress);
  };

  const doIt = () => {
    if (step.kind !== 'command') return;
    const i = index;
    run([step], () => setFeedback({ step: i, kind: 'ran' }));
  };

  const check = () => {
    if (step.kind !== 'check') return;
    const i = index;
    const st = step;
    const onSide = (w: Window) => {
      const ok = checkHolds(w, st);
      setFeedback({ step: i, kind: ok ? 'passed' : 'failed' });
      if (ok) pass(i);
      else update((p) => ({ ...p, tries: { ...p.tries, [i]: (p.tries[i] ?? 0) + 1 } }));
    };
    run(st.probe ?? [], onSide, st.lab);
  };

  const answer = (choice: number) => {
    if (step.kind !== 'predict' || progress.answers[index] !== undefined) return;
    const i = index;
    const st = step;
    update((p) => ({ ...p, answers: { ...p.answers, [i]: choice } }));
    run(st.run, (w) => {
      const right = rightChoices(w, st);
      const correct = right.includes(choice);
      setFeedback({ step: i, kind: correct ? 'right' : 'wrong', right, choice });
      post({ event: 'answer', step: i, choice, correct });
      update((p) => ({
        ...p,
        passed: add(p.passed, i),
        tries: correct ? p.tries : { ...p.tries, [i]: (p.tries[i] ?? 0) + 1 },
      }));
    });
  };

  return { lesson, step, index, steps, progress, feedback, busy, go, doIt, check, answer, kept };
}

export type Player = ReturnType<typeof usePlayer>;
