/**
 * A pcap-filter subset compiled to a predicate: `host`, `net`, `port` (with src/dst), `tcp`,
 * `udp`, `icmp`, `arp`, `vrrp`, `ip`, `ip proto N`, `proto N`, `ether host|src|dst`, `not`/`!`, `and`/`&&`,
 * `or`/`||` (equal precedence, left to right, as in libpcap) and parentheses. Primitives look
 * at the outer headers only, so `tcp` does not match an IPIP packet carrying TCP.
 */
import type { EthernetFrame } from '../../../packet/types';
import { inSubnet } from '../../../stack/addrMath';
import { isDottedQuad } from '../common/inet';

export type FramePred = (f: EthernetFrame) => boolean;

export type CompileResult = { ok: true; pred: FramePred } | { ok: false; error: string };

/** Port names from /etc/services that lab students meet. */
export const SERVICE_PORTS: Readonly<Record<string, number>> = {
  ftp: 21,
  ssh: 22,
  telnet: 23,
  smtp: 25,
  domain: 53,
  http: 80,
  https: 443,
  accessbuilder: 888,
  mysql: 3306,
  webcache: 8080,
};

class FilterError {
  constructor(readonly message: string) {}
}

interface View {
  ip?: { src: string; dst: string; protocol: number; sport?: number; dport?: number };
  arp?: { spa: string; tpa: string };
}

function view(f: EthernetFrame): View {
  const p = f.payload;
  if (p.proto === 'arp') return { arp: { spa: p.spa, tpa: p.tpa } };
  if (p.proto !== 'ipv4') return {};
  const l4 = p.payload;
  const ports = l4.proto === 'tcp' || l4.proto === 'udp' ? { sport: l4.srcPort, dport: l4.dstPort } : {};
  return { ip: { src: p.src, dst: p.dst, protocol: p.protocol, ...ports } };
}

type Dir = 'src' | 'dst' | 'either';

function addrMatch(v: View, dir: Dir, test: (a: string) => boolean): boolean {
  const pairs: [string, string][] = [];
  if (v.ip) pairs.push([v.ip.src, v.ip.dst]);
  if (v.arp) pairs.push([v.arp.spa, v.arp.tpa]);
  return pairs.some(([s, d]) => (dir !== 'dst' && test(s)) || (dir !== 'src' && test(d)));
}

class Parser {
  private i = 0;
  constructor(private readonly toks: string[]) {}

  private peek(): string | undefined {
    return this.toks[this.i];
  }
  private take(): string {
    const t = this.toks[this.i++];
    if (t === undefined) throw new FilterError('syntax error');
    return t;
  }

  parse(): FramePred {
    const e = this.expr();
    if (this.peek() !== undefined) throw new FilterError('syntax error');
    return e;
  }

  private expr(): FramePred {
    let left = this.factor();
    for (;;) {
      const t = this.peek();
      if (t === 'and' || t === '&&') {
        this.i++;
        const l = left;
        const r = this.factor();
        left = (f) => l(f) && r(f);
      } else if (t === 'or' || t === '||') {
        this.i++;
        const l = left;
        const r = this.factor();
        left = (f) => l(f) || r(f);
      } else return left;
    }
  }

  private factor(): FramePred {
    const t = this.take();
    if (t === 'not' || t === '!') {
      const inner = this.factor();
      return (f) => !inner(f);
    }
    if (t === '(') {
      const e = this.expr();
      if (this.take() !== ')') throw new FilterError('syntax error');
      return e;
    }
    return this.primitive(t);
  }

  private primitive(first: string): FramePred {
    let t = first;
    let dir: Dir = 'either';
    if (t === 'src' || t === 'dst') {
      dir = t;
      t = this.take();
    }
    if (t === 'ether') return this.ether();
    const proto = t === 'tcp' || t === 'udp' ? t : undefined;
    if (proto && (this.peek() === 'port' || this.peek() === 'src' || this.peek() === 'dst')) {
      if (this.peek() !== 'port') dir = this.take() as Dir;
      this.take();
      return this.port(this.take(), dir, proto === 'tcp' ? 6 : 17);
    }
    if (dir === 'either') {
      if (t === 'tcp') return (f) => view(f).ip?.protocol === 6;
      if (t === 'udp') return (f) => view(f).ip?.protocol === 17;
      if (t === 'icmp') return (f) => view(f).ip?.protocol === 1;
      if (t === 'arp') return (f) => f.payload.proto === 'arp';
      if (t === 'vrrp') return (f) => view(f).ip?.protocol === 112;
      if (t === 'proto') return this.proto();
      if (t === 'ip') return this.ip();
    }
    if (t === 'host') return this.host(this.take(), dir);
    if (t === 'net') return this.net(this.take(), dir);
    if (t === 'port') return this.port(this.take(), dir, undefined);
    if (isDottedQuad(t)) return this.host(t, dir);
    if (/^[0-9]/.test(t)) throw new FilterError('syntax error');
    throw new FilterError(`unknown host '${t}'`);
  }

