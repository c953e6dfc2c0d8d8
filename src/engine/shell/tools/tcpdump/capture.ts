/**
 * A live capture on one host interface, fed by the simulation trace: `frame.tx` (frames the
 * interface sent) and `frame.rx` (frames delivered to it, promiscuous like tcpdump) give the
 * Ethernet frames; `ipip.decap` gives what tunl0 sees. Each matching frame becomes one tcpdump
 * line handed to `sink` as it happens, so a capture can run in the background while other
 * commands drive the clock: the CLI starts it, attributes each line to whatever command is
 * running, and calls stop() for the summary.
 */
import type { EventOf, TraceEvent } from '../../../core/trace';
import { frameLength } from '../../../packet/frame';
import type { EthernetFrame, Ipv4Packet } from '../../../packet/types';
import type { Host } from '../../../stack/host';
import type { Network } from '../../../stack/network';
import { clockWithMicros } from '../common/clock';
import { reverseName } from '../common/names';
import { compileFilter } from './filter';
import type { FramePred } from './filter';
import { arpText, ipText, SeqTable } from './format';
import type { FormatOptions } from './format';

export interface CaptureOptions {
  /** Interface name, `any`, or undefined for the first up Ethernet interface. */
  dev?: string;
  /** Number of -n flags. */
  numeric: number;
  /** -e: print the link-level header. */
  link: boolean;
  /** -c: stop after this many packets. */
  count?: number;
  /** Number of -t flags (0 = time of day, 1 = none, 2 = epoch, 3 = delta, 4 = date and time). */
  tsMode: number;
  absoluteSeq: boolean;
  quiet: boolean;
  /** -s snap length (only the banner shows it). */
  snaplen: number;
  /** The filter expression words. */
  filter: string[];
}

export interface CaptureHandle {
  readonly dev: string;
  /** Packets printed so far. */
  readonly count: number;
  /** True once -c packets were captured (or stop() was called). */
  readonly done: boolean;
  /** Stop capturing; returns the summary lines tcpdump prints to stderr. */
  stop(): string[];
}

export type CaptureStart =
  { ok: true; handle: CaptureHandle; banner: string[] } | { ok: false; stderr: string; status: number };

interface Seen {
  t: number;
  frame: EthernetFrame;
  /** Received (padded) or sent. */
  rx: boolean;
  dev: string;
  pktType: 'In' | 'Out' | 'B' | 'P';
}

function pickDev(host: Host, dev: string | undefined): string | undefined {
  if (dev !== undefined) return dev;
  return [...host.devices.values()].sort((a, b) => a.index - b.index).find((d) => d.kind === 'ether' && d.up)
    ?.name;
}

function linkType(host: Host, dev: string): string {
  if (dev === 'any') return 'LINUX_SLL (Linux cooked)';
  return host.devices.get(dev)?.kind === 'ipip' ? 'RAW (Raw IP)' : 'EN10MB (Ethernet)';
}

function timestamp(o: CaptureOptions, t: number, prev: number | undefined): string {
  if (o.tsMode === 1) return '';
  if (o.tsMode === 2) return `${1564992000 + Math.floor(t / 1e6)}.${String(t % 1e6).padStart(6, '0')} `;
  if (o.tsMode === 3) return `${duration(t - (prev ?? t))} `;
  if (o.tsMode >= 4) return `2019-08-05 ${clockWithMicros(t)} `;
  return `${clockWithMicros(t)} `;
}

/** -ttt: time since the previous packet as HH:MM:SS.uuuuuu. */
function duration(us: number): string {
  const s = Math.floor(us / 1e6);
  const two = (n: number): string => String(n).padStart(2, '0');
  return `${two(Math.floor(s / 3600))}:${two(Math.floor((s % 3600) / 60))}:${two(s % 60)}.${String(us % 1e6).padStart(6, '0')}`;
}

function linkPrefix(s: Seen, dev: string): string {
  const f = s.frame;
  const len = frameLength(f, s.rx);
  const et =
    f.ethertype === 0x0806
      ? 'ARP (0x0806)'
      : f.ethertype === 0x0800
        ? 'IPv4 (0x0800)'
        : `Unknown (0x${f.ethertype.toString(16).padStart(4, '0')})`;
  if (dev === 'any') return `${s.pktType.padStart(3)} ${f.src} ethertype ${et}, length ${len + 2}: `;
  return `${f.src} > ${f.dst}, ethertype ${et}, length ${len}: `;
}

function packetText(s: Seen, fo: FormatOptions, seqs: SeqTable): string {
  const p = s.frame.payload;
  if (p.proto === 'arp') return arpText(p, frameLength(s.frame, s.rx) - 14, fo);
  if (p.proto === 'ipv4') return ipText(p, fo, seqs);
  return `ethertype Unknown (0x${s.frame.ethertype.toString(16).padStart(4, '0')}), length ${frameLength(s.frame, s.rx)}`;
}

