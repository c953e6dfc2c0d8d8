import { useTranslation } from 'react-i18next';

/** ipvsadm's own column names (ActiveConn, InActConn), with a translation where the language needs one. */
export function ConnHeader({ which }: { which: 'active' | 'inactive' }) {
  const { t } = useTranslation();
  // A break opportunity inside the term, so a narrow table wraps it rather than cutting a column off.
  const [head, tail] = which === 'active' ? ['Active', 'Conn'] : ['InAct', 'Conn'];
  const words = t(`sched.${which}Words`);
  return (
    <>
      {words && <>{words} </>}
      <code className="term">
        {head}
        <wbr />
        {tail}
      </code>
    </>
  );
}
