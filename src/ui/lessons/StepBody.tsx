import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Lang, PointTarget, Text, HostCommand } from '@/lessons';
import { useAppStore } from '@/store/useAppStore';
import { Markdown } from './Markdown';
import type { Player } from './usePlayer';
import { usePointer } from './usePointer';

function Hints({ hints, shown, lang }: { hints: Text[] | undefined; shown: number; lang: Lang }) {
  const { t } = useTranslation();
  const list = (hints ?? []).slice(0, shown);
  if (list.length === 0) return null;
  return (
    <div className="lesson-hints">
      <h4>{t('lesson.hints')}</h4>
      <ul>
        {list.map((h, i) => (
          <li key={i}>
            <Markdown text={h[lang]} inline />
          </li>
        ))}
      </ul>
    </div>
  );
}

function Commands({ cmds }: { cmds: HostCommand[] }) {
  const { t } = useTranslation();
  return (
    <ul className="lesson-commands">
      {cmds.map((c, i) => (
        <li key={i}>
          <span className="lesson-host">
            {c.lab
              ? t('lesson.onSideHost', { host: c.host, side: c.lab.toUpperCase() })
              : t('lesson.onHost', { host: c.host })}
          </span>
          <pre>
            <code>{c.command}</code>
          </pre>
        </li>
      ))}
    </ul>
  );
}

function PointBody({ target }: { target: PointTarget }) {
  const { t } = useTranslation();
  const selectHost = useAppStore((s) => s.selectHost);
  const setTab = useAppStore((s) => s.setInspectorTab);
  usePointer(target);
  const where = [target.host, target.iface, target.field, target.hook].filter(Boolean).join(' · ');
  const show = () => {
    selectHost(target.host);
    if (target.hook) setTab('hooks');
    else if (target.field) setTab('packet');
  };
  return (
    <p className="lesson-point">
      {t('lesson.lookAt', { where })}{' '}
      <button type="button" onClick={show}>
        {t('lesson.showMe')}
      </button>
    </p>
  );
}

function PredictBody({ p, lang }: { p: Player; lang: Lang }) {
  const { t } = useTranslation();
  const step = p.step.kind === 'predict' ? p.step : undefined;
  const answered = p.progress.answers[p.index];
  const [pick, setPick] = useState<number | undefined>(answered);
  if (!step) return null;
  const fb = p.feedback?.step === p.index && 'right' in p.feedback ? p.feedback : undefined;
  const name = `lesson-choice-${p.index}`;
  return (
    <form
      className="lesson-predict"
      onSubmit={(e) => {
        e.preventDefault();
        if (pick !== undefined) p.answer(pick);
      }}
    >
      <fieldset disabled={answered !== undefined || p.busy}>
        <legend>
          <Markdown text={step.question[lang]} inline />
        </legend>
        {step.choices.map((c, i) => (
          <label key={i} className={fb?.right.includes(i) ? 'lesson-choice held' : 'lesson-choice'}>
            <input type="radio" name={name} checked={pick === i} onChange={() => setPick(i)} />{' '}
            <Markdown text={c.text[lang]} inline />
            {fb?.right.includes(i) && <span className="lesson-held"> — {t('lesson.happened')}</span>}
          </label>
        ))}
        <button type="submit" disabled={pick === undefined}>
          {t('lesson.submitPrediction')}
        </button>
      </fieldset>
      {answered !== undefined && !fb && <p>{t('lesson.answered')}</p>}
      <Hints hints={step.hints} shown={p.progress.tries[p.index] ?? 0} lang={lang} />
    </form>
  );
}

/** The current step's content and its own controls (the player around it has progress and navigation). */
export function StepBody({ p }: { p: Player }) {
  const { t } = useTranslation();
  const lang = useAppStore((s) => s.language);
  const step = p.step;
  const passed = p.progress.passed.includes(p.index);
  switch (step.kind) {
    case 'explain':
      return <Markdown text={step.text[lang]} />;
    case 'point':
      return (
        <>
          <Markdown text={step.text[lang]} />
          <PointBody target={step.target} />
        </>
      );
    case 'setup':
      return (
        <>
          <Markdown text={step.text?.[lang] ?? t('lesson.setupText')} />
          <Commands cmds={step.commands} />
        </>
      );
    case 'command':
      return (
        <>
          <Markdown text={step.text[lang]} />
          <Commands cmds={[step]} />
          <p className="lesson-actions">
            <button type="button" onClick={p.doIt} disabled={p.busy}>
              {t('lesson.doIt')}
            </button>{' '}
            <span className={passed ? 'lesson-ok' : 'lesson-todo'}>
              {passed ? t('lesson.commandDone') : t('lesson.commandTodo', { host: step.host })}
            </span>
          </p>
          <Hints hints={step.hints} shown={p.progress.tries[p.index] ?? 0} lang={lang} />
        </>
      );
    case 'predict':
      return <PredictBody key={p.index} p={p} lang={lang} />;
    case 'check':
      return (
        <>
          <Markdown text={step.text[lang]} />
          {step.probe && (
            <>
              <p>{t('lesson.probe')}</p>
              <Commands cmds={step.probe} />
            </>
          )}
          <p className="lesson-actions">
            <button type="button" onClick={p.check} disabled={p.busy}>
              {t('lesson.check')}
            </button>{' '}
            {passed && <span className="lesson-ok">{t('lesson.checkPassed')}</span>}
          </p>
          <Hints hints={step.hints} shown={p.progress.tries[p.index] ?? 0} lang={lang} />
        </>
      );
  }
}
