import type { ITheme } from '@xterm/xterm';

/** xterm.js and its fit addon, fetched only when a terminal is first shown. */
export async function loadTerminal() {
  const [xterm, fit] = await Promise.all([
    import('@xterm/xterm'),
    import('@xterm/addon-fit'),
    import('@xterm/xterm/css/xterm.css'),
  ]);
  return { Terminal: xterm.Terminal, FitAddon: fit.FitAddon };
}

/** The terminal's colours from the page's colour scheme (CSS custom properties). */
export function terminalTheme(el: HTMLElement): ITheme {
  const css = getComputedStyle(el);
  const v = (name: string, fallback: string) => css.getPropertyValue(name).trim() || fallback;
  return {
    background: v('--term-bg', '#10141a'),
    foreground: v('--term-fg', '#e6edf3'),
    cursor: v('--term-fg', '#e6edf3'),
    selectionBackground: v('--term-selection', '#3b5070'),
  };
}