  /** `proto N` / `ip proto N`: by number or by name (tcp, udp, icmp, vrrp). */
  private proto(): FramePred {
    const v = this.take();
    const n = /^\d+$/.test(v)
      ? Number(v)
      : ({ tcp: 6, udp: 17, icmp: 1, vrrp: 112 } as Record<string, number>)[v];
    if (n === undefined) throw new FilterError(`unknown ip proto '${v}'`);
    return (f) => view(f).ip?.protocol === n;
  }

  private ip(): FramePred {
    if (this.peek() === 'proto') {
      this.i++;
      return this.proto();
    }
    if (this.peek() === 'host' || this.peek() === 'src' || this.peek() === 'dst') {
      const next = this.take();
      return this.primitive(next);
    }
    return (f) => f.payload.proto === 'ipv4';
  }

  private ether(): FramePred {
    const q = this.take();
    const mac = q === 'host' || q === 'src' || q === 'dst' ? this.take() : q;
    if (!/^([0-9a-f]{1,2}:){5}[0-9a-f]{1,2}$/i.test(mac)) throw new FilterError(`bad ether address '${mac}'`);
    const m = mac
      .toLowerCase()
      .split(':')
      .map((x) => x.padStart(2, '0'))
      .join(':');
    return (f) => (q !== 'dst' && f.src === m) || (q !== 'src' && f.dst === m);
  }

  private host(id: string, dir: Dir): FramePred {
    if (!isDottedQuad(id)) throw new FilterError(`unknown host '${id}'`);
    return (f) => addrMatch(view(f), dir, (a) => a === id);
  }

  private net(id: string, dir: Dir): FramePred {
    const [addr = '', lenText] = id.split('/');
    if (!isDottedQuad(addr)) throw new FilterError(`unknown network '${id}'`);
    const len = lenText === undefined ? 32 : Number(lenText);
    if (!Number.isInteger(len)) throw new FilterError('syntax error');
    if (len > 32) throw new FilterError('mask length must be <= 32');
    if (!isNetworkAddr(addr, len)) throw new FilterError(`non-network bits set in "${id}"`);
    return (f) => addrMatch(view(f), dir, (a) => inSubnet(a, addr, len));
  }

  private port(id: string, dir: Dir, proto: number | undefined): FramePred {
    const n = /^\d+$/.test(id) ? Number(id) : SERVICE_PORTS[id];
    if (n === undefined || n > 65535)
      throw new FilterError(n === undefined ? `unknown port '${id}'` : `illegal port number ${id} > 65535`);
    return (f) => {
      const ip = view(f).ip;
      if (!ip || ip.sport === undefined || (proto !== undefined && ip.protocol !== proto)) return false;
      return (dir !== 'dst' && ip.sport === n) || (dir !== 'src' && ip.dport === n);
    };
  }
}

function isNetworkAddr(addr: string, len: number): boolean {
  const p = addr.split('.').map(Number);
  const v = (((p[0] ?? 0) << 24) | ((p[1] ?? 0) << 16) | ((p[2] ?? 0) << 8) | (p[3] ?? 0)) >>> 0;
  const mask = len === 0 ? 0 : (0xffffffff << (32 - len)) >>> 0;
  return (v & ~mask) >>> 0 === 0;
}

/** Compile the filter words tcpdump received (joined by spaces, as it does). */
export function compileFilter(words: readonly string[]): CompileResult {
  const text = words.join(' ').trim();
  if (text === '') return { ok: true, pred: () => true };
  const toks = text
    .replace(/([()])/g, ' $1 ')
    .replace(/!(?!=)/g, ' ! ')
    .split(/\s+/)
    .filter((t) => t !== '');
  try {
    return { ok: true, pred: new Parser(toks).parse() };
  } catch (e) {
    if (e instanceof FilterError) return { ok: false, error: e.message };
    throw e;
  }
}
