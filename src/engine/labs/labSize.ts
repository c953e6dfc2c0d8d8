import type { Ipv4 } from '../packet/types';
import type { LabHost } from './labTypes';

/** How many real servers and client hosts a lab has (docs/linux-behaviour.md, "Lab size"). */
export interface LabSize {
  servers: number;
  clients: number;
}

/** A size as options give it: either count may be left out for its default. */
export type LabSizeInput = { [K in keyof LabSize]?: number | undefined };

export const DEFAULT_LAB_SIZE: Readonly<LabSize> = { servers: 2, clients: 1 };
export const LAB_SIZE_LIMITS = { servers: { min: 2, max: 8 }, clients: { min: 1, max: 8 } } as const;

/** Fill in the defaults; undefined when both counts are within labs.md's bounds, else why not. */
export function labSizeError(size: LabSizeInput): string | undefined {
  for (const key of ['servers', 'clients'] as const) {
    const v = size[key];
    const { min, max } = LAB_SIZE_LIMITS[key];
    if (v !== undefined && (!Number.isInteger(v) || v < min || v > max))
      return `${key} must be an integer from ${min} to ${max}, not ${String(v)}`;
  }
  return undefined;
}

export function fullLabSize(size: LabSizeInput = {}): LabSize {
  return {
    servers: size.servers ?? DEFAULT_LAB_SIZE.servers,
    clients: size.clients ?? DEFAULT_LAB_SIZE.clients,
  };
}

/** 1…n, the numbers of a lab's hosts of one kind. */
export function upTo(n: number, from = 1): number[] {
  const out: number[] = [];
  for (let k = from; k <= n; k++) out.push(k);
  return out;
}

/** The clients of every lab: client (j = 1) and client<j> at 172.16.132.(77 + j) on `public`. */
export function labClient(j: number, gateway: Ipv4): LabHost {
  return {
    name: j === 1 ? 'client' : `client${j}`,
    role: 'client',
    defaultVia: gateway,
    ifaces: [{ dev: 'eth0', addr: `172.16.132.${77 + j}`, prefix: 24, segment: 'public', role: 'CIP' }],
  };
}

/** A real server with one interface, its default route and httpd on `port`. */
export function realServer(k: number, addr: Ipv4, segment: string, gateway: Ipv4, port: number): LabHost {
  return {
    name: `rs${k}`,
    role: 'rs',
    defaultVia: gateway,
    httpd: port,
    ifaces: [{ dev: 'eth0', addr, prefix: 24, segment, role: 'RIP' }],
  };
}

/**
 * A lab's host list in labs.md's order: the table's hosts (with rs1, rs2 and the first client),
 * then rs3 … rsN, then client2 … clientM.
 */
export function sizedHosts(
  table: readonly LabHost[],
  size: LabSize,
  server: (k: number) => LabHost,
  client: (j: number) => LabHost,
): LabHost[] {
  return [...table, ...upTo(size.servers, 3).map(server), ...upTo(size.clients, 2).map(client)];
}
