import { useEffect, useRef, useState } from 'react';
import type { Terminal } from '@xterm/xterm';
import { useTranslation } from 'react-i18next';
import { useAppStore, useStoreApi } from '@/store/useAppStore';
import { useLab } from '../hooks/useLab';
import { applyInput, emptyLine } from './lineEditor';
import type { LineState } from './lineEditor';
import { loadTerminal, terminalTheme } from './loadTerminal';
import { commandHistory } from './terminalHistory';
import { boldPrompt } from './terminalReplay';
import { holdOutput } from './outputGate';
import { OutputQueue } from './outputQueue';
import { useTerminalDrawing } from './useTerminalDrawing';

/** Lines a terminal keeps above its screen, as a desktop terminal's default scrollback. */
const SCROLLBACK = 5000;
/** Characters handed to xterm per animation frame: what it parses and draws well within one. */
const FRAME_CHARS = 16 * 1024;
/** Lines handed to xterm per animation frame (each scrolls its buffer): a few ms of parsing. */
const FRAME_LINES = 256;

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
  const out = useRef<OutputQueue | null>(null);
  // Re-measures the grid to the box: on resize (ResizeObserver) and when the font size changes.
  const refit = useRef<() => void>(() => {});
  const line = useRef<LineState>(emptyLine(0));
  const sigint = useRef(false);
  const typed = useRef<string | undefined>(undefined);
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
        scrollback: SCROLLBACK,
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
      const queue = new OutputQueue(
        { write: (data, parsed) => tm.write(data, parsed) },
        {
          frameChars: FRAME_CHARS,
          frameLines: FRAME_LINES,
          keepLines: SCROLLBACK + tm.rows,
          keepChars: (SCROLLBACK + tm.rows) * 200,
          nextFrame: (fn) => requestAnimationFrame(fn),
        },
      );
      const release = holdOutput(store, () => queue.busy());
      term.current = tm;
      out.current = queue;
      setReady(true);
      dispose = () => {
        release();
        queue.close();
        ro.disconnect();
        tm.dispose();
      };
    });
    return () => {
      disposed = true;
      term.current = null;
      out.current = null;
      dispose();
    };
  }, [store]);

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

  useTerminalDrawing(ready, store, host, t('terminal.setup'), term, out, line, sigint, typed);

  useEffect(() => {
    const tm = term.current;
    const q = out.current;
    if (!ready || !tm || !q) return;
    const sub = tm.onData((data) => {
      const { runtime: rt, startCommand: run, interruptCommand: stop, host: h } = latest.current;
      const live = store.getState().running;
      if (live) {
        // While a command runs only Ctrl-C in its own terminal counts (TerminalPanel says so).
        // Its `^C` shows at once, ahead of queued output (flushed, as by a tty), before the
        // session in the worker even hears of it.
        if (live.host === h && data.includes('\x03')) {
          sigint.current = true;
          q.interrupt('^C\r\n');
          stop();
        }
        return;
      }
      const history = commandHistory(rt.results, h);
      const { state, actions } = applyInput(line.current, data, history);
      line.current = state;
      for (const a of actions) {
        if (a.kind === 'echo') q.push(a.text);
        else if (a.kind === 'clear') q.then(() => tm.clear());
        else if (a.kind === 'interrupt') q.push(`^C\r\n${boldPrompt(h)}`);
        else if (a.kind === 'submit') {
          const full = [...line.current.pending, a.line].join('\n');
          if (!rt.isComplete(h, full)) {
            line.current = { ...line.current, pending: [...line.current.pending, a.line] };
            q.push('\r\n> ');
          } else {
            line.current = emptyLine(history.length + 1);
            if (full.trim()) {
              typed.current = full;
              run(h, full);
            } else q.push(`\r\n${boldPrompt(h)}`);
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
