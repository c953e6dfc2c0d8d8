/**
 * keepalived 1.3.5's configuration walk (lib/parser.c process_stream): each line's first word
 * is looked up among the current level's keywords. An unknown word is logged and ignored, the
 * lines after it are read at the same level, so an unknown block's `}` closes the enclosing
 * block early, as in the real daemon. A keyword of the other subsystem is inactive: its block
 * is skipped silently.
 */
import type { LineReader } from './tokens';

export interface Keyword {
  name: string;
  handler?: ((strvec: string[], reader: LineReader) => void) | undefined;
  sub?: Keyword[] | undefined;
  active: boolean;
}

const BOB = '{';
const EOB = '}';

/**
 * Each level's keywords by name, the first of a name winning as a scan would: the tables are
 * built once per process kind (parse.ts), and a scan of ~150 keywords per line was a tenth of
 * a lab's start.
 */
const byName = new WeakMap<readonly Keyword[], Map<string, Keyword>>();

function lookup(keywords: readonly Keyword[], name: string): Keyword | undefined {
  let m = byName.get(keywords);
  if (!m) {
    m = new Map();
    for (const k of keywords) if (!m.has(k.name)) m.set(k.name, k);
    byName.set(keywords, m);
  }
  return m.get(name);
}

export function processStream(
  keywords: readonly Keyword[],
  reader: LineReader,
  log: (msg: string) => void,
  level = 0,
  needBob = false,
): void {
  let skip = 0;
  let strvec: string[] | undefined;
  while ((strvec = reader.next())) {
    const str = strvec[0]!;
    if (skip === -1) {
      if (str === BOB) {
        skip = 1;
        continue;
      }
      skip = 0;
    }
    if (skip > 0) {
      for (let i = 0; i < strvec.length; i++) {
        const w = strvec[i];
        if (w === BOB) skip++;
        else if (w === EOB && --skip === 0) break;
      }
      continue;
    }
    if (needBob) {
      needBob = false;
      if (str === BOB && level > 0) continue;
      log("Missing '{' at beginning of configuration block");
    } else if (str === BOB) {
      log("Unexpected '{' - ignoring");
      continue;
    }
    if (str === EOB && level > 0) return;
    const kw = lookup(keywords, str);
    if (!kw) {
      log(`Unknown keyword '${str}'`);
      continue;
    }
    const endsWithBob = strvec[strvec.length - 1] === BOB;
    if (!kw.active) {
      skip = endsWithBob ? 1 : -1;
      continue;
    }
    const args = kw.sub && endsWithBob ? strvec.slice(0, -1) : strvec;
    kw.handler?.(args, reader);
    if (kw.sub) processStream(kw.sub, reader, log, level + 1, !endsWithBob);
  }
}

/** alloc_value_block: the lines of a `{ … }` value list, each passed on, up to the closing brace. */
export function valueBlock(reader: LineReader, each: (strvec: string[]) => void): void {
  let strvec: string[] | undefined;
  while ((strvec = reader.next())) {
    if (strvec[0] === EOB) return;
    each(strvec);
  }
}
