// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import i18next from 'i18next';
import { afterEach, beforeAll, describe, expect, test } from 'vitest';
import { ensureLanguage, initI18n } from '@/i18n/i18n';
import { engine } from '@/store/engine';
import { hostRows, rowsFromDef } from '../layout/hostRows';
import { layoutTopology } from '../layout/topologyLayout';
import { parseRoute } from '../router/route';
import { BootView } from './BootView';
import { LabSketch } from './LabSketch';

beforeAll(async () => {
  if (!i18next.isInitialized) await initI18n('en');
});
afterEach(cleanup);

const SIZES = [
  { servers: 2, clients: 1 },
  { servers: 5, clients: 3 },
];

describe('the topology drawn from the lab data while the engine loads', () => {
  test('laid out exactly as the live view lays out the bare lab, with the same wired addresses', () => {
    const { LabRuntime, getLab, hostStatesAt } = engine();
    for (const id of ['nat', 'dr', 'tun', 'ha'])
      for (const size of SIZES) {
        const def = getLab(id, size)!;
        const rt = LabRuntime.create(id, { ...size, bare: true });
        const states = hostStatesAt(rt.trace, rt.trace.length);
        const live = rt.hostNames().map((name) => {
          const rows = hostRows(def, name, states.get(name));
          return { name, rows: rows.map((r) => ({ dev: r.dev, segment: r.segment })), full: rows };
        });
        const wired = (name: string) =>
          live
            .find((h) => h.name === name)!
            .full.filter((r) => r.segment !== undefined)
            .map(({ mac: _mac, ...r }) => r);
        for (const h of def.hosts)
          expect(rowsFromDef(def, h.name).map(({ mac: _mac, ...r }) => r)).toEqual(wired(h.name));
        const sketch = layoutTopology(def);
        expect(JSON.stringify([...sketch.hosts])).toBe(JSON.stringify([...layoutTopology(def, live).hosts]));
      }
  });

  test('every host and address is drawn, and nothing offers a click the engine would have to answer', () => {
    const def = engine().getLab('dr')!;
    const { container } = render(<LabSketch def={def} />);
    const svg = container.querySelector('svg[data-topology-drawn="lab-data"]')!;
    expect(svg.getAttribute('role')).toBe('group');
    for (const h of def.hosts) {
      const card = svg.querySelector(`[data-host="${h.name}"]`)!;
      for (const i of h.ifaces) expect(card.textContent).toContain(`${i.addr}/${i.prefix}`);
    }
    expect(svg.querySelectorAll('.segment').length).toBe(def.segments.length);
    expect(svg.querySelectorAll('line.wire').length).toBe(def.hosts.flatMap((h) => h.ifaces).length);
    expect(screen.queryAllByRole('button')).toEqual([]);
    expect(container.querySelectorAll('[tabindex]').length).toBe(0);
  });

  test('the page says the controls are loading, in the reader language', async () => {
    const { rerender } = render(<BootView route={parseRoute('?lab=nat')} />);
    expect(screen.getByRole('status').textContent).toMatch(/^Loading the simulator/);
    expect(screen.getByRole('region', { name: 'Terminals and playback' }).getAttribute('aria-busy')).toBe(
      'true',
    );
    expect(screen.getByRole('group', { name: /NAT/ })).toBeTruthy();
    await ensureLanguage('zh-CN');
    await i18next.changeLanguage('zh-CN');
    rerender(<BootView route={parseRoute('?lab=nat')} />);
    expect(screen.getByRole('status').textContent).toMatch(/^正在加载模拟器/);
    await i18next.changeLanguage('en');
  });

  test('the home page gets the notice and no topology', () => {
    const { container } = render(<BootView route={parseRoute('')} />);
    expect(container.querySelector('[data-topology-drawn]')).toBeNull();
    expect(screen.getByRole('status')).toBeTruthy();
  });
});
