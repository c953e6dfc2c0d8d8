/** Each break-it challenge starts broken (its check fails) and real fixing commands make it pass. */
import { describe, expect, it } from 'vitest';
import { LessonSession } from './session';
import { checkOf, shipped } from './testLessons';
import type { HostCommand } from './types';

const ARP_FIX = (host: string): HostCommand => ({
  host,
  command:
    'echo 1 > /proc/sys/net/ipv4/conf/all/arp_ignore; echo 2 > /proc/sys/net/ipv4/conf/all/arp_announce; echo 1 > /proc/sys/net/ipv4/conf/lo/arp_ignore; echo 2 > /proc/sys/net/ipv4/conf/lo/arp_announce',
});

const FIXES: Record<string, HostCommand[]> = {
  'break-nat-gateway': [
    { host: 'rs1', command: 'ip route del default' },
    { host: 'rs1', command: 'ip route add default via 192.168.99.120' },
  ],
  'break-dr-arp': [ARP_FIX('rs1'), ARP_FIX('rs2'), { host: 'router', command: 'ip neigh flush dev eth0' }],
  // The seed's note: a gateway that does not exist is enough for the reverse-path check.
  'break-dr-rpfilter': [{ host: 'director', command: 'ip route add default via 192.168.99.254' }],
};

describe('break-it challenges', () => {
  it.each(Object.keys(FIXES))('%s: fails before the fix, passes after it', (id) => {
    const lesson = shipped(id);
    expect(lesson.kind).toBe('challenge');
    const s = new LessonSession(lesson);
    for (const step of lesson.steps) if (step.kind === 'setup') s.setup(step.commands);
    const check = checkOf(lesson);
    expect(s.check(check)).toBe(false);
    for (const c of FIXES[id]!) expect(s.type(c).exit, c.command).toBe(0);
    expect(s.check(check)).toBe(true);
  });
});
