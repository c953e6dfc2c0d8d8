// @vitest-environment jsdom
import { act, cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, test } from 'vitest';
import { renderWithStore } from '../testing/renderWithStore';
import { EventList } from './EventList';

afterEach(cleanup);

describe('<EventList>', () => {
  test('filters by category and host, and clicking a row seeks to it', async () => {
    const { store, container } = await renderWithStore(<EventList />, 'dr');
    act(() => store.getState().sendRequest());
    fireEvent.click(screen.getByRole('button', { name: 'ARP' }));
    const rows = [...container.querySelectorAll('.event-row')];
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) expect(r.className).toContain('cat-arp');
    fireEvent.change(screen.getByRole('combobox', { name: 'Host' }), { target: { value: 'router' } });
    const hostCells = [...container.querySelectorAll('.event-host')].map((e) => e.textContent);
    expect(new Set(hostCells)).toEqual(new Set(['router']));
    const first = container.querySelector('.event-row button') as HTMLButtonElement;
    const seq = Number(first.closest('li')!.dataset.seq);
    fireEvent.click(first);
    expect(store.getState().cursor).toBe(seq + 1);
  });

  test('says why: an ARP reply names the arp_ignore value that allowed it', async () => {
    const { store } = await renderWithStore(<EventList />, 'dr');
    act(() => store.getState().sendRequest());
    fireEvent.click(screen.getByRole('button', { name: 'ARP' }));
    fireEvent.change(screen.getByRole('combobox', { name: 'Host' }), { target: { value: 'director' } });
    expect(screen.getAllByText(/arp_ignore=0 \(the larger of all=0 and eth0=0\)/).length).toBeGreaterThan(0);
  });
});
