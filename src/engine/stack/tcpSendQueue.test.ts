import { describe, expect, test } from 'vitest';
import { TCP_ACK, TCP_PSH } from '../packet/types';
import { sendAtOnce, TcpSendQueue } from './tcpSendQueue';
import type { SendWindow } from './tcpSendQueue';
import { TCP_SEG_DATA } from './tcpTypes';

/** A window that lets everything go, recording what was sent. */
function openWindow(): SendWindow & { sent: [number, string][] } {
  const sent: [number, string][] = [];
  return {
    sent,
    windowClosed: () => false,
    windowOutstanding: () => 0,
    windowInFlight: () => 0,
    windowCwnd: () => 1_000,
    windowSndWnd: () => 1 << 30,
    windowSendData: (flags, data) => void sent.push([flags, data]),
    windowSendFin: () => void sent.push([-1, 'FIN']),
  };
}

describe('TcpSendQueue.write', () => {
  test('a write that fits one segment goes as one, pushed; an empty one too', () => {
    const q = new TcpSendQueue();
    const w = openWindow();
    q.write('GET / HTTP/1.1\r\n\r\n');
    q.write('');
    q.pump(w);
    expect(w.sent).toEqual([
      [TCP_ACK | TCP_PSH, 'GET / HTTP/1.1\r\n\r\n'],
      [TCP_ACK | TCP_PSH, ''],
    ]);
  });

  test('a longer write is split at MSS bytes (characters whole), only the last pushed', () => {
    const q = new TcpSendQueue();
    const w = openWindow();
    const data = 'a'.repeat(TCP_SEG_DATA - 1) + 'é' + 'b'.repeat(10);
    q.write(data);
    q.pump(w);
    expect(w.sent.map(([f]) => f)).toEqual([TCP_ACK, TCP_ACK | TCP_PSH]);
    expect(w.sent[0]![1]).toBe('a'.repeat(TCP_SEG_DATA - 1));
    expect(w.sent.map(([, d]) => d).join('')).toBe(data);
  });
});

/** A window with the given cwnd, flight, outstanding bytes and peer window, recording every call. */
function window(cwnd: number, flight: number, outstanding: number, sndWnd: number, closed = false) {
  const calls: string[] = [];
  const w: SendWindow = {
    windowClosed: () => closed,
    windowOutstanding: () => outstanding,
    windowInFlight: () => flight,
    windowCwnd: () => cwnd,
    windowSndWnd: () => sndWnd,
    windowSendData: (flags, data) => {
      calls.push(`data ${flags} ${data.length}`);
      flight++;
      outstanding += data.length;
    },
    windowSendFin: () => void calls.push('fin'),
  };
  return { w, calls };
}

describe('TcpSendQueue.send', () => {
  test('sends what write and pump would, in every window, and leaves the same queue behind', () => {
    const sizes = [0, 10, TCP_SEG_DATA, TCP_SEG_DATA + 1, 3 * TCP_SEG_DATA];
    const windows: [number, number, number, number, boolean][] = [
      [10, 0, 0, 1 << 20, false],
      [10, 3, 100, 1 << 20, false],
      [10, 10, 100, 1 << 20, false], // cwnd full
      [10, 1, 1000, 1000, false], // peer window full
      [10, 1, 1000 - TCP_SEG_DATA, 1000, false], // just fits
      [10, 0, 5000, 1000, false], // nothing in flight: the first goes whatever the peer window
      [10, 0, 0, 1 << 20, true], // closed
    ];
    for (const size of sizes)
      for (const [cwnd, flight, out, snd, closed] of windows)
        for (const queuedBefore of [false, true]) {
          const runs = [0, 1].map((viaSend) => {
            const q = new TcpSendQueue();
            const { w, calls } = window(cwnd, flight, out, snd, closed);
            if (queuedBefore) q.write('x'.repeat(5)); // a queue not empty: send must not jump it
            if (viaSend) q.send(w, 'y'.repeat(size));
            else {
              q.write('y'.repeat(size));
              q.pump(w);
            }
            // What is left goes once the window is wide open again.
            const after = window(1000, 0, 0, 1 << 30);
            q.pump(after.w);
            return { calls, later: after.calls, empty: q.empty };
          });
          expect(runs[1], `size ${size} window ${[cwnd, flight, out, snd, closed]}`).toEqual(runs[0]);
        }
  });
});

describe('sendAtOnce (a socket with no queue yet)', () => {
  test('sends what an empty queue sends at once, and says false exactly when that queue would keep something', () => {
    const sizes = [0, 10, TCP_SEG_DATA, TCP_SEG_DATA + 1, 3 * TCP_SEG_DATA];
    const windows: [number, number, number, number, boolean][] = [
      [10, 0, 0, 1 << 20, false],
      [10, 10, 100, 1 << 20, false],
      [10, 1, 1000, 1000, false],
      [10, 0, 5000, 1000, false],
      [10, 0, 0, 1 << 20, true],
    ];
    let queued = 0;
    for (const size of sizes)
      for (const [cwnd, flight, out, snd, closed] of windows) {
        const data = 'y'.repeat(size);
        const viaQueue = window(cwnd, flight, out, snd, closed);
        const q = new TcpSendQueue();
        q.send(viaQueue.w, data);
        const direct = window(cwnd, flight, out, snd, closed);
        const sent = sendAtOnce(direct.w, data);
        const label = `size ${size} window ${[cwnd, flight, out, snd, closed]}`;
        if (sent) {
          expect(direct.calls, label).toEqual(viaQueue.calls);
          expect(q.empty, label).toBe(true);
        } else {
          queued++;
          expect(direct.calls, label).toEqual([]);
        }
      }
    expect(queued).toBeGreaterThan(0);
  });
});

describe('TcpSendQueue: the shared empty list', () => {
  test('a queue written after clear() has its own list; another queue stays empty', () => {
    const a = new TcpSendQueue();
    const b = new TcpSendQueue();
    const closed: SendWindow = { ...openWindow(), windowCwnd: () => 0 };
    a.write('one');
    expect(a.empty).toBe(false);
    a.clear();
    expect(a.empty).toBe(true);
    // Held back by a closed window: queued, in a list of a's own.
    a.send(closed, 'two');
    expect(a.empty).toBe(false);
    expect(b.empty).toBe(true);
    b.pump(closed);
    expect(b.empty).toBe(true);
    const w = openWindow();
    a.pump(w);
    expect(w.sent).toEqual([[TCP_ACK | TCP_PSH, 'two']]);
    expect(a.empty).toBe(true);
    // Cleared again, then the shortcut: the write leaves at once, nothing is queued.
    a.clear();
    a.send(w, 'three');
    expect(w.sent).toEqual([
      [TCP_ACK | TCP_PSH, 'two'],
      [TCP_ACK | TCP_PSH, 'three'],
    ]);
    expect(a.empty).toBe(true);
  });
});
