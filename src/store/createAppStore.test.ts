import { beforeAll, describe, expect, test } from 'vitest';
import { createAppStore, sessionOf } from './createAppStore';
import { loadEngine } from './engine';
import { parseLab, serializeLab } from './labSpec';
import { openSession } from './session/openSession';

beforeAll(async () => {
  await loadEngine();
});

const fresh = (labId: 'nat' | 'dr' | 'tun' = 'nat') => {
  const s = createAppStore({ persistKey: null, labId });
  return s;
};

describe('lab slice', () => {
  test('a fresh lab starts at the end of its configured steps, nothing of the user yet', () => {
    const s = fresh('dr');
    const rt = sessionOf(s).view;
    expect(s.getState().cursor).toBe(rt.setupEnd());
    expect(s.getState().spec.log).toEqual([]);
  });

  test('sending a request appends curl on the client and moves the cursor to its first event', () => {
    const s = fresh('nat');
    s.getState().setStartPaused(true);
    s.getState().sendRequest();
    const st = s.getState();
    expect(st.spec.log).toEqual([{ host: 'client', command: 'curl -s 172.16.132.18' }]);
    const rt = sessionOf(s).view;
    const res = rt.results[rt.results.length - 1]!;
    expect(res.stdout).toMatch(/^rs[12]\n$/);
    expect(st.cursor).toBe(res.traceFrom + 1);
    expect(st.playing).toBe(false);
  });

  test('runCommands keeps every command, even those that send frames', () => {
    const s = fresh('nat');
    s.getState().setStartPaused(true);
    const cmds = [
      { host: 'client', command: 'curl -s 172.16.132.18' },
      { host: 'client', command: 'curl -s 172.16.132.18' },
      { host: 'director', command: 'ipvsadm -Ln' },
    ];
    s.getState().runCommands(cmds);
    expect(s.getState().spec.log).toEqual(cmds);
    const answers = sessionOf(s)
      .view.userResults()
      .slice(0, 2)
      .map((r) => r.stdout);
    expect(new Set(answers)).toEqual(new Set(['rs1\n', 'rs2\n']));
  });

  test('acting in the past forks the log at the cursor', () => {
    const s = fresh('nat');
    s.getState().setStartPaused(true);
    s.getState().sendRequest();
    const afterFirst = sessionOf(s).view.trace.length;
    s.getState().seek(afterFirst);
    s.getState().sendRequest();
    expect(s.getState().spec.log).toHaveLength(2);
    // Step back into the middle of the second request, then change the scheduler.
    s.getState().seek(afterFirst + 5);
    s.getState().runCommand('director', 'ipvsadm -E -t 172.16.132.18:80 -s wlc');
    const log = s.getState().spec.log;
    expect(log.map((e) => e.command)).toEqual([
      'curl -s 172.16.132.18',
      'ipvsadm -E -t 172.16.132.18:80 -s wlc',
    ]);
    expect(s.getState().notice?.key).toBe('notice.forked');
  });

  test('step forward then back returns to exactly the same cursor and time', () => {
    const s = fresh('tun');
    s.getState().setStartPaused(true);
    s.getState().sendRequest();
    const { cursor, simTime } = s.getState();
    for (let i = 0; i < 40; i++) s.getState().stepForward();
    for (let i = 0; i < 40; i++) s.getState().stepBack();
    expect(s.getState().cursor).toBe(cursor);
    expect(s.getState().simTime).toBe(simTime);
  });

  test('DR with arp_ignore back to 0: a real server answers ARP for the VIP and the director sees no request', () => {
    const s = fresh('dr');
    s.getState().setStartPaused(true);
    for (const rs of ['rs1', 'rs2'])
      for (const dev of ['all', 'lo'])
        s.getState().runCommand(rs, `sysctl -w net.ipv4.conf.${dev}.arp_ignore=0`);
    s.getState().sendRequest();
    const rt = sessionOf(s).view;
    const res = rt.results[rt.results.length - 1]!;
    const evs = rt.trace.slice(res.traceFrom, res.traceTo);
    const replies = evs.filter(
      (e) => e.kind === 'arp.decide' && e.tip === '192.168.99.188' && e.verdict === 'reply',
    );
    expect(replies.map((e) => e.host).sort()).toEqual(['director', 'rs1', 'rs2']);
    expect(evs.filter((e) => e.kind === 'ipvs.schedule')).toHaveLength(0);
    expect(res.stdout).toMatch(/^rs[12]\n$/);
  });
});

