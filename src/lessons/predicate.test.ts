/** The predicate language over a real lab trace. */
import { beforeAll, describe, expect, it } from 'vitest';
import { LabRuntime } from '@/engine';
import { curlBodies, evaluate } from './predicate';
import type { Window } from './predicate';

let w: Window;
let beforeCurl: Window;

beforeAll(() => {
  const rt = LabRuntime.create('nat', { seed: 1 });
  const mark = rt.trace.length;
  rt.exec({ host: 'client', command: 'ip addr show eth0' });
  rt.exec({ host: 'client', command: 'for i in 1 2; do curl -s -m 2 172.16.132.18; done' });
  w = { trace: rt.trace, from: 0, to: rt.trace.length };
  beforeCurl = { trace: rt.trace, from: 0, to: mark };
});

describe('predicates', () => {
  it('service: matches count, method and scheduler; a wrong one fails', () => {
    expect(evaluate({ service: { host: 'director', realServers: 2, fwd: 'Masq' } }, w)).toBe(true);
    expect(evaluate({ service: { host: 'director', realServers: 3 } }, w)).toBe(false);
    expect(evaluate({ service: { host: 'director', fwd: 'Route' } }, w)).toBe(false);
    expect(evaluate({ service: { host: 'director', scheduler: 'wrr' } }, w)).toBe(false);
    expect(evaluate({ service: { host: 'rs1' } }, w)).toBe(false);
  });

  it('clientGot reads only curl output, within the window', () => {
    expect(curlBodies(w, 'client').sort()).toEqual(['rs1', 'rs2']);
    expect(evaluate({ clientGot: { host: 'client', from: ['rs1', 'rs2'], only: true } }, w)).toBe(true);
    expect(evaluate({ clientGot: { host: 'client', from: ['rs1'], only: true } }, w)).toBe(false);
    expect(evaluate({ clientGot: { host: 'client', from: ['rs1'] } }, beforeCurl)).toBe(false);
  });

  it('sysctl, addr, route read the folded state at the window end', () => {
    expect(evaluate({ sysctl: { host: 'director', key: 'net.ipv4.ip_forward', equals: '1' } }, w)).toBe(true);
    expect(evaluate({ sysctl: { host: 'director', key: 'net.ipv4.ip_forward', equals: '0' } }, w)).toBe(
      false,
    );
    expect(evaluate({ addr: { host: 'director', addr: '172.16.132.18', dev: 'eth1' } }, w)).toBe(true);
    expect(evaluate({ addr: { host: 'director', addr: '172.16.132.18', dev: 'eth0' } }, w)).toBe(false);
    expect(evaluate({ route: { host: 'rs1', dst: 'default', via: '192.168.99.120' } }, w)).toBe(true);
    expect(evaluate({ route: { host: 'rs1', dst: 'default', via: '192.168.99.1' } }, w)).toBe(false);
    expect(evaluate({ route: { host: 'rs1', dst: '192.168.99.0/24' } }, w)).toBe(true);
  });

  it('event counts matching events; all/any/not combine', () => {
    expect(evaluate({ event: { kind: 'ipvs.schedule', host: 'director' }, atLeast: 2 }, w)).toBe(true);
    expect(evaluate({ event: { kind: 'ipvs.schedule', host: 'director' }, atLeast: 3 }, w)).toBe(false);
    expect(evaluate({ event: { kind: 'ipvs.schedule' } }, beforeCurl)).toBe(false);
    const t = { sysctl: { host: 'director', key: 'net.ipv4.ip_forward', equals: '1' } };
    const f = { not: t };
    expect(evaluate({ all: [t, t] }, w)).toBe(true);
    expect(evaluate({ all: [t, f] }, w)).toBe(false);
    expect(evaluate({ any: [f, t] }, w)).toBe(true);
    expect(evaluate({ any: [f, f] }, w)).toBe(false);
  });
});
