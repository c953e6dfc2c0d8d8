import { useTranslation } from 'react-i18next';

/** ipvsadm's own column names (ActiveConn, InActConn), with a translation where the language needs one. */
export function ConnHeader({ which }: { which: 'active' | 'inactive' }) {
  const { t } = useTranslation();
  const term = which === 'active' ? 'ActiveConn' : 'InActConn';
  const words = t(`sched.${which}Words`);
  return (
    <>
      {words && <>{words} </>}
      <code className="term">{term}</code>
    </>
  );
}
