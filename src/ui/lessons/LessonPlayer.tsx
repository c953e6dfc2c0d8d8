import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppStore } from '@/store/useAppStore';
import type { ActiveLesson } from './lessonSource';
import { KeptWorkNotice } from './KeptWorkNotice';
import { StepBody } from './StepBody';
import { usePlayer } from './usePlayer';
import type { Feedback } from './usePlayer';

function feedbackText(f: Feedback | null, t: (k: string) => string): string {
  if (!f) return '';
  const keys = {
    passed: 'lesson.checkPassed',
    failed: 'lesson.checkFailed',
    ran: 'lesson.ran',
    right: 'lesson.right',
    wrong: 'lesson.wrong',
  } as const;
  return t(keys[f.kind]);
}

/** The lesson beside the lab: title, progress, the step, its result (announced), back and next. */
export function LessonPlayer({ active, onClose }: { active: ActiveLesson; onClose: () => void }) {
  const { t } = useTranslation();
  const lang = useAppStore((s) => s.language);
  const p = usePlayer(active);
  const heading = useRef<HTMLHeadingElement>(null);
  const first = useRef(true);
  // Moving to another step puts focus on its heading, so a screen reader reads the new step.
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    heading.current?.focus();
  }, [p.index]);

  const { lesson, index, steps } = p;
  const done = p.progress.passed.length;
  const last = index === steps - 1;
  return (
    <aside className="lesson-player panel" aria-label={t('lesson.panel')} data-lesson={lesson.id}>
      <header className="lesson-header">
        <p className="lesson-kind">{t(lesson.kind === 'challenge' ? 'lesson.challenge' : 'lesson.lesson')}</p>
        <h2>{lesson.title[lang]}</h2>
        <button type="button" className="lesson-close" onClick={onClose}>
          {t('lesson.close')}
        </button>
      </header>
      <KeptWorkNotice k={p.kept} />
      <div className="lesson-progress">
        <progress max={steps} value={done} aria-label={t('lesson.progress', { done, steps })} />
        <span>{t('lesson.progress', { done, steps })}</span>
      </div>
      <section
        className="lesson-step"
        aria-labelledby="lesson-step-heading"
        data-step={index}
        data-kind={p.step.kind}
      >
        <h3 id="lesson-step-heading" tabIndex={-1} ref={heading}>
          {t('lesson.stepOf', { k: index + 1, n: steps })}
          {p.progress.passed.includes(index) && <span className="lesson-ok"> ✓</span>}
        </h3>
        <StepBody key={index} p={p} />
      </section>
      <p className="lesson-live" role="status" aria-live="polite" aria-atomic="true">
        {p.busy ? t('lesson.running') : feedbackText(p.feedback?.step === index ? p.feedback : null, t)}
      </p>
      {done === steps && <p className="lesson-end">{t('lesson.allDone')}</p>}
      <nav className="lesson-nav" aria-label={t('lesson.nav')}>
        <button type="button" onClick={() => p.go(index - 1)} disabled={index === 0 || p.busy}>
          {t('lesson.back')}
        </button>
        <button type="button" onClick={() => p.go(index + 1)} disabled={p.busy}>
          {t(last ? 'lesson.finish' : 'lesson.next')}
        </button>
      </nav>
    </aside>
  );
}
