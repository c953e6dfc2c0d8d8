import { useEffect, useRef, useState } from 'react';
import type { Terminal } from '@xterm/xterm';
import { useTranslation } from 'react-i18next';
import { useAppStore, useStoreApi } from '@/store/useAppStore';
import { useLab } from '../hooks/useLab';
import { applyInput, emptyLine } from './lineEditor';
import type { LineState } from './lineEditor';
import { loadTerminal, terminalTheme } from './loadTerminal';
import { commandHistory, crlf, historyText, prompt, runningText } from './terminalHistory';

/**
 * A real terminal emulator (xterm.js, loaded on first use) on one host's lab shell: history,
 * line editing, ↑/↓, Ctrl-C, copy (Ctrl+Shift+C or Ctrl+C on a selection) and paste.
 */
export function HostTerminal({ host }: { host: string }) {
  const { t } = useTranslation();
  const { runtime, revision } = useLab();
  const startCommand = useAppStore((s) => s.startCommand);
  const interruptCommand = useAppStore((s) => s.interruptCommand);
  const running = useAppStore((s) => s.running);
  const store = useStoreApi();
  const scheme = useAppStore((s) => s.scheme);
  const box = useRef<HTMLDivElement>(null);
  const term = useRef<Terminal | null>(null);
  const line = useRef<LineState>(emptyLine(0));
  const latest = useRef({ runtime, startCommand, interruptCommand, host });
  /** How much of the running command's output this terminal has shown. */
  const shown = useRef({ stdout: 0, stderr: 0 });
  const [ready, setReady] = useState(false);
  useEffect(() => {
    latest.current = { runtime, startCommand, interruptCommand, host };
  }, [runtime, startCommand, interruptCommand, host]);

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
    if (running?.host === host) {
      tm.write(runningText(running));
      shown.current = { stdout: running.output.stdout.length, stderr: running.output.stderr.length };
      return;
    }
    const l = line.current;
    tm.write((l.pending.length ? '> ' : prompt(host)) + l.buffer);
  }, [ready, revision, runtime, host, t, running]);

  // Stream what the running command prints as playback lets its virtual time pass.
  useEffect(() => {
    if (!ready) return;
    return store.subscribe((st) => {
      const tm = term.current;
      const run = st.running;
      if (!tm || !run || run.host !== host) return;
      const { stdout, stderr } = run.output;
      const seen = shown.current;
      if (stdout.length > seen.stdout) tm.write(crlf(stdout.slice(seen.stdout)));
      if (stderr.length > seen.stderr) tm.write(`\x1b[31m${crlf(stderr.slice(seen.stderr))}\x1b[0m`);
      shown.current = { stdout: stdout.length, stderr: stderr.length };
    });
  }, [ready, store, host]);

  useEffect(() => {
    const tm = term.current;
    if (!ready || !tm) return;
    const sub = tm.onData((data) => {
      const { runtime: rt, startCommand: run, interruptCommand: stop, host: h } = latest.current;
      const live = store.getState().running;
      if (live) {
        // While a command runs only Ctrl-C in its own terminal counts (TerminalPanel says so).
        if (live.host === h && data.includes('\x03')) stop();
        return;
      }
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
  }, [ready, store]);

  return (
    <div className="host-terminal" data-host={host}>
      {!ready && <p className="muted terminal-loading">{t('terminal.loading')}</p>}
      <div ref={box} className="xterm-box" />
    </div>
  );
}
