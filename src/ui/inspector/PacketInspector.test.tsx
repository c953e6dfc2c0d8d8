// @vitest-environment jsdom
import { act, cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, test } from 'vitest';
import { sessionOf } from '@/store/createAppStore';
import { renderWithStore } from '../testing/renderWithStore';
import { PacketInspector } from './PacketInspector';

afterEach(cleanup);

describe('<PacketInspector>', () => {
  test('NAT: the director’s hop shows destination IP and port rewritten, before → after', async () => {
    const { store, container } = await renderWithStore(<PacketInspector />, 'nat');
    act(() => store.getState().sendRequest());
    const trace = sessionOf(store).view.trace.slice();
    const xmit = trace.find((e) => e.kind === 'ipvs.xmit')!;
    const tx = trace
      .filter((e) => e.kind === 'frame.tx')
      .find((e) => e.pkt === xmit.pkt && e.host === 'director')!;
    act(() => store.getState().selectFrame(String(tx.frame)));
    const dst = container.querySelector('tr[data-field="ip.dst"]')!;
    expect(dst.className).toContain('changed');
    expect(dst.querySelector('del')!.textContent).toBe('172.16.132.18');
    expect(dst.querySelector('ins')!.textContent).toMatch(/^192\.168\.99\.1[34]0$/);
    expect(container.querySelector('tr[data-field="l4.dport"] ins')!.textContent).toBe('888');
    expect(screen.getByText(/rewrote the destination with IPVS NAT/)).toBeTruthy();
  });

  test('follows playback when nothing is pinned', async () => {
    const { store, container } = await renderWithStore(<PacketInspector />, 'dr');
    act(() => store.getState().sendRequest());
    act(() => {
      for (let i = 0; i < 12; i++) store.getState().stepForward();
    });
    expect(container.querySelector('.packet-inspector')).toBeTruthy();
    expect(screen.getByText('Following playback')).toBeTruthy();
  });
});
