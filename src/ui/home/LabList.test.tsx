// @vitest-environment jsdom
import { cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, test } from 'vitest';
import { parseRoute } from '../router/route';
import { renderWithStore } from '../testing/renderWithStore';
import { LabList } from './LabList';

afterEach(cleanup);

describe('lab picker with sizes', () => {
  test('choosing 8 servers and 8 clients lists those hosts and puts the size in the link', async () => {
    await renderWithStore(<LabList />);
    const card = screen.getByRole('group', { name: 'Size of the LVS-DR lab' });
    fireEvent.change(screen.getByRole('combobox', { name: 'Real servers in the LVS-DR lab' }), {
      target: { value: '8' },
    });
    fireEvent.change(screen.getByRole('combobox', { name: 'Clients in the LVS-DR lab' }), {
      target: { value: '8' },
    });
    expect(card).toBeTruthy();
    const drCard = card.closest('.lab-card')!;
    expect(drCard.textContent).toContain('rs8');
    expect(drCard.textContent).toContain('client8');
    expect(drCard.textContent).toContain('172.16.132.85');
    const open = screen.getByRole('link', { name: 'Open the LVS-DR lab' });
    const route = parseRoute(open.getAttribute('href')!.replace(/^[^?]*/, ''));
    expect(route).toMatchObject({ page: 'lab', labId: 'dr', params: { servers: 8, clients: 8 } });
    const bare = screen.getByRole('link', { name: 'Start the LVS-DR lab bare' });
    expect(parseRoute(bare.getAttribute('href')!).params).toMatchObject({ bare: true, servers: 8 });
  });

  test('the default size leaves the link as it always was', async () => {
    await renderWithStore(<LabList />);
    expect(screen.getByRole('link', { name: 'Open the LVS-NAT lab' }).getAttribute('href')).toBe('?lab=nat');
  });
});
