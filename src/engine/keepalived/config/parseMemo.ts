/**
 * parseKeepalivedConf as a memo: every start of the ha lab parses the same keepalived.conf three
 * times per director (parent, checker and VRRP child), and a parse is a pure function of the text,
 * the process and the answers to "is there an interface named …?". A result is kept with the
 * questions its parse asked and their answers; it is reused only when the text and process are the
 * same and the host answers every one of those questions the same way. Results are deeply frozen,
 * so no caller can change what another start will read. Not host state: dropping an entry only
 * costs a parse.
 */
import { parseKeepalivedConf } from './parse';
import type { KeepalivedProcess, ParseResult } from './parse';

interface Entry {
  readonly text: string;
  readonly proc: KeepalivedProcess;
  /** Interface names the parse asked about, and the answers it got, in order. */
  readonly asked: readonly string[];
  readonly answers: readonly boolean[];
  readonly result: ParseResult;
}

/** A few texts at most: a lab's own configs, plus what a student is editing. */
const MAX_ENTRIES = 8;
const entries: Entry[] = [];

function deepFreeze<T>(v: T): T {
  if (typeof v === 'object' && v !== null && !Object.isFrozen(v)) {
    Object.freeze(v);
    for (const x of Object.values(v as object)) deepFreeze(x);
  }
  return v;
}

function stillHolds(e: Entry, hasInterface: (name: string) => boolean): boolean {
  for (let i = 0; i < e.asked.length; i++) if (hasInterface(e.asked[i]!) !== e.answers[i]) return false;
  return true;
}

/** The same as parseKeepalivedConf(text, proc, hasInterface), frozen, shared across calls. */
export function parseKeepalivedConfShared(
  text: string,
  proc: KeepalivedProcess,
  hasInterface: (name: string) => boolean,
): ParseResult {
  for (let i = 0; i < entries.length; i++) {
    const e = entries[i]!;
    if (e.proc === proc && e.text === text && stillHolds(e, hasInterface)) {
      if (i > 0) entries.unshift(...entries.splice(i, 1));
      return e.result;
    }
  }
  const asked: string[] = [];
  const answers: boolean[] = [];
  const result = parseKeepalivedConf(text, proc, (name) => {
    const yes = hasInterface(name);
    asked.push(name);
    answers.push(yes);
    return yes;
  });
  entries.unshift({ text, proc, asked, answers, result: deepFreeze(result) });
  if (entries.length > MAX_ENTRIES) entries.length = MAX_ENTRIES;
  return result;
}
