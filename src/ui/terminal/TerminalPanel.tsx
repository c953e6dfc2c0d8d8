import { useRef } from 'react';
import type { KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppStore } from '@/store/useAppStore';
import { useLab } from '../hooks/useLab';
import { HostTerminal } from './HostTerminal';

/** One terminal per host on the lab shell, as tabs. */
export function TerminalPanel() {
  const { t } = useTranslation();
  const { runtime } = useLab();
  const hosts = runtime.hostNames();
  const selected = useAppStore((s) => s.terminalHost);
  const setHost = useAppStore((s) => s.setTerminalHost);
  const running = useAppStore((s) => s.running);
  const host = hosts.includes(selected) ? selected : hosts[0]!;
  const refs = useRef<(HTMLButtonElement | null)[]>([]);
  const onKey = (e: KeyboardEvent, i: number) => {
    const d = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
    if (!d) return;
    e.preventDefault();
    const j = (i + d + hosts.length) % hosts.length;
    setHost(hosts[j]!);
    refs.current[j]?.focus();
  };
  return (
    <div className="terminal-panel">
      <div className="panel-head">
        <h2 className="visually-hidden">{t('terminal.title')}</h2>
        <div role="tablist" aria-label={t('terminal.hosts')} className="tabs tabs-small">
          {hosts.map((h, i) => (
            <button
              key={h}
              ref={(el) => {
                refs.current[i] = el;
              }}
              type="button"
              role="tab"
              id={`term-tab-${h}`}
              aria-selected={h === host}
              aria-controls="term-panel"
              tabIndex={h === host ? 0 : -1}
              onClick={() => setHost(h)}
              onKeyDown={(e) => onKey(e, i)}
            >
              {h}
            </button>
          ))}
        </div>
      </div>
      <div role="tabpanel" id="term-panel" aria-labelledby={`term-tab-${host}`} className="terminal-body">
        <HostTerminal key={host} host={host} />
        <p
          role="status"
          className="muted terminal-running"
          title={running ? t('terminal.running', { host: running.host }) : undefined}
        >
          <span className="terminal-running-text">
            {running ? t('terminal.running', { host: running.host }) : ''}
          </span>
        </p>
      </div>
    </div>
  );
}
