// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseUrlParams } from './urlParams';
import type { LvsLabElement } from './lvsLabEmbed';
import './lvsLabEmbed';

function make(attrs: Record<string, string>): LvsLabElement {
  const el = document.createElement('lvs-lab') as LvsLabElement;
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  el.setAttribute('src', 'http://127.0.0.1:9/course/lvs/index.html');
  document.body.append(el);
  // jsdom gives an iframe inside a shadow root no window (browsers do): stand one in.
  const win = { postMessage: () => undefined };
  Object.defineProperty(el.shadowRoot!.querySelector('iframe')!, 'contentWindow', { value: win });
  return el;
}

const frameOf = (el: LvsLabElement) => el.shadowRoot!.querySelector('iframe')!;

function fromLab(
  el: LvsLabElement,
  data: unknown,
  origin = 'http://127.0.0.1:9',
  source: unknown = frameOf(el).contentWindow,
) {
  window.dispatchEvent(new MessageEvent('message', { data, origin, source: source as Window }));
}

afterEach(() => document.body.replaceChildren());

describe('<lvs-lab>', () => {
  it('frames the app with its attributes as URL parameters, in embed mode, naming our origin', () => {
    const el = make({
      lab: 'dr',
      lang: 'zh-CN',
      panels: 'packet,terminal',
      paused: '',
      servers: '3',
      state: 'v1.dr.1.0',
      bogus: 'x',
    });
    const src = frameOf(el).getAttribute('src')!;
    expect(src.startsWith('http://127.0.0.1:9/course/lvs/index.html?')).toBe(true);
    const [search, hash] = src.slice(src.indexOf('?')).split('#');
    expect(parseUrlParams(search!, `#${hash}`)).toEqual({
      lab: 'dr',
      servers: 3,
      lang: 'zh-CN',
      panels: ['packet', 'terminal'],
      paused: true,
      embed: true,
      origin: window.location.origin,
      state: 'v1.dr.1.0',
    });
    expect(frameOf(el).title).toBe('LVS Lab');
  });

  it('a changed attribute reframes; a hostile one is dropped like any bad URL value', () => {
    const el = make({ lab: 'nat' });
    el.setAttribute('lab', '<script>alert(1)</script>');
    expect(frameOf(el).getAttribute('src')).not.toMatch(/lab=|script/);
  });

  it('re-dispatches its own lab’s messages as events, ignoring other frames and origins', () => {
    const a = make({ lab: 'nat' });
    const b = make({ lab: 'dr' });
    const seen: [string, unknown][] = [];
    for (const [name, el] of [
      ['a', a],
      ['b', b],
    ] as const)
      el.addEventListener('lvs-lab:command', (e) => seen.push([name, (e as CustomEvent).detail]));
    const cmd = {
      type: 'lvs-lab:command',
      host: 'client',
      command: 'id',
      stdout: 'uid=0(root)\n',
      stderr: '',
      exit: 0,
    };
    fromLab(a, cmd);
    fromLab(b, cmd, 'http://evil.example');
    fromLab(b, cmd, 'http://127.0.0.1:9', window);
    fromLab(b, { type: 'lvs-lab:eval' });
    expect(seen).toEqual([
      ['a', { host: 'client', command: 'id', stdout: 'uid=0(root)\n', stderr: '', exit: 0 }],
    ]);
  });

  it('queues requests until the lab is ready, then posts them to the app’s origin; getState resolves', async () => {
    const el = make({ lab: 'nat' });
    const post = vi.spyOn(frameOf(el).contentWindow!, 'postMessage');
    el.run('director', 'ipvsadm -Ln');
    const state = el.getState();
    expect(post).not.toHaveBeenCalled();
    fromLab(el, { type: 'lvs-lab:ready', version: '1', lab: 'nat' });
    expect(post.mock.calls).toEqual([
      [{ type: 'lvs-lab:run', host: 'director', command: 'ipvsadm -Ln' }, 'http://127.0.0.1:9'],
      [{ type: 'lvs-lab:get-state' }, 'http://127.0.0.1:9'],
    ]);
    el.seek(4);
    expect(post.mock.calls.at(-1)).toEqual([{ type: 'lvs-lab:seek', step: 4 }, 'http://127.0.0.1:9']);
    fromLab(el, { type: 'lvs-lab:state', state: 'v2.x', step: 4, lab: 'nat' });
    await expect(state).resolves.toEqual({ state: 'v2.x', step: 4, lab: 'nat' });
  });
});
