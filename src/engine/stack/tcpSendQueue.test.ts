import { describe, expect, test } from 'vitest';
import { TCP_ACK, TCP_PSH } from '../packet/types';
import { TcpSendQueue } from './tcpSendQueue';
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
