/** keepalived's IPVS calls (ipvswrapper.c ipvs_cmd) through the same control plane ipvsadm uses. */
import { addDest, addService, deleteDest, deleteService, editDest } from '../../ipvs/control';
import type { IpvsError } from '../../ipvs/control';
import { ipvsOf } from '../../ipvs/ipvs';
import type { ServiceKey } from '../../ipvs/service';
import type { FwdMethod } from '../../ipvs/types';
import type { Host } from '../../stack/host';
import type { VirtualServerConf } from '../config/types';

const FWD: Readonly<Record<VirtualServerConf['lbKind'], FwdMethod>> = {
  NAT: 'masq',
  DR: 'route',
  TUN: 'tunnel',
};

/** IP_VS_SO_SET_* numbers keepalived prints in its error line. */
const CMD = { addService: 1153, delService: 1155, addDest: 1156, delDest: 1158, editDest: 1159 } as const;

const ERRNO: Readonly<Record<IpvsError, [number, string]>> = {
  EEXIST: [17, 'File exists'],
  ENOENT: [2, 'No such file or directory'],
  ESRCH: [3, 'No such process'],
  ERANGE: [34, 'Numerical result out of range'],
  EINVAL: [22, 'Invalid argument'],
};

export function vsKey(vs: VirtualServerConf): ServiceKey | undefined {
  if (vs.fwmark !== undefined) return { kind: 'fwmark', fwmark: vs.fwmark };
  if (!vs.addr) return undefined;
  const protocol = vs.protocol === 'UDP' ? 'udp' : vs.protocol === 'SCTP' ? 'sctp' : 'tcp';
  return { kind: 'addr', protocol, addr: vs.addr.ip, port: vs.addr.port };
}

export function fmtVs(vs: VirtualServerConf): string {
  return vs.fwmark !== undefined ? `FWM ${vs.fwmark}` : `[${vs.addr?.ip ?? '0.0.0.0'}]:${vs.addr?.port ?? 0}`;
}

export class IpvsOps {
  constructor(
    private readonly host: Host,
    private readonly log: (text: string) => void,
  ) {}

  /** ipvs_talk: EEXIST on add and ENOENT/ESRCH on delete are not errors for keepalived. */
  private check(cmd: number, err: IpvsError | undefined, quiet: IpvsError[]): void {
    if (!err || quiet.includes(err)) return;
    const [no, text] = ERRNO[err];
    this.log(`IPVS (cmd ${cmd}, errno ${no}): ${text}`);
  }

  addVs(vs: VirtualServerConf): void {
    const key = vsKey(vs);
    if (!key) return;
    const err = addService(ipvsOf(this.host), key, {
      scheduler: vs.lbAlgo,
      persistent: vs.persistenceTimeout,
      netmask: vs.persistenceGranularity ?? '255.255.255.255',
      pe: '',
      ops: false,
      flags: { flag1: false, flag2: false, flag3: false },
    });
    this.check(CMD.addService, err, ['EEXIST']);
  }

  delVs(vs: VirtualServerConf): void {
    const key = vsKey(vs);
    if (key) this.check(CMD.delService, deleteService(ipvsOf(this.host), key), ['ESRCH', 'ENOENT']);
  }

  private opts(vs: VirtualServerConf, ip: string, port: number, weight: number) {
    return {
      addr: ip,
      port,
      fwd: FWD[vs.lbKind],
      weight,
      uThreshold: 0,
      lThreshold: 0,
      tunType: 'ipip' as const,
      tunPort: 0,
      tunFlags: 'nocsum' as const,
    };
  }

  addRs(vs: VirtualServerConf, ip: string, port: number, weight: number): void {
    const key = vsKey(vs);
    if (!key) return;
    const ipvs = ipvsOf(this.host);
    const err = addDest(ipvs, key, this.opts(vs, ip, port, weight));
    // An inhibited server is still in the table with weight 0: set its weight back.
    if (err === 'EEXIST') this.check(CMD.editDest, editDest(ipvs, key, this.opts(vs, ip, port, weight)), []);
    else this.check(CMD.addDest, err, []);
  }

  /** DELDEST, or with inhibit_on_failure EDITDEST weight 0. */
  delRs(vs: VirtualServerConf, ip: string, port: number, inhibit: boolean): void {
    const key = vsKey(vs);
    if (!key) return;
    const ipvs = ipvsOf(this.host);
    if (inhibit) this.check(CMD.editDest, editDest(ipvs, key, this.opts(vs, ip, port, 0)), ['ENOENT']);
    else this.check(CMD.delDest, deleteDest(ipvs, key, ip, port), ['ENOENT', 'ESRCH']);
  }
}
