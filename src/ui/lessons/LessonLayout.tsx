import { lazy, Suspense, useState } from 'react';
import type { ReactNode } from 'react';
import './lessons.css';

// Lessons (their files, checks, player and chooser) load beside the lab, not before it: the
// topology is drawn without waiting for them.
const LessonSide = lazy(() => import('./LessonSide').then((m) => ({ default: m.LessonSide })));

/** The lab with its lesson beside it: the slot LabView is mounted in. */
export function LessonLayout({ children }: { children: ReactNode }) {
  const [withLesson, setWithLesson] = useState(false);
  return (
    <div className={`lesson-layout${withLesson ? ' with-lesson' : ''}`}>
      {children}
      <Suspense fallback={null}>
        <LessonSide onActive={setWithLesson} />
      </Suspense>
    </div>
  );
}
