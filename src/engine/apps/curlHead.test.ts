import { describe, expect, test } from 'vitest';
import { contentLength, requestHead, requestText, statusOf } from './curl';

/** What take() read with regular expressions before: the reference for the hand-written scans. */
const byRegex = (h: string) => {
  const m = /\r\ncontent-length:\s*(\d+)/i.exec(h);
  return {
    need: m ? Number(m[1]) : undefined,
    status: Number(/^HTTP\/1\.[01] (\d{3})/.exec(h)?.[1] ?? 0),
  };
};

const HEADS = [
  'HTTP/1.1 200 OK\r\nContent-Length: 4\r\n\r\n',
  'HTTP/1.0 404 Not Found\r\ncontent-length:12\r\nX: y\r\n\r\n',
  'HTTP/1.1 200 OK\r\nCONTENT-LENGTH: \t 0007\r\nContent-Length: 9\r\n\r\n',
  'HTTP/1.1 200 OK\r\nContent-Length: x5\r\nContent-Length: 3\r\n\r\n',
  'HTTP/1.1 200 OK\r\nContent-Length:\r\n 8\r\n\r\n',
  'HTTP/1.1 200 OK\r\nX-Content-Length: 5\r\n\r\n',
  'HTTP/1.2 200 OK\r\n\r\n',
  'HTTP/1.1 20 OK\r\n\r\n',
  'HTTP/1.1 2000\r\n\r\n',
  'HTTP/1.1  200\r\n\r\n',
  'http/1.1 200 OK\r\n\r\n',
  'HTTP/1.1 500',
  '',
  'garbage\r\ncontent-length: 99999999999999999999\r\n\r\n',
];

describe('curl reads a response head as its regular expressions did', () => {
  test.each(HEADS)('%j', (h) => {
    expect({ need: contentLength(h), status: statusOf(h) }).toEqual(byRegex(h));
  });

  test('the request as sent is requestHead joined, with and without -H', () => {
    const base = { method: 'GET' as const, path: '/x?y', hostHeader: 'vip:8080' };
    for (const headers of [undefined, [], ['Accept:'], ['X-A: 1', 'Host: other']]) {
      const req = { ...base, headers };
      expect(requestText(req)).toBe(`${requestHead(req).join('\r\n')}\r\n\r\n`);
    }
  });

  test('the same request line again is the same text; any part changed makes its own', () => {
    const a = { method: 'GET' as const, path: '/', hostHeader: '10.0.0.1' };
    const first = requestText(a);
    expect(requestText({ ...a, hostHeader: '10.0.0.' + '1' })).toBe(first);
    for (const other of [
      { ...a, method: 'HEAD' as const },
      { ...a, path: '/x' },
      { ...a, hostHeader: '10.0.0.2' },
    ]) {
      expect(requestText(other)).toBe(`${requestHead(other).join('\r\n')}\r\n\r\n`);
      expect(requestText(a)).toBe(first);
    }
    // With -H the memo is not consulted, and it still answers the plain request after.
    expect(requestText({ ...a, headers: ['X-A: 1'] })).toContain('X-A: 1\r\n');
    expect(requestText(a)).toBe(first);
  });
});
