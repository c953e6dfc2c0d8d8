import { useTranslation } from 'react-i18next';

const HASHED = new Set(['sh', 'dh', 'mh']);

/** How a hashing scheduler turns an address into a real server, in words. */
export function HashFormula({ scheduler }: { scheduler: string }) {
  const { t } = useTranslation();
  if (!HASHED.has(scheduler)) return null;
  return (
    <p className="hash-formula" data-scheduler={scheduler}>
      {t(`load.formula.${scheduler}`)}
    </p>
  );
}
