import { TimerEvent } from '../core/eventQueue';
import type { QueuedEvent } from '../core/eventQueue';
import type { Ipv4 } from '../packet/types';
import type { IpvsConn } from './conn';
import type { ConnTable } from './connTable';
import type { IpvsDest, IpvsService } from './service';
import type { IpvsConnState } from './tcpStates';
import type { FwdMethod } from './types';

const INACTIVE = 1;
const NO_OUTPUT = 2;
const TEMPLATE = 4;
const ONE_PACKET = 8;
const ASSURED = 16;
/** Armed as its own expiry timer and not yet run (cancelled: stays set, the heap may still hold it). */
const QUEUED = 32;
// Above the flags: the protocol (2 bits), the forwarding method (2 bits), the hash bucket (12 bits).
const PROTO_SHIFT = 6;
const FWD_SHIFT = 8;
const BUCKET_SHIFT = 10;
const PROTOS: readonly IpvsConn['proto'][] = ['TCP', 'UDP', 'SCTP', 'IP'];
const FWDS: readonly FwdMethod[] = ['masq', 'route', 'tunnel', 'local'];

/**
 * The last id read and its serial: a packet's events read its entry's id several times in a row
 * (ipvs.state, ipvs.xmit), and the entry does not keep the string (it lives for minutes).
 */
let lastSerial = -1;
let lastId = '';

/**
 * The entries IPVS makes (IpvsConn), packed as the kernel packs ip_vs_conn's flags: the five
 * booleans in one number, and the id kept as its number (`conn#N`, rebuilt when read). A busy
 * director holds an entry per connection for two minutes after it closes. The entry is its own
 * expiry timer (ConnTable.arm) whenever it is not already in the event queue.
 */
export class IpvsConnEntry extends TimerEvent implements IpvsConn {
  timeoutUs: number;
  expires = 0;
  nControl = 0;
  timer: QueuedEvent | undefined = undefined;
  state: IpvsConnState;
  private flags: number;
  /** cport << 16 | vport, as int32. */
  private ports: number;
  /** The table that expires it (set when inserted). */
  table: ConnTable | undefined = undefined;

  constructor(
    private readonly serial: number,
    proto: IpvsConn['proto'],
    readonly caddr: Ipv4,
    cport: number,
    readonly vaddr: Ipv4,
    vport: number,
    readonly daddr: Ipv4,
    readonly dport: number,
    readonly svc: IpvsService,
    readonly dest: IpvsDest,
    fwd: FwdMethod,
    template: boolean,
    public control: IpvsConn | undefined,
    onePacket: boolean,
    timeoutUs: number,
    readonly created: number,
  ) {
    super();
    this.state = template ? 'NONE' : proto === 'UDP' ? 'UDP' : 'NONE';
    this.flags =
      INACTIVE |
      (fwd !== 'masq' ? NO_OUTPUT : 0) |
      (template ? TEMPLATE : 0) |
      (onePacket ? ONE_PACKET : 0) |
      (PROTOS.indexOf(proto) << PROTO_SHIFT) |
      (FWDS.indexOf(fwd) << FWD_SHIFT);
    this.timeoutUs = timeoutUs;
    this.ports = (cport << 16) | vport;
  }

  get cport(): number {
    return this.ports >>> 16;
  }

  set cport(p: number) {
    this.ports = (p << 16) | (this.ports & 0xffff);
  }

  get vport(): number {
    return this.ports & 0xffff;
  }

  set vport(p: number) {
    this.ports = (this.ports & ~0xffff) | (p & 0xffff);
  }

  get label(): string {
    return 'ipvs-conn-expire';
  }

  /** Can it be armed as its own timer (never queued, or already run)? */
  get idle(): boolean {
    return (this.flags & QUEUED) === 0;
  }

  /** Armed as its own timer. */
  queued(): void {
    this.flags |= QUEUED;
  }

  run(): void {
    this.flags &= ~QUEUED;
    this.table?.due(this);
  }

  get id(): string {
    if (this.serial !== lastSerial) {
      lastSerial = this.serial;
      lastId = `conn#${this.serial}`;
    }
    return lastId;
  }

  get proto(): IpvsConn['proto'] {
    return PROTOS[(this.flags >> PROTO_SHIFT) & 3]!;
  }

  get fwd(): FwdMethod {
    return FWDS[(this.flags >> FWD_SHIFT) & 3]!;
  }

  /** Position in the hash table (12 bits), for `-lnc`'s kernel order. */
  get bucket(): number {
    return this.flags >>> BUCKET_SHIFT;
  }

  set bucket(b: number) {
    this.flags = (this.flags & ((1 << BUCKET_SHIFT) - 1)) | ((b & 0xfff) << BUCKET_SHIFT);
  }

  get template(): boolean {
    return (this.flags & TEMPLATE) !== 0;
  }

  get onePacket(): boolean {
    return (this.flags & ONE_PACKET) !== 0;
  }

  get inactive(): boolean {
    return (this.flags & INACTIVE) !== 0;
  }

  set inactive(v: boolean) {
    this.flags = v ? this.flags | INACTIVE : this.flags & ~INACTIVE;
  }

  get noOutput(): boolean {
    return (this.flags & NO_OUTPUT) !== 0;
  }

  set noOutput(v: boolean) {
    this.flags = v ? this.flags | NO_OUTPUT : this.flags & ~NO_OUTPUT;
  }

  get assured(): boolean {
    return (this.flags & ASSURED) !== 0;
  }

  set assured(v: boolean) {
    this.flags = v ? this.flags | ASSURED : this.flags & ~ASSURED;
  }
}
