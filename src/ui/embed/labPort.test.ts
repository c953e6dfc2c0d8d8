import { beforeAll, describe, expect, test } from 'vitest';
import type { LabMessage, ParentMessage } from '@/embed/messages';
import { createAppStore, sessionOf } from '@/store/createAppStore';
import { loadEngine } from '@/store/engine';
import { decodeLab } from '@/store/share';
import { handleRequest, stateMessage, watchStore } from './labPort';

beforeAll(async () => {
  await loadEngine();
});

function lab() {
  const store = createAppStore({ persistKey: null, labId: 'nat', startPaused: true });
  const posted: LabMessage[] = [];
  let quiet = false;
  const stop = watchStore(
    store,
    (m) => void posted.push(m),
    (ev) => `event ${ev.kind}`,
    () => quiet,
  );
  const send = (m: ParentMessage) => {
    quiet = m.type === 'lvs-lab:load';
    try {
      return handleRequest(store, m, (x) => void posted.push(x));
    } finally {
      quiet = false;
    }
  };
  return { store, posted, send, stop };
}

const flush = () => new Promise<void>((r) => setTimeout(r, 0));

describe('the lab side of the postMessage API', () => {
  test('run types the command on that host and reports its output, then the state', async () => {
    const { store, posted, send } = lab();
    expect(send({ type: 'lvs-lab:run', host: 'director', command: 'ipvsadm -Ln' })).toBeUndefined();
    const cmd = posted.find((m) => m.type === 'lvs-lab:command');
    expect(cmd).toMatchObject({ host: 'director', command: 'ipvsadm -Ln', exit: 0, stderr: '' });
    expect((cmd as { stdout: string }).stdout).toContain('172.16.132.18:80');
    const state = posted.find((m) => m.type === 'lvs-lab:state') as { state: string; lab: string };
    expect(state.lab).toBe('nat');
    expect(decodeLab(state.state)?.spec.log).toEqual([{ host: 'director', command: 'ipvsadm -Ln' }]);
    expect(store.getState().spec.log).toHaveLength(1);
    await flush();
    expect(posted.some((m) => m.type === 'lvs-lab:step')).toBe(true);
  });

  test('an unknown host is refused and nothing is typed', () => {
    const { store, posted, send } = lab();
    expect(send({ type: 'lvs-lab:run', host: 'nosuch', command: 'id' })).toMatch(/no host named nosuch/);
    expect(store.getState().spec.log).toEqual([]);
    expect(posted).toEqual([]);
  });

  test('seek by step and by time moves the cursor and reports the event in words', async () => {
    const { store, posted, send } = lab();
    send({ type: 'lvs-lab:run', host: 'client', command: 'curl -s 172.16.132.18' });
    send({ type: 'lvs-lab:seek', step: 3 });
    expect(store.getState().cursor).toBe(3);
    await flush();
    const trace = sessionOf(store).view.trace.slice();
    expect(posted.at(-1)).toEqual({
      type: 'lvs-lab:step',
      step: 3,
      at: trace[2]!.t,
      kind: trace[2]!.kind,
      text: `event ${trace[2]!.kind}`,
    });
    const i = trace.findIndex((e, k) => k > 0 && e.t > trace[k - 1]!.t);
    const t = trace[i]!.t;
    send({ type: 'lvs-lab:seek', at: t });
    expect(store.getState().cursor).toBe(i + 1);
  });

  test('load replaces the lab (by id, or from a share string) without reporting its log as commands', () => {
    const { store, posted, send } = lab();
    send({ type: 'lvs-lab:run', host: 'client', command: 'hostname' });
    const shared = (stateMessage(store) as { state: string }).state;
    send({ type: 'lvs-lab:load', lab: 'dr', bare: true, seed: 9 });
    expect(store.getState().spec).toMatchObject({ labId: 'dr', bare: true, seed: 9, log: [] });
    posted.length = 0;
    expect(send({ type: 'lvs-lab:load', state: shared })).toBeUndefined();
    expect(store.getState().spec).toMatchObject({
      labId: 'nat',
      log: [{ host: 'client', command: 'hostname' }],
    });
    expect(posted.filter((m) => m.type === 'lvs-lab:command')).toEqual([]);
    expect(send({ type: 'lvs-lab:load', state: 'v2.garbage' })).toMatch(/share string/);
    expect(store.getState().spec.labId).toBe('nat');
  });

  test('get-state answers with the share string, play and pause drive playback', () => {
    const { store, posted, send } = lab();
    send({ type: 'lvs-lab:get-state' });
    expect(posted).toEqual([stateMessage(store)]);
    send({ type: 'lvs-lab:run', host: 'client', command: 'curl -s 172.16.132.18' });
    send({ type: 'lvs-lab:seek', step: 1 });
    send({ type: 'lvs-lab:play' });
    expect(store.getState().playing).toBe(true);
    send({ type: 'lvs-lab:pause' });
    expect(store.getState().playing).toBe(false);
  });
});
