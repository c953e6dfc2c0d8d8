/**
 * The body of ipvsadm's option loop: one handler per option tag, each recording the option bit
 * (a second use fails with "multiple ... options specified") and parsing its argument.
 */
import { addrHandlers } from './optionHandlersAddr';
import { daemonHandlers } from './optionHandlersDaemon';
import type { CommandEntry, Format } from './entry';
import { fail } from './errors';
import type { OptName } from './legality';
import type { Handler, ParseState } from './parseState';
import { numberOr, setOption } from './parseState';

const flagOption =
  (name: OptName, format?: keyof Format): Handler =>
  (p) => {
    setOption(p, name);
    if (format) p.ce.format[format] = true;
  };

const INT_MAX = 2147483647;

const destHandlers: Record<string, Handler> = {
  m: (p) => forward(p, 'masq'),
  i: (p) => forward(p, 'tunnel'),
  g: (p) => forward(p, 'route'),
  w: (p, a) => {
    setOption(p, 'weight');
    p.ce.dest.weight = numberOr(a, 0, 65535, 'illegal weight specified');
  },
  x: (p, a) => {
    setOption(p, 'u-threshold');
    p.ce.dest.uThreshold = numberOr(a, 0, INT_MAX, 'illegal u_threshold specified');
  },
  y: (p, a) => {
    setOption(p, 'l-threshold');
    p.ce.dest.lThreshold = numberOr(a, 0, INT_MAX, 'illegal l_threshold specified');
  },
  'tun-type': (p, a) => {
    setOption(p, 'tun-type');
    if (a !== 'ipip' && a !== 'gue' && a !== 'gre') fail('illegal tunnel type specified');
    p.ce.dest.tunType = a;
  },
  'tun-port': (p, a) => {
    setOption(p, 'tun-port');
    p.ce.dest.tunPort = numberOr(a, 1, 65535, 'illegal tunnel port specified');
  },
  'tun-nocsum': (p) => setOption(p, 'tun-nocsum'),
  'tun-csum': (p) => tunFlag(p, 'tun-csum', 1),
  'tun-remcsum': (p) => tunFlag(p, 'tun-remcsum', 2),
};

function forward(p: ParseState, fwd: CommandEntry['dest']['fwd']): void {
  setOption(p, 'forwarding-method');
  p.ce.dest.fwd = fwd;
}

function tunFlag(p: ParseState, name: OptName, bit: number): void {
  setOption(p, name);
  p.ce.dest.tunFlags |= bit;
}

const listHandlers: Record<string, Handler> = {
  c: flagOption('connection'),
  n: flagOption('numeric', 'numeric'),
  timeout: flagOption('timeout'),
  daemon: flagOption('daemon'),
  stats: flagOption('stats', 'stats'),
  rate: flagOption('rate', 'rate'),
  thresholds: flagOption('thresholds', 'thresholds'),
  'persistent-conn': flagOption('persistent-conn', 'persistentConn'),
  nosort: flagOption('nosort', 'nosort'),
  // --sort is the default; ipvsadm accepts it and records nothing.
  sort: () => undefined,
  X: flagOption('exact', 'exact'),
  'tun-info': flagOption('tun-info', 'tunInfo'),
};

/** Every option tag the loop accepts; the command tags are missing on purpose ("invalid option"). */
export const HANDLERS: Record<string, Handler> = {
  ...addrHandlers,
  ...destHandlers,
  ...listHandlers,
  ...daemonHandlers,
};