/** Open the capture: the same checks and banner as tcpdump, then lines go to `sink`. */
export function startCapture(
  host: Host,
  net: Network,
  o: CaptureOptions,
  sink: (line: string) => void,
): CaptureStart {
  const dev = pickDev(host, o.dev);
  if (dev === undefined) return { ok: false, stderr: 'tcpdump: no suitable device found\n', status: 1 };
  const nd = host.devices.get(dev);
  if (dev !== 'any' && !nd)
    return {
      ok: false,
      stderr: `tcpdump: ${dev}: No such device exists\n(SIOCGIFHWADDR: No such device)\n`,
      status: 1,
    };
  if (nd && !nd.up) return { ok: false, stderr: `tcpdump: ${dev}: That device is not up\n`, status: 1 };
  const compiled = compileFilter(o.filter);
  if (!compiled.ok) return { ok: false, stderr: `tcpdump: ${compiled.error}\n`, status: 1 };
  const banner = [
    'tcpdump: verbose output suppressed, use -v or -vv for full protocol decode',
    `listening on ${dev}, link-type ${linkType(host, dev)}, capture size ${o.snaplen} bytes`,
  ];
  const state = new CaptureState(host, net, dev, o, compiled.pred, sink);
  const unsubscribe = net.sim.trace.subscribe((ev) => state.onEvent(ev));
  state.onDone = unsubscribe;
  const handle: CaptureHandle = {
    dev,
    get count() {
      return state.count;
    },
    get done() {
      return state.stopped;
    },
    stop() {
      state.stop();
      const n = state.count;
      const plural = (k: number): string => (k === 1 ? '' : 's');
      return [
        `${n} packet${plural(n)} captured`,
        `${state.matched} packet${plural(state.matched)} received by filter`,
        '0 packets dropped by kernel',
      ];
    },
  };
  return { ok: true, handle, banner };
}

class CaptureState {
  count = 0;
  matched = 0;
  stopped = false;
  onDone: () => void = () => undefined;
  private readonly frames = new Map<string, EthernetFrame>();
  private readonly rxByPkt = new Map<string, EthernetFrame>();
  private readonly seqs = new SeqTable();
  private prevT: number | undefined;

  constructor(
    private readonly host: Host,
    private readonly net: Network,
    private readonly dev: string,
    private readonly o: CaptureOptions,
    private readonly pred: FramePred,
    private readonly sink: (line: string) => void,
  ) {}

  private mine(ev: EventOf<'frame.tx' | 'frame.rx'>): boolean {
    if (ev.host !== this.host.name) return false;
    return this.dev === 'any' ? this.host.devices.get(ev.dev)?.kind === 'ether' : ev.dev === this.dev;
  }

  private frameById(id: string): EthernetFrame | undefined {
    const f = this.frames.get(id);
    if (f) return f;
    for (let i = this.net.frames.length - 1; i >= 0; i--) {
      const w = this.net.frames.at(i);
      if (w?.id === id) return w.frame;
    }
    return undefined;
  }

  onEvent(ev: TraceEvent): void {
    if (this.stopped) return;
    if (ev.kind === 'frame.tx') {
      const f = ev.eth;
      this.frames.set(ev.frame, f);
      if (this.frames.size > 4096) this.frames.delete(this.frames.keys().next().value ?? '');
      if (this.mine(ev)) this.emit({ t: ev.t, frame: f, rx: false, dev: ev.dev, pktType: 'Out' });
    } else if (ev.kind === 'frame.rx') {
      const f = this.frameById(ev.frame);
      if (!f || ev.host !== this.host.name) return;
      if (ev.pkt !== null) this.rxByPkt.set(ev.pkt, f);
      if (!this.mine(ev)) return;
      const mac = this.host.devices.get(ev.dev)?.mac;
      const pktType = f.dst === 'ff:ff:ff:ff:ff:ff' ? 'B' : f.dst === mac ? 'In' : 'P';
      this.emit({ t: ev.t, frame: f, rx: true, dev: ev.dev, pktType });
    } else if (ev.kind === 'ipip.decap' && ev.host === this.host.name && this.dev === 'tunl0') {
      const outer = this.rxByPkt.get(ev.pkt);
      const inner = outer?.payload.proto === 'ipv4' ? outer.payload.payload : undefined;
      if (inner?.proto === 'ipv4') this.emitRaw(ev.t, inner);
    }
  }

  private formatOptions(): FormatOptions {
    const host = this.host;
    return {
      numeric: this.o.numeric,
      absoluteSeq: this.o.absoluteSeq,
      quiet: this.o.quiet,
      name: (ip) => reverseName(host, ip),
    };
  }

  private emit(s: Seen): void {
    if (!this.pred(s.frame)) return;
    const fo = this.formatOptions();
    const link = this.o.link ? linkPrefix(s, this.dev) : '';
    this.line(s.t, link + packetText(s, fo, this.seqs));
  }

  private emitRaw(t: number, p: Ipv4Packet): void {
    const frame: EthernetFrame = {
      dst: '00:00:00:00:00:00',
      src: '00:00:00:00:00:00',
      ethertype: 0x0800,
      payload: p,
    };
    if (!this.pred(frame)) return;
    this.line(t, ipText(p, this.formatOptions(), this.seqs));
  }

  private line(t: number, text: string): void {
    this.matched++;
    this.count++;
    this.sink(timestamp(this.o, t, this.prevT) + text);
    this.prevT = t;
    if (this.o.count !== undefined && this.count >= this.o.count) this.stop();
  }

  stop(): void {
    if (this.stopped) return;
    this.stopped = true;
    this.onDone();
  }
}
