// @vitest-environment jsdom
import { act, cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, test } from 'vitest';
import { renderWithStore } from '../testing/renderWithStore';
import { ControlsPanel } from './ControlsPanel';

afterEach(cleanup);

describe('<ControlsPanel>', () => {
  test('each control runs the equivalent command on its host', async () => {
    const { store } = await renderWithStore(<ControlsPanel />, 'dr');
    fireEvent.change(screen.getByRole('combobox', { name: 'Scheduler' }), { target: { value: 'wlc' } });
    fireEvent.change(screen.getByRole('combobox', { name: 'Weight of rs1' }), { target: { value: '3' } });
    fireEvent.click(screen.getByRole('checkbox', { name: 'rs2 in service' }));
    act(() => store.getState().selectHost('rs1'));
    fireEvent.change(screen.getByRole('combobox', { name: 'arp_ignore on all (rs1)' }), {
      target: { value: '0' },
    });
    expect(store.getState().spec.log).toEqual([
      { host: 'director', command: 'ipvsadm -E -t 192.168.99.188:80 -s wlc' },
      { host: 'director', command: 'ipvsadm -e -t 192.168.99.188:80 -r 192.168.99.140:80 -g -w 3' },
      { host: 'director', command: 'ipvsadm -d -t 192.168.99.188:80 -r 192.168.99.150:80' },
      { host: 'rs1', command: 'sysctl -w net.ipv4.conf.all.arp_ignore=0' },
    ]);
    expect(
      (screen.getByRole('combobox', { name: 'arp_ignore on all (rs1)' }) as HTMLSelectElement).value,
    ).toBe('0');
  });
});
