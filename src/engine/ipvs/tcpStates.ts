/**
 * IPVS's TCP connection states and transition tables (ip_vs_proto_tcp.c; docs/linux-behaviour.md, "IPVS").
 * Not the TCP socket states: these are what the director infers from the packets it sees.
 */
export const IPVS_TCP_STATES = [
  'NONE',
  'ESTABLISHED',
  'SYN_SENT',
  'SYN_RECV',
  'FIN_WAIT',
  'TIME_WAIT',
  'CLOSE',
  'CLOSE_WAIT',
  'LAST_ACK',
  'LISTEN',
  'SYNACK',
] as const;
export type IpvsTcpState = (typeof IPVS_TCP_STATES)[number];
export type IpvsConnState = IpvsTcpState | 'UDP' | 'ASSURED';

/** Default timeouts in seconds (tcp_timeouts[]). */
export const TCP_TIMEOUTS_S: Readonly<Record<IpvsTcpState, number>> = {
  NONE: 2,
  ESTABLISHED: 900,
  SYN_SENT: 120,
  SYN_RECV: 60,
  FIN_WAIT: 120,
  TIME_WAIT: 120,
  CLOSE: 10,
  CLOSE_WAIT: 60,
  LAST_ACK: 30,
  LISTEN: 120,
  SYNACK: 120,
};
export const UDP_TIMEOUT_S = 300;

/**
 * A director's own timeout table, the defaults to start with. Written out, not a spread of
 * TCP_TIMEOUTS_S: V8 gave every spread copy a hidden class of its own, so each new runtime's table
 * was new to the JIT's code and every packet's timeout lookup deoptimised it once more.
 */
export function defaultTimeouts(): Record<IpvsTcpState | 'UDP', number> {
  const t = TCP_TIMEOUTS_S;
  return {
    NONE: t.NONE,
    ESTABLISHED: t.ESTABLISHED,
    SYN_SENT: t.SYN_SENT,
    SYN_RECV: t.SYN_RECV,
    FIN_WAIT: t.FIN_WAIT,
    TIME_WAIT: t.TIME_WAIT,
    CLOSE: t.CLOSE,
    CLOSE_WAIT: t.CLOSE_WAIT,
    LAST_ACK: t.LAST_ACK,
    LISTEN: t.LISTEN,
    SYNACK: t.SYNACK,
    UDP: UDP_TIMEOUT_S,
  };
}

/** Kernels ≥ 4.7 count these as active (tcp_state_active). */
export const ACTIVE_STATES: ReadonlySet<IpvsConnState> = new Set([
  'ESTABLISHED',
  'SYN_SENT',
  'SYN_RECV',
  'SYNACK',
]);

/**
 * ACTIVE_STATES.has(s), by comparisons: the state strings are the table's own constants, and a
 * Set's hash lookup per packet through the director cost more.
 */
export function isActiveState(s: IpvsConnState): boolean {
  return s === 'ESTABLISHED' || s === 'SYN_SENT' || s === 'SYN_RECV' || s === 'SYNACK';
}

export type TcpDirection = 'INPUT' | 'OUTPUT' | 'INPUT_ONLY';
export type TcpEvent = 'syn' | 'fin' | 'ack' | 'rst';

type Row = readonly [IpvsTcpState, IpvsTcpState, IpvsTcpState, IpvsTcpState];
const S = (a: string): IpvsTcpState => a as IpvsTcpState;
/** Rows in state order, columns syn, fin, ack, rst. */
function table(rows: string): Row[] {
  return rows
    .trim()
    .split('\n')
    .map((line) => line.trim().split(/\s+/).map(S) as unknown as Row);
}

const INPUT = table(`
  SYN_RECV CLOSE ESTABLISHED CLOSE
  ESTABLISHED CLOSE_WAIT ESTABLISHED CLOSE
  ESTABLISHED SYN_SENT SYN_SENT CLOSE
  SYN_RECV TIME_WAIT ESTABLISHED SYN_RECV
  SYN_RECV TIME_WAIT FIN_WAIT CLOSE
  SYN_RECV TIME_WAIT TIME_WAIT CLOSE
  SYN_RECV CLOSE CLOSE CLOSE
  SYN_RECV CLOSE_WAIT CLOSE_WAIT CLOSE
  SYN_RECV LAST_ACK CLOSE LAST_ACK
  SYN_RECV LISTEN LISTEN LISTEN
  SYN_RECV TIME_WAIT ESTABLISHED SYN_RECV`);

