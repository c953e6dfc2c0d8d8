import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppStore } from '@/store/useAppStore';

const SHORTCUTS: { keys: string[]; action: string }[] = [
  { keys: ['Space'], action: 'help.keys.play' },
  { keys: ['→'], action: 'help.keys.next' },
  { keys: ['←'], action: 'help.keys.prev' },
  { keys: ['Shift', '→'], action: 'help.keys.nextFrame' },
  { keys: ['Shift', '←'], action: 'help.keys.prevFrame' },
  { keys: ['Home'], action: 'help.keys.home' },
  { keys: ['End'], action: 'help.keys.end' },
  { keys: ['S'], action: 'help.keys.send' },
  { keys: ['?'], action: 'help.keys.help' },
];

/** Keyboard shortcuts and the three steps of a first visit, in a modal dialog. */
export function HelpOverlay() {
  const { t } = useTranslation();
  const open = useAppStore((s) => s.helpOpen);
  const setHelpOpen = useAppStore((s) => s.setHelpOpen);
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (open && !d.open) d.showModal?.();
    if (!open && d.open) d.close();
  }, [open]);
  return (
    <dialog ref={ref} className="help-dialog" aria-labelledby="help-title" onClose={() => setHelpOpen(false)}>
      <h2 id="help-title">{t('help.title')}</h2>
      <ol className="help-steps">
        <li>{t('help.step1')}</li>
        <li>{t('help.step2')}</li>
        <li>{t('help.step3')}</li>
        <li>{t('help.step4')}</li>
      </ol>
      <h3>{t('help.keysTitle')}</h3>
      <table className="help-keys">
        <tbody>
          {SHORTCUTS.map((s) => (
            <tr key={s.action}>
              <td>
                {s.keys.map((k, i) => (
                  <span key={k}>
                    {i > 0 && ' + '}
                    <kbd>{k === 'Space' ? t('help.space') : k === 'Shift' ? t('help.shift') : k}</kbd>
                  </span>
                ))}
              </td>
              <td>{t(s.action)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <form method="dialog">
        <button type="submit" className="primary" autoFocus>
          {t('help.close')}
        </button>
      </form>
    </dialog>
  );
}
