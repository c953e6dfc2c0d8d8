/**
 * keepalived.conf through 1.3.5's parser, as one of its three processes reads it: the parent
 * (global_defs only), the VRRP child or the checker child. Each process logs what it finds
 * itself, so an unknown top-level keyword is reported three times, one inside a
 * vrrp_instance only by Keepalived_vrrp.
 */
import { checkKeywords } from './checkKeywords';
import type { CheckParseEnv } from './checkKeywords';
import { globalKeywords } from './globalKeywords';
import type { GlobalParseEnv } from './globalKeywords';
import { processStream } from './stream';
import type { Keyword } from './stream';
import { LineReader } from './tokens';
import type { KeepalivedConfig } from './types';
import { emptyGlobal } from './types';
import { vrrpKeywords } from './vrrpKeywords';
import type { VrrpParseEnv } from './vrrpKeywords';

export type KeepalivedProcess = 'parent' | 'vrrp' | 'check';

export interface ParseResult {
  config: KeepalivedConfig;
  /** Log lines, in order, as this process writes them. */
  messages: string[];
}

/**
 * The parse in progress. The keyword tables read it when a keyword is met, never when they are
 * built, so each process's table is built once (keepalived builds its own at every start, but
 * a lab starting both directors' daemons spent a share of its start on building them). Set for
 * one parse and emptied after it; a parse never starts another.
 */
const current: GlobalParseEnv & VrrpParseEnv & CheckParseEnv = {
  global: emptyGlobal(),
  instances: [],
  scripts: [],
  servers: [],
  log: () => {},
  hasInterface: () => true,
};

const tables = new Map<KeepalivedProcess, readonly Keyword[]>();

function keywordsOf(proc: KeepalivedProcess): readonly Keyword[] {
  let t = tables.get(proc);
  if (!t) {
    t = [
      ...globalKeywords(current),
      ...vrrpKeywords(current, proc === 'vrrp'),
      ...checkKeywords(current, proc === 'check'),
    ];
    tables.set(proc, t);
  }
  return t;
}

const ignore = (): void => {};
const anyInterface = (): boolean => true;

export function parseKeepalivedConf(
  text: string,
  proc: KeepalivedProcess,
  hasInterface: (name: string) => boolean = () => true,
): ParseResult {
  const messages: string[] = [];
  const log = (m: string): void => {
    messages.push(m);
  };
  const config: KeepalivedConfig = {
    global: emptyGlobal(),
    vrrpScripts: [],
    vrrpInstances: [],
    virtualServers: [],
  };
  Object.assign(current, {
    global: config.global,
    instances: config.vrrpInstances,
    scripts: config.vrrpScripts,
    servers: config.virtualServers,
    log,
    hasInterface,
  });
  try {
    processStream(keywordsOf(proc), new LineReader(text), log);
  } finally {
    // Shared functions, not literals made here: a function literal assigned to a property lives in
    // old space and would keep this parse's messages alive (docs/architecture.md, "Closures and
    // young-generation GC").
    Object.assign(current, { global: emptyGlobal(), instances: [], scripts: [], servers: [], log: ignore });
    current.hasInterface = anyInterface;
  }
  return { config, messages };
}
