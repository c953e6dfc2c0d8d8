/** echo (bash's builtin: -n, -e, -E) and the backslash escapes shared with printf. */
import { simple } from '../types';

/**
 * Decode echo -e / printf %b escapes. Returns the text and whether `\c` asked to stop all output.
 * `printfStyle`: octal is `\NNN` (printf format) instead of `\0NNN` (echo, %b).
 */
export function decodeEscapes(s: string, printfStyle = false): [string, boolean] {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const ch = s.charAt(i);
    if (ch !== '\\' || i + 1 >= s.length) {
      out += ch;
      continue;
    }
    const e = s.charAt(++i);
    const simpleEsc: Record<string, string> = {
      a: '\x07',
      b: '\b',
      e: '\x1b',
      E: '\x1b',
      f: '\f',
      n: '\n',
      r: '\r',
      t: '\t',
      v: '\v',
      '\\': '\\',
    };
    const mapped = simpleEsc[e];
    if (mapped !== undefined) out += mapped;
    else if (e === 'c') return [out, true];
    else if (e === 'x' && /[0-9A-Fa-f]/.test(s.charAt(i + 1))) {
      const hex = /^[0-9A-Fa-f]{1,2}/.exec(s.slice(i + 1))?.[0] ?? '';
      out += String.fromCharCode(parseInt(hex, 16));
      i += hex.length;
    } else if (e === '0' || (printfStyle && /[1-7]/.test(e))) {
      const start = e === '0' && !printfStyle ? i + 1 : i;
      const oct = /^[0-7]{0,3}/.exec(s.slice(start))?.[0] ?? '';
      out += String.fromCharCode(parseInt(oct || '0', 8) & 0xff);
      i = start + oct.length - 1;
    } else if (printfStyle && e === '"') out += '"';
    else out += '\\' + e;
  }
  return [out, false];
}

export const echoCommand = simple((ctx) => {
  const args = ctx.argv.slice(1);
  let newline = true;
  let escapes = false;
  while (args.length > 0 && /^-[neE]+$/.test(args[0] ?? '')) {
    const flags = args.shift() ?? '';
    for (const f of flags.slice(1)) {
      if (f === 'n') newline = false;
      else escapes = f === 'e';
    }
  }
  let text = args.join(' ');
  if (escapes) {
    const [decoded, stop] = decodeEscapes(text);
    if (stop) {
      ctx.out(decoded);
      return 0;
    }
    text = decoded;
  }
  ctx.out(newline ? text + '\n' : text);
  return 0;
});
