import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { fuzzSeed } from '@/embed/fuzzSeed';
import { OutputQueue } from './outputQueue';

/** A terminal that parses when told to, and frames that come when told to. */
function rig(frameChars: number, keepLines = 1e9, keepChars = 1e9, frameLines?: number) {
  const frames: (() => void)[] = [];
  const parsing: (() => void)[] = [];
  const written: string[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  let inFrame = false;
  let outsideFrame = 0;
  const q = new OutputQueue(
    {
      write(data, parsed) {
        if (!inFrame) outsideFrame++;
        written.push(data);
        maxInFlight = Math.max(maxInFlight, ++inFlight);
        parsing.push(() => {
          inFlight--;
          parsed();
        });
      },
    },
    {
      frameChars,
      ...(frameLines ? { frameLines } : {}),
      keepLines,
      keepChars,
      nextFrame: (fn) => frames.push(fn),
    },
  );
  const frame = () => {
    const due = frames.splice(0);
    inFrame = true;
    for (const fn of due) fn();
    inFrame = false;
  };
  const parse = () => parsing.splice(0).forEach((fn) => fn());
  const drain = () => {
    for (let i = 0; i < 100_000 && (frames.length || parsing.length); i++) {
      frame();
      parse();
    }
  };
  return { q, written, frame, parse, drain, frames, stats: () => ({ maxInFlight, outsideFrame }) };
}

describe('terminal output, a bounded piece per frame', () => {
  test('a megabyte of output reaches the terminal in order, 16 KB a frame, one piece in flight', () => {
    const r = rig(16 * 1024);
    const text = Array.from({ length: 100_000 }, (_, i) => `${i + 1}\n`).join('');
    for (let i = 0; i < text.length; i += 1000) r.q.push(text.slice(i, i + 1000));
    expect(r.written).toEqual([]); // nothing before a frame
    r.frame();
    expect(r.written).toHaveLength(1);
    r.frame(); // the terminal has not parsed the first piece yet: no second one
    expect(r.written).toHaveLength(1);
    expect(r.q.busy()).toBe(true);
    r.drain();
    expect(r.written.join('')).toBe(text);
    expect(Math.max(...r.written.map((w) => w.length))).toBeLessThanOrEqual(16 * 1024);
    expect(r.stats()).toEqual({ maxInFlight: 1, outsideFrame: 0 });
    expect(r.q.busy()).toBe(false);
  });

  test('a frame hands over at most `frameLines` lines however short they are (`yes`)', () => {
    const r = rig(16 * 1024, 1e9, 1e9, 256);
    const text = 'y\r\n'.repeat(10_000);
    r.q.push(text);
    expect(r.q.busy()).toBe(true); // 16 KB is under the character bound, 10,000 lines are not
    r.drain();
    expect(r.written.join('')).toBe(text);
    for (const w of r.written) expect(w.split('\n').length - 1).toBeLessThanOrEqual(256);
    expect(r.written.length).toBe(Math.ceil(10_000 / 256));
    expect(r.q.busy()).toBe(false);
  });

  test('Ctrl-C: its echo is written at once, ahead of the queued output, which is dropped', () => {
    const r = rig(8);
    r.q.push('first piece ');
    r.frame(); // 'first pi' is with the terminal, parsing
    r.q.push('never shown');
    r.q.interrupt('^C\r\n');
    expect(r.written).toEqual(['first pi', '^C\r\n']); // no frame needed, behind the piece in flight
    expect(r.q.queued).toBe(0);
    r.q.push('$ ');
    r.drain();
    expect(r.written.join('')).toBe('first pi^C\r\n$ ');
  });

  test('Ctrl-C right after a redraw was queued: the redraw stays, the echo follows it', () => {
    const r = rig(8);
    const log: string[] = [];
    r.q.push('old');
    r.q.then(() => log.push(`reset after ${r.written.join('')}`));
    r.q.push('history\r\n$ yes\r\n');
    r.q.interrupt('^C\r\n');
    r.drain();
    expect(log).toEqual(['reset after old']);
    expect(r.written.join('')).toBe('oldhistory\r\n$ yes\r\n^C\r\n');
  });

  test('lines that would scroll out of the scrollback before being drawn are dropped unseen', () => {
    const r = rig(4096, 100);
    for (let i = 1; i <= 10_000; i++) r.q.push(`${i}\n`);
    r.q.push('\x1b[1m[root@client ~]#\x1b[0m ');
    r.drain();
    const shown = r.written.join('');
    const lines = shown.split('\n');
    // The last 100 lines and the prompt are there, in order; far fewer than 10,000 went through.
    expect(lines.slice(-101, -1)).toEqual(Array.from({ length: 100 }, (_, i) => `${9901 + i}`));
    expect(lines.at(-1)).toBe('\x1b[1m[root@client ~]#\x1b[0m ');
    expect(lines.length).toBeLessThan(250);
  });

  test('a line without end is cut to the characters kept', () => {
    const r = rig(4096, 100, 10_000);
    for (let i = 0; i < 100; i++) r.q.push('y'.repeat(1000));
    r.drain();
    const shown = r.written.join('');
    expect(shown.length).toBeLessThanOrEqual(20_000 + 4);
    expect(shown.endsWith('y'.repeat(10_000))).toBe(true);
  });

  test('an action runs after the text queued before it and before the text after it', () => {
    const r = rig(8);
    const log: string[] = [];
    r.q.push('abcdefghijkl');
    r.q.then(() => log.push(`clear after ${r.written.join('')}`));
    r.q.push('XY');
    r.drain();
    expect(log).toEqual(['clear after abcdefghijkl']);
    expect(r.written.join('')).toBe('abcdefghijklXY');
  });

  test('clear drops what waits; close stops everything', () => {
    const r = rig(4);
    r.q.push('old output');
    r.frame();
    r.q.clear();
    r.q.push('new');
    r.drain();
    expect(r.written).toEqual(['old ', 'new']);
    r.q.close();
    r.q.push('more');
    r.drain();
    expect(r.written).toEqual(['old ', 'new']);
  });

  test('never splits a surrogate pair between two pieces', () => {
    const r = rig(3);
    r.q.push('ab😀cd😀');
    r.drain();
    expect(r.written.join('')).toBe('ab😀cd😀');
    for (const w of r.written) expect(w).not.toMatch(/[\uD800-\uDBFF]$|^[\uDC00-\uDFFF]/);
  });

  test('fuzz: any pushes, frames and parses in any order keep the text whole and in order', () => {
    const seed = fuzzSeed();
    const op = fc.oneof(
      fc.record({
        push: fc.string({ unit: fc.constantFrom('a', 'b', '\n', '😀', '\x1b', '[', '中'), maxLength: 40 }),
      }),
      fc.constant('frame' as const),
      fc.constant('parse' as const),
    );
    try {
      fc.assert(
        fc.property(
          fc.integer({ min: 8, max: 64 }),
          fc.integer({ min: 1, max: 5 }),
          fc.array(op, { maxLength: 60 }),
          (size, lineCap, ops) => {
            const r = rig(size, 1e9, 1e9, lineCap);
            let sent = '';
            for (const o of ops) {
              if (o === 'frame') r.frame();
              else if (o === 'parse') r.parse();
              else {
                r.q.push(o.push);
                sent += o.push;
              }
            }
            r.drain();
            expect(r.written.join('')).toBe(sent);
            for (const w of r.written) {
              expect(w.length).toBeLessThanOrEqual(size);
              expect(w.split('\n').length - 1).toBeLessThanOrEqual(lineCap);
            }
            expect(r.stats()).toEqual({ maxInFlight: r.written.length ? 1 : 0, outsideFrame: 0 });
          },
        ),
        { numRuns: 1000, seed },
      );
    } catch (e) {
      throw new Error(`FUZZ_SEED=${seed}: ${(e as Error).message}`, { cause: e });
    }
  });
});
