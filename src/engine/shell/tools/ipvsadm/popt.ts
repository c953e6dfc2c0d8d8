/**
 * The part of libpopt (1.16) that ipvsadm exercises: `--long`, `--long=arg`, bundled short
 * options (`-Ln`, `-lnc`), `-tADDR`, `-p=600`, the optional argument of -p (taken only when the
 * next word does not start with '-'), `--` and leftover arguments collected for poptGetArg.
 */
import type { PoptOption } from './optionTable';
import { POPT_OPTIONS } from './optionTable';

export type PoptEvent =
  | { kind: 'opt'; opt: PoptOption; arg: string | undefined }
  | { kind: 'error'; code: 'NOARG' | 'BADOPT' }
  | { kind: 'end' };

/** poptStrerror for the two errors ipvsadm can meet. */
export const POPT_ERRORS = { NOARG: 'missing argument', BADOPT: 'unknown option' } as const;

export class Popt {
  private next = 1;
  /** The rest of a bundle of short options (`n` of `-Ln`), undefined when none. */
  private nextChar: string | undefined;
  private restLeftover = false;
  private readonly leftovers: string[] = [];
  private nextLeftover = 0;

  constructor(private readonly argv: readonly string[]) {}

  /** poptBadOption: the whole argv word popt looked at last. */
  badOption(): string {
    return this.argv[this.next - 1] ?? '';
  }

  /** poptGetArg: the next leftover (non-option) word. */
  getArg(): string | undefined {
    return this.leftovers[this.nextLeftover++];
  }

  getNextOpt(): PoptEvent {
    for (;;) {
      if (this.nextChar === undefined && this.next >= this.argv.length) return { kind: 'end' };
      let opt: PoptOption | undefined;
      let longArg: string | undefined;
      if (this.nextChar === undefined) {
        const word = this.argv[this.next++]!;
        if (this.restLeftover || !word.startsWith('-') || word === '-') {
          this.leftovers.push(word);
          continue;
        }
        if (word === '--') {
          this.restLeftover = true;
          continue;
        }
        const r = this.longOption(word);
        if (r === 'bad') return { kind: 'error', code: 'BADOPT' };
        if (r === undefined) this.nextChar = word.slice(1);
        else ({ opt, longArg } = r);
      }
      if (this.nextChar !== undefined) {
        opt = this.shortOption();
        if (!opt) return { kind: 'error', code: 'BADOPT' };
      }
      return this.withArgument(opt!, longArg);
    }
  }

  /** `--name[=arg]`; a single-dash word never names a long option here (no ONEDASH entries). */
  private longOption(word: string): { opt: PoptOption; longArg: string | undefined } | 'bad' | undefined {
    const oneDash = word[1] !== '-';
    const body = oneDash ? word.slice(1) : word.slice(2);
    const eq = body.indexOf('=');
    const name = eq < 0 ? body : body.slice(0, eq);
    const opt = oneDash ? undefined : POPT_OPTIONS.find((o) => o.long === name);
    if (opt) return { opt, longArg: eq < 0 ? undefined : body.slice(eq + 1) };
    return oneDash ? undefined : 'bad';
  }

  private shortOption(): PoptOption | undefined {
    const chars = this.nextChar!;
    this.nextChar = undefined;
    const c = chars[0];
    const opt = c === undefined ? undefined : POPT_OPTIONS.find((o) => o.short === c);
    if (!opt) return undefined;
    const rest = chars.slice(1);
    // popt skips one '=' after a short option letter: -p=600, -L=n.
    if (rest !== '') this.nextChar = rest.startsWith('=') ? rest.slice(1) : rest;
    return opt;
  }

  private withArgument(opt: PoptOption, longArg: string | undefined): PoptEvent {
    if (opt.arg === 'none') return { kind: 'opt', opt, arg: undefined };
    if (longArg !== undefined) return { kind: 'opt', opt, arg: longArg };
    if (this.nextChar !== undefined) {
      const arg = this.nextChar;
      this.nextChar = undefined;
      return { kind: 'opt', opt, arg };
    }
    if (this.next >= this.argv.length) {
      if (opt.arg !== 'optional') return { kind: 'error', code: 'NOARG' };
      return { kind: 'opt', opt, arg: undefined };
    }
    if (opt.arg === 'optional' && this.argv[this.next]!.startsWith('-'))
      return { kind: 'opt', opt, arg: undefined };
    return { kind: 'opt', opt, arg: this.argv[this.next++]! };
  }
}
