import { useEffect, useRef, useState } from 'react';
import type { Terminal } from '@xterm/xterm';
import { useTranslation } from 'react-i18next';
import { sessionOf } from '@/store/createAppStore';
import { useAppStore, useStoreApi } from '@/store/useAppStore';
import { useLab } from '../hooks/useLab';
import { applyInput, emptyLine } from './lineEditor';
import type { LineState } from './lineEditor';
import { loadTerminal, terminalTheme } from './loadTerminal';
import { commandHistory, prompt } from './terminalHistory';
import { replayStart, replayTerminal, touchesTerminal } from './terminalReplay';
import type { ReplayState } from './terminalReplay';

/**
 * A real terminal emulator (xterm.js, loaded on first use) on one host's lab shell: history,
 * line editing, ↑/↓, Ctrl-C, copy (Ctrl+Shift+C or Ctrl+C on a selection) and paste.
 */
export function HostTerminal({ host }: { host: string }) {
  const { t } = useTranslation();
  const { runtime } = useLab();
  const startCommand = useAppStore((s) => s.startCommand);
  const interruptCommand = useAppStore((s) => s.interruptCommand);
  const store = useStoreApi();
  const scheme = useAppStore((s) => s.scheme);
  const box = useRef<HTMLDivElement>(null);
  const term = useRef<Terminal | null>(null);
  // Re-measures the grid to the box: on resize (ResizeObserver) and when the font size changes.
  const refit = useRef<() => void>(() => {});
  const line = useRef<LineState>(emptyLine(0));
  const latest = useRef({ runtime, startCommand, interruptCommand, host });
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
      refit.current = () => fit.fit();
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
    // The projector's type is large, but 80 columns must still fit at 1440 px (ipvsadm -Ln).
    tm.options.fontSize = scheme === 'projector' ? 18 : 14;
    refit.current();
  }, [ready, scheme]);

  // What the terminal shows is a function of (trace, cursor): output appears when playback reaches
  // the moment the tool printed it, and scrubbing back hides it again.
  useEffect(() => {
    if (!ready) return;
    const setupNote = t('terminal.setup');
    const drawn: { rt: object | null; pos: number; state: ReplayState } = {
      rt: null,
      pos: 0,
      state: replayStart,
    };
    const tail = () => {
      const l = line.current;
      return (l.pending.length ? '> ' : prompt(host)) + l.buffer;
    };
    const draw = () => {
      const tm = term.current;
      if (!tm) return;
      const st = store.getState();
      const rt = sessionOf(store).view;
      const trace = rt.trace;
      const cursor = st.cursor < 0 ? trace.length : Math.min(st.cursor, trace.length);
      const isSetup = (i: number) => rt.results[i]?.setup ?? false;
      if (drawn.rt === rt && cursor >= drawn.pos) {
        if (!touchesTerminal(trace, drawn.pos, cursor, host)) {
          drawn.pos = cursor;
          return;
        }
        // Output streaming into an open command: append it (no prompt to take back).
        const more = replayTerminal(trace, drawn.pos, cursor, host, isSetup, setupNote, drawn.state);
        if (drawn.state.open && more.state.open) {
          tm.write(more.text);
          drawn.pos = cursor;
          drawn.state = more.state;
          return;
        }
      }
      const all = replayTerminal(trace, 0, cursor, host, isSetup, setupNote, replayStart);
      tm.reset();
      tm.write(all.text);
      if (!all.state.open) tm.write(tail());
      Object.assign(drawn, { rt, pos: cursor, state: all.state });
    };
    draw();
    return store.subscribe((st, prev) => {
      if (st.cursor !== prev.cursor || st.spec !== prev.spec || st.revision !== prev.revision) draw();
    });
  }, [ready, store, host, t]);

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
