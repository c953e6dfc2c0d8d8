import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { settleUpdate } from './settlePump';

beforeEach(() => vi.useFakeTimers());
afterEach(() => {
  vi.runAllTimers();
  vi.useRealTimers();
});

test('the first update runs at once, the next one a frame later, in order', () => {
  const ran: string[] = [];
  settleUpdate(() => ran.push('a'));
  settleUpdate(() => ran.push('b'));
  expect(ran).toEqual(['a']);
  vi.advanceTimersByTime(20);
  expect(ran).toEqual(['a', 'b']);
});

test('an update queued in the gap after the last one still runs (a seek right after a step)', () => {
  const ran: string[] = [];
  settleUpdate(() => ran.push('step'));
  vi.advanceTimersByTime(5); // inside the one-frame gap
  settleUpdate(() => ran.push('seek'));
  vi.advanceTimersByTime(100);
  expect(ran).toEqual(['step', 'seek']);
});

test('a dropped update never runs', () => {
  const ran: string[] = [];
  settleUpdate(() => ran.push('a'));
  const drop = settleUpdate(() => ran.push('b'));
  drop();
  vi.advanceTimersByTime(100);
  expect(ran).toEqual(['a']);
});

test('with animation frames, the next update waits for a frame to be drawn, however long it takes', () => {
  const frames: (() => void)[] = [];
  vi.stubGlobal('requestAnimationFrame', (f: () => void) => frames.push(f));
  try {
    const ran: string[] = [];
    settleUpdate(() => ran.push('a'));
    settleUpdate(() => ran.push('b'));
    settleUpdate(() => ran.push('c'));
    // A slow frame: 40 ms and still not drawn, so still one view.
    vi.advanceTimersByTime(40);
    expect(ran).toEqual(['a']);
    frames.shift()!();
    vi.advanceTimersByTime(0);
    expect(ran).toEqual(['a', 'b']);
    frames.shift()!();
    vi.advanceTimersByTime(0);
    expect(ran).toEqual(['a', 'b', 'c']);
    // No frames at all (a hidden tab): the queue still drains.
    settleUpdate(() => ran.push('d'));
    vi.advanceTimersByTime(1000);
    expect(ran).toEqual(['a', 'b', 'c', 'd']);
  } finally {
    vi.unstubAllGlobals();
  }
});
