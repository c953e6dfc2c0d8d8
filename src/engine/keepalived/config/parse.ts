/**
 * keepalived.conf through 1.3.5's parser, as one of its three processes reads it: the parent
 * (global_defs only), the VRRP child or the checker child. Each process logs what it finds
 * itself, so an unknown top-level keyword is reported three times, one inside a
 * vrrp_instance only by Keepalived_vrrp.
 */
import { checkKeywords } from './checkKeywords';
import { globalKeywords } from './globalKeywords';
import { processStream } from './stream';
import { LineReader } from './tokens';
import type { KeepalivedConfig } from './types';
import { emptyGlobal } from './types';
import { vrrpKeywords } from './vrrpKeywords';

export type KeepalivedProcess = 'parent' | 'vrrp' | 'check';

export interface ParseResult {
  config: KeepalivedConfig;
  /** Log lines, in order, as this process writes them. */
  messages: string[];
}

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
  const keywords = [
    ...globalKeywords(config.global),
    ...vrrpKeywords(
      { instances: config.vrrpInstances, scripts: config.vrrpScripts, log, hasInterface },
      proc === 'vrrp',
    ),
    ...checkKeywords({ servers: config.virtualServers, log }, proc === 'check'),
  ];
  processStream(keywords, new LineReader(text), log);
  return { config, messages };
}
