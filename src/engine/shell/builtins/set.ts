/** `set`: options (-e -u -x, -o pipefail ...), positional parameters, listing variables. */
import { shellQuote } from '../quote';
import { shellError } from '../runtime';
import type { Builtin, Io, Runtime } from '../runtime';
import type { ShellOptions } from '../state';

/* eslint-disable require-yield -- builtins share the generator signature */

const LETTERS: Readonly<Record<string, keyof ShellOptions>> = { e: 'errexit', u: 'nounset', x: 'xtrace' };
const NAMES: readonly (keyof ShellOptions)[] = ['errexit', 'nounset', 'pipefail', 'xtrace'];

function listVars(rt: Runtime, io: Io): void {
  for (const name of [...rt.state.vars.keys()].sort()) {
    io.out(`${name}=${shellQuote(rt.state.vars.get(name)?.value ?? '')}\n`);
  }
}

function listOptions(rt: Runtime, io: Io, plus: boolean): void {
  for (const n of NAMES) {
    const on = rt.state.options[n];
    io.out(plus ? `set ${on ? '-' : '+'}o ${n}\n` : `${n.padEnd(15)}\t${on ? 'on' : 'off'}\n`);
  }
}

export const setBuiltin: Builtin = function* (rt, argv, io) {
  const args = argv.slice(1);
  if (args.length === 0) {
    listVars(rt, io);
    return 0;
  }
  const opts = rt.state.options;
  for (let i = 0; i < args.length; i++) {
    const a = args[i] ?? '';
    if (a === '--' || a === '-') {
      rt.state.positional = args.slice(i + 1);
      return 0;
    }
    if (!/^[-+]/.test(a)) {
      rt.state.positional = args.slice(i);
      return 0;
    }
    const on = a.startsWith('-');
    if (a.slice(1) === 'o') {
      const name = args[++i];
      if (name === undefined) {
        listOptions(rt, io, !on);
        return 0;
      }
      if (!NAMES.includes(name as keyof ShellOptions)) {
        if (['monitor', 'emacs', 'vi', 'history', 'braceexpand', 'hashall', 'noclobber'].includes(name))
          continue;
        shellError(rt, io, `set: ${name}: invalid option name`);
        return 1;
      }
      opts[name as keyof ShellOptions] = on;
      continue;
    }
    for (const letter of a.slice(1)) {
      const name = LETTERS[letter];
      if (name) opts[name] = on;
      else if (!'mhBHvnfaCbkPTE'.includes(letter)) {
        shellError(rt, io, `set: ${a.charAt(0)}${letter}: invalid option`);
        io.err('set: usage: set [-abefhkmnptuvxBCHP] [-o option-name] [--] [arg ...]\n');
        return 2;
      }
    }
  }
  return 0;
};
