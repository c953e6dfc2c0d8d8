import type { QueuedEvent } from '../core/eventQueue';
import type { Ipv4 } from '../packet/types';
import type { IpvsConn } from './conn';
import type { IpvsDest, IpvsService } from './service';
import type { IpvsConnState } from './tcpStates';
import type { FwdMethod } from './types';

const INACTIVE = 1;
const NO_OUTPUT = 2;
const TEMPLATE = 4;
const ONE_PACKET = 8;
const ASSURED = 16;

/**
 * The entries IPVS makes (IpvsConn), packed as the kernel packs ip_vs_conn's flags: the five
 * booleans in one number, and the id kept as its number (`conn#N`, rebuilt when read). A busy
 * director holds an entry per connection for two minutes after it closes.
 */
export class IpvsConnEntry implements IpvsConn {
  timeoutUs: number;
  expires = 0;
  nControl = 0;
  bucket = 0;
  timer: QueuedEvent | undefined = undefined;
  state: IpvsConnState;
  private flags: number;

  constructor(
    private readonly serial: number,
    readonly proto: IpvsConn['proto'],
    readonly caddr: Ipv4,
    public cport: number,
    readonly vaddr: Ipv4,
    public vport: number,
    readonly daddr: Ipv4,
    readonly dport: number,
    readonly svc: IpvsService,
    readonly dest: IpvsDest,
    readonly fwd: FwdMethod,
    template: boolean,
    public control: IpvsConn | undefined,
    onePacket: boolean,
    timeoutUs: number,
    readonly created: number,
  ) {
    this.state = template ? 'NONE' : proto === 'UDP' ? 'UDP' : 'NONE';
    this.flags =
      INACTIVE | (fwd !== 'masq' ? NO_OUTPUT : 0) | (template ? TEMPLATE : 0) | (onePacket ? ONE_PACKET : 0);
    this.timeoutUs = timeoutUs;
  }

  get id(): string {
    return `conn#${this.serial}`;
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
