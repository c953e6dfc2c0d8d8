import { expect, test } from './fixtures';
import { typeCommand } from './pages/terminal';

/**
 * Representative corrupt saves, injected into localStorage before the app loads: whatever is
 * there, the lab list shows, a lab opens and a command runs. Built in the page (some are large).
 */
const b64 = (rows: unknown) => Buffer.from(JSON.stringify(rows)).toString('base64url');
const lab = (id: string, rows: unknown[], seed = '1') =>
  `v1.${id}.${seed}.0${rows.length ? `.${b64(rows)}` : ''}`;
const save = (state: unknown, version = 1) => JSON.stringify({ state, version });
const GOOD_NAT = lab('nat', [['client', 'echo kept-nat-work']]);

const CASES: Record<string, string> = {
  'not JSON': '{{{',
  null: 'null',
  'an array': '[]',
  'state null': save(null),
  'state a string': save('x'),
  'a future version': save({ lab: GOOD_NAT }, 999),
  'a huge maxTimeUs on a busy loop (the lock-out of issue 11)': save({
    lab: lab('nat', [['client', 'while true; do :; done', 1e15]]),
  }),
  'a non-finite maxTimeUs': save({ lab: lab('nat', [['client', 'sleep 1', -1]]) }),
  'deep nesting': `{"state":{"lab":${'['.repeat(5000)}${']'.repeat(5000)}},"version":1}`,
  '__proto__ and constructor keys':
    '{"state":{"__proto__":{"polluted":1},"constructor":{"prototype":{"polluted":1}},"lab":"v1.nat.1.0",' +
    '"sessions":{"__proto__":{"lab":"v1.dr.1.0"}}},"version":1}',
  'a 100k-entry log': save({
    lab: lab(
      'nat',
      Array.from({ length: 100_000 }, (_, i) => [0, `echo ${i}`]),
    ),
  }),
  'a corrupt DR beside good NAT work': save({
    lab: GOOD_NAT,
    sessions: { dr: { lab: 'v1.dr.1.0.@@@', cursor: 3 } },
  }),
  'wrong types everywhere': save({
    lab: 5,
    cursor: 'x',
    sessions: [],
    language: 7,
    speed: -1,
    startPaused: 'yes',
    filterCategories: 'arp',
    selectedFrame: {},
  }),
  'cursor and size out of range': save({ lab: GOOD_NAT, cursor: 1e308, servers: 1000, clients: -1 }),
  'a seed that is not a number': save({ lab: 'v1.nat.1e400.0' }),
  'speed Infinity': '{"state":{"lab":"v1.nat.1.0","speed":1e999},"version":1}',
  'an unknown host and a 100 KB command': save({
    lab: lab('nat', [
      ['evil', 'echo x'],
      ['client', 'x'.repeat(100_000)],
    ]),
  }),
  'hostile prefs': save({
    lab: GOOD_NAT,
    language: 'xx',
    scheme: '<script>alert(1)</script>',
    inspectorTab: 'constructor',
    terminalHost: 'h'.repeat(1_000_000),
    filterHost: null,
  }),
  'sessions a string, a lab id that does not exist': save({ lab: 'v1.nope.1.0', sessions: 'nat' }),
};

for (const [name, raw] of Object.entries(CASES)) {
  test(`a corrupt save (${name}) leaves the app usable`, async ({ page, api }) => {
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.addInitScript(
      ([value]) => {
        if (sessionStorage.getItem('corrupt-injected')) return;
        sessionStorage.setItem('corrupt-injected', '1');
        localStorage.setItem('lvs-lab.state', value!);
        localStorage.setItem('lvs-lab.corrupt', '{{not json either');
      },
      [raw],
    );
    await page.goto('/');
    await expect(page.locator('.lab-card')).toHaveCount(4);
    await page.getByRole('link', { name: 'Open the LVS-NAT lab' }).click();
    await api.ready();
    await page.locator('.topology-svg .host').first().waitFor();
    const screen = await typeCommand(page, 'client', 'echo usable-after-load');
    expect(screen).toContain('usable-after-load');
    expect(await page.evaluate(() => (({}) as Record<string, unknown>)['polluted'])).toBeUndefined();
    expect(errors).toEqual([]);
  });
}

test('a corrupt lab is set aside for download while the good lab keeps its work', async ({ page, api }) => {
  await page.addInitScript(
    ([value]) => {
      if (sessionStorage.getItem('corrupt-injected')) return;
      sessionStorage.setItem('corrupt-injected', '1');
      localStorage.setItem('lvs-lab.state', value!);
    },
    [CASES['a corrupt DR beside good NAT work']!],
  );
  await page.goto('?lab=nat');
  await api.ready();
  expect((await api.state()).log).toEqual([{ host: 'client', command: 'echo kept-nat-work' }]);
  const notice = page.getByRole('alert').filter({ hasText: 'could not be read' });
  await expect(notice).toContainText('dr');
  const download = page.waitForEvent('download');
  await notice.getByRole('button', { name: 'Download the unreadable save' }).click();
  const file = await (await download).path();
  const text = (await import('node:fs')).readFileSync(file, 'utf8');
  expect(JSON.parse(text)).toEqual([
    { labId: 'dr', slot: 'session', raw: { lab: 'v1.dr.1.0.@@@', cursor: 3 } },
  ]);
  await notice.getByRole('button', { name: 'Discard it' }).click();
  await expect(notice).toHaveCount(0);
  expect(await page.evaluate(() => localStorage.getItem('lvs-lab.corrupt'))).toBeNull();
});
