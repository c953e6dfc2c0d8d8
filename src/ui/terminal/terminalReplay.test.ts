import { describe, expect, test } from 'vitest';
import type { LabRuntime } from '@/engine';
import { labAfterRequest } from '@/engine/testing/configuredLabs';
import { replayFrom, replayStart, replayTerminal, touchesTerminal } from './terminalReplay';

const shown = (rt: LabRuntime, to: number, host = 'client') =>
  replayTerminal(rt.trace, 0, to, host, (i) => rt.results[i]?.setup ?? false, 'setup', replayStart);

describe('a terminal replayed from the trace', () => {
  test("curl's answer appears only once playback reaches the event that printed it", async () => {
    const rt = labAfterRequest('nat');
    const curl = rt.results[rt.results.length - 1]!;
    expect(curl.stdout).toMatch(/rs[12]/);
    const out = rt.trace
      .slice()
      .findIndex((e, i) => i >= curl.traceFrom && e.kind === 'cmd.out' && e.host === 'client');
    expect(out).toBeGreaterThan(curl.traceFrom + 1);
    // The response frame reached the client before curl printed the body.
    const rx = rt.trace
      .slice(curl.traceFrom, out)
      .filter((e) => e.kind === 'frame.rx' && e.host === 'client');
    expect(rx.length).toBeGreaterThan(0);
    const atStart = shown(rt, curl.traceFrom + 1);
    expect(atStart.text).toContain(`curl -s ${rt.def.vip}`);
    expect(atStart.text).not.toMatch(/rs[12]/);
    expect(atStart.state.open).toBe(true);
    expect(shown(rt, out).text).not.toMatch(/rs[12]/);
    expect(shown(rt, out + 1).text).toContain(curl.stdout.trim());
    const end = shown(rt, rt.trace.length);
    expect(end.state.open).toBe(false);
  });

  test('replaying in pieces prints exactly what replaying at once does', async () => {
    const rt = labAfterRequest('dr', [['director', 'ipvsadm -Ln']]);
    for (const host of rt.hostNames()) {
      const whole = shown(rt, rt.trace.length, host).text;
      let text = '';
      let state = replayStart;
      for (let from = 0, step = 1; from < rt.trace.length; from += step, step = (step * 7) % 13 || 1) {
        const to = Math.min(rt.trace.length, from + step);
        const r = replayTerminal(
          rt.trace,
          from,
          to,
          host,
          (i) => rt.results[i]?.setup ?? false,
          'setup',
          state,
        );
        if (!touchesTerminal(rt.trace, from, to, host)) expect(r.text).toBe('');
        text += r.text;
        state = r.state;
      }
      expect(text).toBe(whole);
    }
  });

  test('setup commands are dimmed under one note; typed ones are not', async () => {
    const rt = labAfterRequest('nat', [['director', 'ipvsadm -Ln']]);
    const text = shown(rt, rt.trace.length, 'director').text;
    expect(text.match(/# setup/g)).toHaveLength(1);
    expect(text).toContain('\x1b[1m[root@director ~]# \x1b[0mipvsadm -Ln\r\n');
    expect(text).toContain('TCP  172.16.132.18:80 rr');
  });

  test("after Ctrl-C's own echo the open command's output is flushed, and the next command prints again", () => {
    const rt = labAfterRequest('nat', [
      ['director', 'ipvsadm -Ln'],
      ['director', 'ipvsadm -Ln'],
    ]);
    const starts = rt.trace
      .slice()
      .flatMap((e, i) => (e.kind === 'cmd.start' && e.host === 'director' ? [i] : []))
      .slice(-2);
    const replay = (from: number, to: number, flushed: boolean) =>
      replayTerminal(rt.trace, from, to, 'director', () => false, 'setup', {
        inSetup: false,
        open: true,
        flushed,
      });
    const [first, second] = starts as [number, number];
    expect(replay(first + 1, second, false).text).toContain('TCP  172.16.132.18:80 rr');
    const cut = replay(first + 1, second, true);
    expect(cut.text).toBe('');
    expect(cut.state).toEqual({ inSetup: false, open: false });
    const after = replay(first + 1, rt.trace.length, true).text;
    expect(after.match(/TCP {2}172\.16\.132\.18:80 rr/g)).toHaveLength(1);
    expect(after).toContain('ipvsadm -Ln\r\n');
  });
});

const lines = (s: string) => s.split('\n').length - 1;

describe('a terminal drawn again from as far back as its scrollback keeps', () => {
  test('prints the end of what the whole replay prints, at least the lines kept, in the same state', () => {
    const rt = labAfterRequest('nat', [
      ['client', 'seq 1 300'],
      ['client', 'echo a; echo b >&2'],
      ['director', 'ipvsadm -Ln'],
      ['client', 'seq 1 40'],
    ]);
    const isSetup = (i: number) => rt.results[i]?.setup ?? false;
    let cut = 0;
    for (const host of ['client', 'director']) {
      for (let to = 0; to <= rt.trace.length; to += 1 + (to % 53)) {
        const whole = replayTerminal(rt.trace, 0, to, host, isSetup, 'setup', replayStart);
        for (const keep of [1, 5, 60, 200, 10_000]) {
          const start = replayFrom(rt.trace, to, host, isSetup, keep);
          const part = replayTerminal(rt.trace, start.from, to, host, isSetup, 'setup', start.state);
          expect(whole.text.endsWith(part.text)).toBe(true);
          expect(lines(part.text)).toBeGreaterThanOrEqual(Math.min(keep, lines(whole.text)));
          expect(part.state).toEqual(whole.state);
          if (start.from > 0) cut++;
        }
      }
    }
    expect(cut).toBeGreaterThan(10); // the cases above do start late, not always at 0
  });
});

describe('a command typed in the terminal', () => {
  test('prints only the line break at its start: its prompt and line are on screen already', () => {
    const rt = labAfterRequest('nat', [['client', 'echo typed here']]);
    const isSetup = (i: number) => rt.results[i]?.setup ?? false;
    const typed = rt.results.find((r) => r.command === 'echo typed here')!;
    const before = replayTerminal(rt.trace, 0, typed.traceFrom, 'client', isSetup, 's', replayStart);
    const plain = replayTerminal(
      rt.trace,
      typed.traceFrom,
      typed.traceTo,
      'client',
      isSetup,
      's',
      before.state,
    );
    const echoed = replayTerminal(
      rt.trace,
      typed.traceFrom,
      typed.traceTo,
      'client',
      isSetup,
      's',
      before.state,
      'echo typed here',
    );
    const line = '\x1b[1m[root@client ~]# \x1b[0mecho typed here\r\n';
    expect(plain.text.startsWith(line)).toBe(true);
    expect(echoed.text).toBe('\r\n' + plain.text.slice(line.length));
    expect(echoed.text).toContain('typed here\r\n');
    expect(echoed.state).toEqual(plain.state);
    // Another command than the one typed prints its line as usual.
    const other = replayTerminal(
      rt.trace,
      typed.traceFrom,
      typed.traceTo,
      'client',
      isSetup,
      's',
      before.state,
      'ls',
    );
    expect(other.text).toBe(plain.text);
  });
});