const OUTPUT = table(`
  SYN_SENT TIME_WAIT ESTABLISHED CLOSE
  ESTABLISHED FIN_WAIT ESTABLISHED CLOSE
  SYN_SENT SYN_SENT SYN_SENT SYN_SENT
  SYN_RECV TIME_WAIT ESTABLISHED CLOSE
  SYN_SENT FIN_WAIT FIN_WAIT CLOSE
  SYN_SENT TIME_WAIT TIME_WAIT TIME_WAIT
  SYN_SENT CLOSE CLOSE CLOSE
  SYN_SENT TIME_WAIT CLOSE_WAIT CLOSE
  SYN_SENT LAST_ACK LAST_ACK CLOSE
  LISTEN LISTEN ESTABLISHED CLOSE
  SYN_RECV TIME_WAIT ESTABLISHED CLOSE`);

const INPUT_ONLY = table(`
  SYN_RECV CLOSE ESTABLISHED CLOSE
  ESTABLISHED FIN_WAIT ESTABLISHED CLOSE
  ESTABLISHED SYN_SENT SYN_SENT CLOSE
  SYN_RECV TIME_WAIT ESTABLISHED SYN_RECV
  SYN_RECV FIN_WAIT FIN_WAIT CLOSE
  SYN_RECV TIME_WAIT TIME_WAIT CLOSE
  SYN_RECV CLOSE CLOSE CLOSE
  SYN_RECV CLOSE_WAIT CLOSE_WAIT CLOSE
  SYN_RECV LAST_ACK CLOSE LAST_ACK
  SYN_RECV LISTEN LISTEN LISTEN
  SYN_RECV TIME_WAIT ESTABLISHED CLOSE`);

export const TCP_TABLES: Readonly<Record<TcpDirection, readonly Row[]>> = { INPUT, OUTPUT, INPUT_ONLY };

/** tcp_state_idx: the first of RST, SYN, FIN, ACK set; none → undefined (→ CLOSE). */
export function tcpEvent(flags: number): TcpEvent | undefined {
  if (flags & 0x04) return 'rst';
  if (flags & 0x02) return 'syn';
  if (flags & 0x01) return 'fin';
  if (flags & 0x10) return 'ack';
  return undefined;
}

export function nextTcpState(dir: TcpDirection, cur: IpvsTcpState, ev: TcpEvent | undefined): IpvsTcpState {
  if (ev === undefined) return 'CLOSE';
  // Comparisons, not TCP_TABLES[dir] and a column record by event name: keyed loads by several names at one site
  // go megamorphic, and every packet through the director asks.
  const rows = dir === 'INPUT' ? INPUT : dir === 'OUTPUT' ? OUTPUT : INPUT_ONLY;
  const col = ev === 'syn' ? 0 : ev === 'fin' ? 1 : ev === 'ack' ? 2 : 3;
  const row = rows[IPVS_TCP_STATES.indexOf(cur)];
  return row?.[col] ?? 'CLOSE';
}

/**
 * `timeouts[state]` (undefined for a state without one), by a switch: every packet through the
 * director asks, and the keyed read, meeting a dozen names, went megamorphic.
 */
export function timeoutSeconds(
  timeouts: Readonly<Record<IpvsTcpState | 'UDP', number>>,
  state: string,
): number | undefined {
  switch (state) {
    case 'ESTABLISHED':
      return timeouts.ESTABLISHED;
    case 'SYN_RECV':
      return timeouts.SYN_RECV;
    case 'FIN_WAIT':
      return timeouts.FIN_WAIT;
    case 'TIME_WAIT':
      return timeouts.TIME_WAIT;
    case 'CLOSE':
      return timeouts.CLOSE;
    case 'UDP':
      return timeouts.UDP;
    case 'NONE':
      return timeouts.NONE;
    case 'SYN_SENT':
      return timeouts.SYN_SENT;
    case 'CLOSE_WAIT':
      return timeouts.CLOSE_WAIT;
    case 'LAST_ACK':
      return timeouts.LAST_ACK;
    case 'LISTEN':
      return timeouts.LISTEN;
    case 'SYNACK':
      return timeouts.SYNACK;
  }
  return undefined;
}
