import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppStore, useStoreApi } from '@/store/useAppStore';
import { useLab } from '../hooks/useLab';
import { LOAD_CONCURRENCY, LOAD_COUNTS, loadCommands } from './loadCommands';
import type { LoadFrom, LoadOptions, LoadPage } from './loadCommands';

const FROM: readonly LoadFrom[] = ['one', 'all', 'rr'];
const PAGES: readonly LoadPage[] = ['index', 'cgi', 'large'];

/** "Send N requests": from which clients, how many at once, which page — as typed ab/curl commands. */
export function LoadForm() {
  const { t } = useTranslation();
  const { def } = useLab();
  const store = useStoreApi();
  const runCommand = useAppStore((s) => s.runCommand);
  const [o, setO] = useState<LoadOptions>({ count: 100, from: 'one', concurrency: 1, page: 'index' });
  const clients = def.hosts.filter((h) => h.role === 'client').length;
  const select = <K extends keyof LoadOptions>(key: K, values: readonly LoadOptions[K][], label = true) => (
    <label className="field-inline">
      <span className="field-label">{t(`load.${key}`)}</span>
      <select
        value={String(o[key])}
        onChange={(e) => {
          const raw = e.target.value;
          const v = (typeof o[key] === 'number' ? Number(raw) : raw) as LoadOptions[K];
          setO({ ...o, [key]: v });
        }}
      >
        {values.map((v) => (
          <option key={String(v)} value={String(v)}>
            {label && typeof v === 'string' ? t(`load.${key}Option.${v}`, { clients }) : String(v)}
          </option>
        ))}
      </select>
    </label>
  );
  const send = () => {
    // Each command runs at the end of the log: once one has run the cursor goes to the end, so
    // the next does not count as acting in the past (which would fork the log before it). The
    // chain follows the session's replies, so it holds whether the session answers at once or later.
    const cmds = loadCommands(def, store.getState().spec.log, o);
    const next = (i: number) => {
      const e = cmds[i];
      if (!e) return;
      runCommand(e.host, e.command, {
        autoplay: false,
        then: () => {
          store.getState().seek(Number.MAX_SAFE_INTEGER);
          next(i + 1);
        },
      });
    };
    next(0);
  };
  return (
    <fieldset className="load-form">
      <legend>{t('load.title')}</legend>
      <div className="panel-row">
        {select('count', LOAD_COUNTS)}
        {select('from', FROM)}
        {select('concurrency', LOAD_CONCURRENCY)}
        {select('page', PAGES)}
        <button type="button" className="primary" onClick={send}>
          {t('load.send', { count: o.count })}
        </button>
      </div>
      <p className="muted">{t(`load.fromHint.${o.from}`)}</p>
    </fieldset>
  );
}
