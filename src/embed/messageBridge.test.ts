import { describe, expect, it } from 'vitest';
import type { ParentMessage } from './messages';
import { startMessageBridge, targetOrigin } from './messageBridge';
import type { BridgeWindow } from './messageBridge';

function fakeFrame() {
  const posted: { message: unknown; target: string }[] = [];
  const parent = { postMessage: (message: unknown, target: string) => void posted.push({ message, target }) };
  let listener: ((e: MessageEvent) => void) | undefined;
  const win: BridgeWindow = {
    parent,
    addEventListener: (_t, l) => void (listener = l),
    removeEventListener: () => void (listener = undefined),
  };
  const send = (data: unknown, origin = 'https://course.example', source: unknown = parent) =>
    listener?.({ data, origin, source } as MessageEvent);
  return { win, parent, posted, send, listening: () => listener !== undefined };
}

const labs = () => ['nat', 'dr'];

describe('targetOrigin', () => {
  it('is the origin parameter, else the referrer origin, else nothing', () => {
    expect(targetOrigin('https://a.example', 'https://b.example/x')).toBe('https://a.example');
    expect(targetOrigin(undefined, 'https://b.example:8443/course/page?q=1')).toBe('https://b.example:8443');
    expect(targetOrigin(undefined, '')).toBeUndefined();
    expect(targetOrigin(undefined, 'about:blank')).toBeUndefined();
  });
});

describe('the message bridge', () => {
  it('passes valid requests from the parent to the handler and posts to the given origin', () => {
    const f = fakeFrame();
    const got: ParentMessage[] = [];
    const b = startMessageBridge(f.win, {
      origin: 'https://course.example',
      referrer: 'https://elsewhere.example/',
      labs,
      handle: (m) => void got.push(m),
    });
    f.send({ type: 'lvs-lab:run', host: 'client', command: 'hostname' });
    expect(got).toEqual([{ type: 'lvs-lab:run', host: 'client', command: 'hostname' }]);
    b.post({ type: 'lvs-lab:ready', version: '1', lab: 'nat' });
    expect(f.posted).toEqual([
      { message: { type: 'lvs-lab:ready', version: '1', lab: 'nat' }, target: 'https://course.example' },
    ]);
  });

  it('refuses another origin, another window and a bad shape with an error, handling nothing', () => {
    const f = fakeFrame();
    const got: ParentMessage[] = [];
    startMessageBridge(f.win, {
      origin: 'https://course.example',
      referrer: '',
      labs,
      handle: (m) => void got.push(m),
    });
    f.send({ type: 'lvs-lab:play' }, 'https://evil.example');
    f.send({ type: 'lvs-lab:play' }, 'https://course.example', {});
    f.send({ type: 'lvs-lab:seek', step: -1 });
    f.send({ type: 'not-ours' });
    expect(got).toEqual([]);
    expect(f.posted.map((p) => p.message)).toEqual([
      expect.objectContaining({ type: 'lvs-lab:error', request: 'lvs-lab:play' }),
      expect.objectContaining({ type: 'lvs-lab:error', request: 'lvs-lab:play' }),
      expect.objectContaining({ type: 'lvs-lab:error', request: 'lvs-lab:seek' }),
    ]);
    expect(f.posted.every((p) => p.target === 'https://course.example')).toBe(true);
  });

  it('answers a refused or failing request with the handler’s error', () => {
    const f = fakeFrame();
    startMessageBridge(f.win, {
      referrer: 'https://course.example/p',
      labs,
      handle: () => {
        throw new Error('boom');
      },
    });
    f.send({ type: 'lvs-lab:pause' });
    expect(f.posted[0]).toEqual({
      message: {
        type: 'lvs-lab:error',
        message: 'the lab could not carry out this request',
        request: 'lvs-lab:pause',
      },
      target: 'https://course.example',
    });
  });

  it('with neither origin nor referrer it obeys the parent but posts nothing', () => {
    const f = fakeFrame();
    const got: ParentMessage[] = [];
    const b = startMessageBridge(f.win, { referrer: '', labs, handle: (m) => void got.push(m) });
    f.send({ type: 'lvs-lab:get-state' }, 'https://any.example');
    f.send({ type: 'lvs-lab:bogus' });
    b.post({ type: 'lvs-lab:ready', version: '1', lab: 'nat' });
    expect(got).toHaveLength(1);
    expect(f.posted).toEqual([]);
    expect(b.target).toBeUndefined();
  });

  it('a top-level page (no parent) neither listens nor posts', () => {
    const f = fakeFrame();
    const win = { ...f.win, parent: null };
    const b = startMessageBridge(win, {
      origin: 'https://a.example',
      referrer: '',
      labs,
      handle: () => undefined,
    });
    b.post({ type: 'lvs-lab:ready', version: '1', lab: 'nat' });
    expect(f.posted).toEqual([]);
    expect(f.listening()).toBe(false);
  });
});
