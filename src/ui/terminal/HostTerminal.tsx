import { useEffect, useRef, useState } from 'react';
import type { Terminal } from '@xterm/xterm';
import { useTranslation } from 'react-i18next';
import { useAppStore } from '@/store/useAppStore';
import { useLab } from '../hooks/useLab';
import { applyInput, emptyLine } from './lineEditor';
import type { LineState } from './lineEditor';
import { loadTerminal, terminalTheme } from './loadTerminal';
import { commandHistory, historyText, prompt } from './terminalHistory';

/**
 * A real terminal emulator (xterm.js, loaded on first use) on one host's lab shell: history,
 * line editing, ↑/↓, Ctrl-C, copy (Ctrl+Shift+C or Ctrl+C on a selection) and paste.
 */
export function HostTerminal({ host }: { host: string }) {
  const { t } = useTranslation();
  const { runtime, revision } = useLab();
  const runCommand = useAppStore((s) => s.runCommand);
  const scheme = useAppStore((s) => s.scheme);
  const box = useRef<HTMLDivElement>(null);
  const term = useRef<Terminal | null>(null);
  const line = useRef<LineState>(emptyLine(0));
  const latest = useRef({ runtime, runCommand, host });
  const [ready, setReady] = useState(false);
  useEffect(() => {
    latest.current = { runtime, runCommand, host };
  }, [runtime, runCommand, host]);

  useEffect(() => {
    let disposed = false;
    let dispose = () => {};
    void loadTerminal().then(({ Terminal: Term, FitAddon }) => {
      if (disposed || !box.current) return;
      const tm = new Term({
        convertEol: false,
        cursorBlink: true,
        scrollback: 5000,
        fontFamily: 'ui-monospace, "Cascadia Mono", "Noto Sans Mono CJK SC", monospace',
      });
      const fit = new FitAddon();
      tm.loadAddon(fit);
      tm.open(box.current);
      tm.attachCustomKeyEventHandler((e) => {
        if (e.key === 'Tab') return false; // never trap keyboard focus
        const copy =
          e.type === 'keydown' && e.ctrlKey && (e.key === 'C' || (e.key === 'c' && tm.hasSelection()));
        if (copy) {
          void navigator.clipboard?.writeText(tm.getSelection());
          return false;
        }
        // Ctrl+V and Ctrl+Shift+V: leave them to the browser, whose paste event xterm takes.
        if (e.ctrlKey && (e.key === 'v' || e.key === 'V')) return false;
        return true;
      });
      const ro = new ResizeObserver(() => fit.fit());
      ro.observe(box.current);
      fit.fit();
      term.current = tm;
      setReady(true);
      dispose = () => {
        ro.disconnect();
        tm.dispose();
      };
    });
    return () => {
      disposed = true;
      term.current = null;
      dispose();
    };
  }, []);

  useEffect(() => {
    const tm = term.current;
    if (!ready || !tm) return;
    tm.textarea?.setAttribute('aria-label', t('terminal.input', { host }));
  }, [ready, t, host]);

  useEffect(() => {
    const tm = term.current;
    if (!ready || !tm || !box.current) return;
    tm.options.theme = terminalTheme(box.current);
    tm.options.fontSize = scheme === 'projector' ? 20 : 14;
  }, [ready, scheme]);

  useEffect(() => {
    const tm = term.current;
    if (!ready || !tm) return;
    void revision;
    tm.reset();
    tm.write(historyText(runtime.results, host, t('terminal.setup')));
    const l = line.current;
    tm.write((l.pending.length ? '> ' : prompt(host)) + l.buffer);
  }, [ready, revision, runtime, host, t]);

  useEffect(() => {
    const tm = term.current;
    if (!ready || !tm) return;
    const sub = tm.onData((data) => {
      const { runtime: rt, runCommand: run, host: h } = latest.current;
      const history = commandHistory(rt.results, h);
      const { state, actions } = applyInput(line.current, data, history);
      line.current = state;
      for (const a of actions) {
        if (a.kind === 'echo') tm.write(a.text);
        else if (a.kind === 'clear') tm.clear();
        else if (a.kind === 'interrupt') tm.write(`^C\r\n${prompt(h)}`);
        else if (a.kind === 'submit') {
          const full = [...line.current.pending, a.line].join('\n');
          if (!rt.isComplete(h, full)) {
            line.current = { ...line.current, pending: [...line.current.pending, a.line] };
            tm.write('\r\n> ');
          } else {
            line.current = emptyLine(history.length + 1);
            if (full.trim()) run(h, full);
            else tm.write(`\r\n${prompt(h)}`);
          }
        }
      }
    });
    return () => sub.dispose();
  }, [ready]);

  return (
    <div className="host-terminal" data-host={host}>
      {!ready && <p className="muted terminal-loading">{t('terminal.loading')}</p>}
      <div ref={box} className="xterm-box" />
    </div>
  );
}