describe('labSpec', () => {
  test('serializes to a compact string and back', () => {
    const spec = {
      labId: 'dr' as const,
      seed: 7,
      bare: false,
      log: [
        { host: 'rs1', command: 'sysctl -w net.ipv4.conf.all.arp_ignore=0' },
        { host: 'client', command: 'curl -s 192.168.99.188' },
      ],
    };
    const text = serializeLab(spec);
    expect(text.startsWith('v1.dr.7.0.')).toBe(true);
    expect(text).not.toMatch(/[^A-Za-z0-9._-]/);
    expect(parseLab(text)).toEqual(spec);
    expect(parseLab('v1.xx.1.0')).toBeUndefined();
    expect(parseLab('garbage')).toBeUndefined();
  });
});

describe('live slice', () => {
  const LOOP = 'while true;do curl 172.16.132.18 ; sleep 0.5 ; done';

  test('a live command runs as playback advances it; Ctrl-C logs its virtual time and replays exactly', () => {
    const s = fresh('nat');
    s.getState().startCommand('client', LOOP);
    expect(s.getState().running?.host).toBe('client');
    expect(s.getState().playing).toBe(true);
    expect(s.getState().spec.log).toEqual([]);
    const answers = () =>
      sessionOf(s)
        .view.trace.slice()
        .filter((e) => e.kind === 'cmd.out')
        .map((e) => e.text)
        .join('')
        .match(/rs\d/g)?.length ?? 0;
    for (let i = 0; i < 400 && answers() < 2; i++) s.getState().advanceRunning();
    expect(answers()).toBeGreaterThanOrEqual(2);
    const trace = JSON.stringify(sessionOf(s).view.trace);
    s.getState().interruptCommand();
    const st = s.getState();
    expect(st.running).toBeNull();
    const last = st.spec.log[st.spec.log.length - 1]!;
    expect(last).toMatchObject({ host: 'client', command: LOOP });
    expect(last.maxTimeUs).toBeGreaterThan(0);
    const live = sessionOf(s).view;
    expect(JSON.stringify(live.trace).startsWith(trace.slice(0, -1))).toBe(true);
    const replay = openSession(st.spec);
    expect(JSON.stringify(replay.trace)).toBe(JSON.stringify(live.trace));
    expect(replay.results[replay.results.length - 1]).toEqual(live.results[live.results.length - 1]);
  });

  test('a command that needs no virtual time is logged at once, as before', () => {
    const s = fresh('nat');
    s.getState().startCommand('director', 'ipvsadm -Ln');
    expect(s.getState().running).toBeNull();
    expect(s.getState().spec.log).toEqual([{ host: 'director', command: 'ipvsadm -Ln' }]);
    // Its output is on screen at once: the cursor is past its last event, playback stopped.
    expect(s.getState().cursor).toBe(sessionOf(s).view.trace.length);
    expect(s.getState().playing).toBe(false);
  });

  test('a control while a command runs interrupts it first', () => {
    const s = fresh('nat');
    s.getState().startCommand('client', LOOP);
    s.getState().advanceRunning();
    s.getState().runCommand('director', 'ipvsadm -Ln');
    const log = s.getState().spec.log;
    expect(log).toHaveLength(2);
    expect(log[0]!.maxTimeUs).toBeDefined();
    expect(log[1]).toEqual({ host: 'director', command: 'ipvsadm -Ln' });
  });
});
