/** Bash's builtins: the commands that run inside the shell itself. */
import { asBuiltin } from '../context';
import type { Builtin } from '../runtime';
import { bashBuiltin, evalBuiltin, execBuiltin, sourceBuiltin } from '../scripts';
import {
  breakBuiltin,
  colonBuiltin,
  continueBuiltin,
  exitBuiltin,
  falseBuiltin,
  returnBuiltin,
  shiftBuiltin,
} from './control';
import { cdBuiltin, pwdBuiltin } from './dirs';
import { fgBuiltin, jobsBuiltin, killBuiltin, waitBuiltin } from '../jobs/jobBuiltins';
import { echoCommand } from './echo';
import { printfCommand } from './printf';
import { setBuiltin } from './set';
import { doubleBracketBuiltin, testBuiltin } from './test';
import { commandBuiltin, typeBuiltin, whichBuiltin } from './typeCmd';
import { declareBuiltin, exportBuiltin, letBuiltin, localBuiltin, readBuiltin, unsetBuiltin } from './vars';

/** The builtins by name: plain functions of their runtime, so every shell reads this one table. */
const BUILTINS: ReadonlyMap<string, Builtin> = new Map<string, Builtin>([
  [':', colonBuiltin],
  ['true', colonBuiltin],
  ['false', falseBuiltin],
  ['.', sourceBuiltin],
  ['source', sourceBuiltin],
  ['eval', evalBuiltin],
  ['exec', execBuiltin],
  ['bash', bashBuiltin],
  ['sh', bashBuiltin],
  ['exit', exitBuiltin],
  ['logout', exitBuiltin],
  ['return', returnBuiltin],
  ['break', breakBuiltin],
  ['continue', continueBuiltin],
  ['shift', shiftBuiltin],
  ['cd', cdBuiltin],
  ['pwd', pwdBuiltin],
  ['echo', asBuiltin(echoCommand)],
  ['printf', asBuiltin(printfCommand)],
  ['test', testBuiltin],
  ['[', testBuiltin],
  ['[[', doubleBracketBuiltin],
  ['set', setBuiltin],
  ['export', exportBuiltin],
  ['declare', declareBuiltin],
  ['typeset', declareBuiltin],
  ['local', localBuiltin],
  ['unset', unsetBuiltin],
  ['let', letBuiltin],
  ['read', readBuiltin],
  ['type', typeBuiltin],
  ['which', whichBuiltin],
  ['command', commandBuiltin],
  ['jobs', jobsBuiltin],
  ['wait', waitBuiltin],
  ['kill', killBuiltin],
  ['fg', fgBuiltin],
]);

/** A shell's builtin table (shared: nothing adds to it, and a lab start builds a shell per host). */
export function createBuiltins(): ReadonlyMap<string, Builtin> {
  return BUILTINS;
}
