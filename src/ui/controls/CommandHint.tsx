import { useTranslation } from 'react-i18next';

/** The shell command a control runs, so the student learns what is behind the switch. */
export function CommandHint({ host, command }: { host: string; command: string }) {
  const { t } = useTranslation();
  return (
    <p className="command-hint">
      <span className="visually-hidden">{t('controls.runs', { host })}</span>
      <code>
        <span className="prompt" aria-hidden="true">
          {host}#{' '}
        </span>
        {command}
      </code>
    </p>
  );
}
