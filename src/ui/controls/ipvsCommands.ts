import type { LabDefinition } from '@/engine';

/** The ipvsadm flag for a forwarding method as the trace names it. */
export function fwdFlag(fwd: string): string {
  return fwd === 'masq' ? '-m' : fwd === 'tunnel' ? '-i' : '-g';
}

/** The lab's virtual service as ipvsadm addresses it. */
export function serviceAddr(def: LabDefinition): string {
  return `${def.vip}:${def.vport}`;
}

/** The real servers the lab defines, as `RIP:port` with their forwarding method. */
export function labRealServers(def: LabDefinition): { key: string; host: string; fwd: string }[] {
  const fwd = def.id === 'nat' ? 'masq' : def.id === 'tun' ? 'tunnel' : 'route';
  return def.hosts
    .filter((h) => h.role === 'rs')
    .map((h) => {
      const rip = h.ifaces.find((i) => i.role === 'RIP') ?? h.ifaces[0]!;
      return { key: `${rip.addr}:${def.rport}`, host: h.name, fwd };
    });
}

export const ipvsCmd = {
  scheduler: (def: LabDefinition, s: string) => `ipvsadm -E -t ${serviceAddr(def)} -s ${s}`,
  weight: (def: LabDefinition, dest: string, fwd: string, w: number) =>
    `ipvsadm -e -t ${serviceAddr(def)} -r ${dest} ${fwdFlag(fwd)} -w ${w}`,
  remove: (def: LabDefinition, dest: string) => `ipvsadm -d -t ${serviceAddr(def)} -r ${dest}`,
  add: (def: LabDefinition, dest: string, fwd: string, w: number) =>
    `ipvsadm -a -t ${serviceAddr(def)} -r ${dest} ${fwdFlag(fwd)} -w ${w}`,
};

export function sysctlCmd(key: string, value: number): string {
  return `sysctl -w ${key}=${value}`;
}
