import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { failed, issue } from '@/lessons';
import { useAppStore } from '@/store/useAppStore';
import { openShipped, openText, shippedLessons } from './lessonSource';
import type { Opened } from './lessonSource';

/**
 * The way into lessons when none is open: the shipped ones, and "Open a lesson file" (a file
 * picker: read in the page, so it works in the single file and from file:// too).
 */
export function LessonChooser({ onOpen }: { onOpen: (o: Opened) => void }) {
  const { t } = useTranslation();
  const lang = useAppStore((s) => s.language);
  const [open, setOpen] = useState(false);
  const listId = useId();
  const fileId = useId();
  const pick = async (file: File | undefined) => {
    if (!file) return;
    try {
      onOpen(openText(await file.text()));
    } catch {
      onOpen(failed([issue('notRead', 'lesson')]));
    }
  };
  return (
    <aside className={`lesson-dock panel${open ? ' open' : ''}`} aria-label={t('lesson.dock')}>
      <button type="button" aria-expanded={open} aria-controls={listId} onClick={() => setOpen(!open)}>
        {t('lesson.lessons')}
      </button>
      <div id={listId} hidden={!open}>
        <ul className="lesson-list">
          {shippedLessons().map((l) => (
            <li key={l.id}>
              <button type="button" onClick={() => onOpen(openShipped(l.id))}>
                {l.title[lang]}
              </button>{' '}
              <span className="lesson-meta">
                {t(l.kind === 'challenge' ? 'lesson.challenge' : 'lesson.lesson')} · {l.lab.toUpperCase()}
              </span>
            </li>
          ))}
        </ul>
        <label htmlFor={fileId}>{t('lesson.openFile')}</label>
        <input
          id={fileId}
          type="file"
          accept=".json,application/json"
          onChange={(e) => {
            void pick(e.target.files?.[0]);
            e.target.value = '';
          }}
        />
      </div>
    </aside>
  );
}
