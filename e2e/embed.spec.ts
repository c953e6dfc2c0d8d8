import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

// The postMessage API and <lvs-lab> against the production build. The lab is served on
// 127.0.0.1 (the prod project's baseURL); the course page around it is opened on localhost, a
// different origin, and is built here as a course author would write it.

interface Seen {
  origin: string;
  fromLab: boolean;
  data: { type: string; [k: string]: unknown };
}

function origins(baseURL: string) {
  const lab = new URL(baseURL);
  const host = new URL(baseURL);
  host.hostname = 'localhost';
  return { labApp: lab.href, labOrigin: lab.origin, hostOrigin: host.origin };
}

/**
 * Open a made-up course page on localhost: `body` as its content and a recorder of every
 * message it receives. The page is a real loopback response
 * (the static server's 404 page, rebuilt in place): Chrome does not let a page that came from
 * route.fulfill frame 127.0.0.1.
 */
async function openHostPage(page: Page, baseURL: string, body: string) {
  const { hostOrigin } = origins(baseURL);
  await page.goto(`${hostOrigin}/host/blank`);
  await page.evaluate((html) => {
    const w = window as unknown as { seen: unknown[] };
    w.seen = [];
    addEventListener('message', (e) => {
      const lab = document.getElementById('lab') as HTMLIFrameElement | null;
      w.seen.push({ origin: e.origin, fromLab: !!lab && e.source === lab.contentWindow, data: e.data });
    });
    const meta = document.createElement('meta');
    meta.name = 'referrer';
    meta.content = 'no-referrer';
    document.head.append(meta);
    document.body.innerHTML = html;
  }, body);
}

const seen = (page: Page) => page.evaluate(() => (window as unknown as { seen: Seen[] }).seen);
const ofType = async (page: Page, type: string) => (await seen(page)).filter((m) => m.data?.type === type);

async function waitFor(page: Page, type: string, count = 1): Promise<Seen[]> {
  await expect
    .poll(async () => (await ofType(page, type)).length, { timeout: 20_000 })
    .toBeGreaterThanOrEqual(count);
  return ofType(page, type);
}

function postToLab(page: Page, message: unknown, target: string) {
  return page.evaluate(
    ([m, t]) =>
      (document.getElementById('lab') as HTMLIFrameElement).contentWindow!.postMessage(m, t as string),
    [message, target] as const,
  );
}

async function labState(page: Page, target: string): Promise<{ state: string; step: number; lab: string }> {
  const before = (await ofType(page, 'lvs-lab:state')).length;
  await postToLab(page, { type: 'lvs-lab:get-state' }, target);
  const states = await waitFor(page, 'lvs-lab:state', before + 1);
  const { type: _t, ...rest } = states[states.length - 1]!.data;
  return rest as { state: string; step: number; lab: string };
}

test('a course page on another origin drives the lab with lvs-lab:run and hears lvs-lab:command', async ({
  page,
  baseURL,
}) => {
  const { labApp, labOrigin, hostOrigin } = origins(baseURL!);
  const src = `${labApp}?lab=nat&embed=1&paused=1&origin=${encodeURIComponent(hostOrigin)}`;
  await openHostPage(
    page,
    baseURL!,
    `<iframe id="lab" title="LVS Lab" src="${src}" style="width:900px;height:700px"></iframe>`,
  );
  const [ready] = await waitFor(page, 'lvs-lab:ready');
  expect(ready).toMatchObject({ origin: labOrigin, fromLab: true, data: { version: '1', lab: 'nat' } });

  await postToLab(page, { type: 'lvs-lab:run', host: 'director', command: 'ipvsadm -Ln' }, labOrigin);
  const [cmd] = await waitFor(page, 'lvs-lab:command');
  expect(cmd!.data).toMatchObject({ host: 'director', command: 'ipvsadm -Ln', exit: 0, stderr: '' });
  expect(cmd!.data.stdout).toContain('TCP  172.16.132.18:80 rr');
  const [state] = await waitFor(page, 'lvs-lab:state');
  expect(state!.data).toMatchObject({ lab: 'nat' });
  expect(state!.data.state).toMatch(/^v2\./);
  // The command is in the lab's own terminal too, as if typed there.
  const frame = page.frameLocator('#lab');
  // xterm draws only what is on screen: the terminals sit below the fold of a 700 px frame.
  await frame.locator('.host-terminal[data-host="director"]').scrollIntoViewIfNeeded();
  await expect(frame.locator('.host-terminal[data-host="director"] .xterm-rows')).toContainText(
    'ipvsadm -Ln',
  );

  await postToLab(page, { type: 'lvs-lab:seek', step: 2 }, labOrigin);
  const lastStep = async () => (await ofType(page, 'lvs-lab:step')).at(-1)?.data;
  await expect.poll(async () => (await lastStep())?.step).toBe(2);
  expect(typeof (await lastStep())!.text).toBe('string');
});

test('a message of the wrong shape or from another window gets lvs-lab:error and changes nothing', async ({
  page,
  baseURL,
}) => {
  const { labApp, labOrigin, hostOrigin } = origins(baseURL!);
  const src = `${labApp}?lab=dr&embed=1&paused=1&origin=${encodeURIComponent(hostOrigin)}`;
  // A second frame (a page of the lab's server, but not the parent page) tries its luck.
  const intruder = `${labOrigin}/intruder`;
  await openHostPage(
    page,
    baseURL!,
    `<iframe id="lab" title="LVS Lab" src="${src}" style="width:900px;height:700px"></iframe>
     <iframe id="intruder" title="intruder" src="${intruder}"></iframe>`,
  );
  await waitFor(page, 'lvs-lab:ready');
  const before = await labState(page, labOrigin);

  await postToLab(page, { type: 'lvs-lab:run', host: 42, command: 'hostname' }, labOrigin);
  await postToLab(page, { type: 'lvs-lab:seek', step: -1 }, labOrigin);
  await postToLab(
    page,
    { type: 'lvs-lab:run', host: '<img src=x onerror=alert(1)>', command: 'id' },
    labOrigin,
  );
  const intruderFrame = page.frames().find((f) => f.url() === intruder)!;
  await intruderFrame.evaluate(() =>
    parent.frames[0]!.postMessage({ type: 'lvs-lab:run', host: 'client', command: 'echo pwned' }, '*'),
  );
  const errors = await waitFor(page, 'lvs-lab:error', 4);
  expect(errors.map((e) => e.data.request)).toEqual([
    'lvs-lab:run',
    'lvs-lab:seek',
    'lvs-lab:run',
    'lvs-lab:run',
  ]);
  for (const e of errors) expect(typeof e.data.message).toBe('string');
  expect(await ofType(page, 'lvs-lab:command')).toEqual([]);
  expect(await labState(page, labOrigin)).toEqual(before);
});

test('with neither an origin parameter nor a referrer the lab posts nothing', async ({ page, baseURL }) => {
  const { labApp, labOrigin } = origins(baseURL!);
  await openHostPage(
    page,
    baseURL!,
    `<iframe id="lab" title="LVS Lab" referrerpolicy="no-referrer" src="${labApp}?lab=nat&embed=1&paused=1" style="width:900px;height:700px"></iframe>`,
  );
  const frame = page.frameLocator('#lab');
  await expect(frame.locator('.topology-svg .host').first()).toBeVisible();
  await postToLab(page, { type: 'lvs-lab:get-state' }, labOrigin);
  await postToLab(page, { type: 'lvs-lab:run', host: 'director', command: 'ipvsadm -Ln' }, labOrigin);
  await postToLab(page, { type: 'lvs-lab:bogus' }, labOrigin);
  await frame.locator('.host-terminal[data-host="director"]').scrollIntoViewIfNeeded();
  // It still obeys its parent (the command shows in its terminal) but answers nobody.
  // The terminal draws a frame's worth of output at a time: give a loaded machine time.
  await expect(frame.locator('.host-terminal[data-host="director"] .xterm-rows')).toContainText(
    'TCP  172.16.132.18:80 rr',
    { timeout: 15_000 },
  );
  await page.waitForTimeout(500);
  expect((await seen(page)).filter((m) => m.fromLab || m.origin === labOrigin)).toEqual([]);
});

test('two <lvs-lab> elements on one page each run a command and keep their own state', async ({
  page,
  baseURL,
}) => {
  // The demo page's two elements (lab="nat" and lab="dr").
  const { labOrigin } = origins(baseURL!);
  await page.goto(`${labOrigin}/examples/embed.html?app=../course/lvs/`);
  const results = await page.evaluate(async () => {
    await customElements.whenDefined('lvs-lab');
    const a = document.getElementById('a') as HTMLElement & {
      run(h: string, c: string): void;
      getState(): Promise<Record<string, unknown>>;
    };
    const b = document.getElementById('b') as typeof a;
    const commandOf = (el: HTMLElement) =>
      new Promise<Record<string, unknown>>((resolve) =>
        el.addEventListener('lvs-lab:command', (e) => resolve((e as CustomEvent).detail), { once: true }),
      );
    const ca = commandOf(a);
    const cb = commandOf(b);
    a.run('director', 'ipvsadm -Ln');
    b.run('client', 'hostname');
    const [da, db] = await Promise.all([ca, cb]);
    return { da, db, sa: await a.getState(), sb: await b.getState() };
  });
  expect(results.da).toMatchObject({ host: 'director', command: 'ipvsadm -Ln', exit: 0 });
  expect(String(results.da.stdout)).toContain('172.16.132.18:80');
  expect(results.db).toMatchObject({ host: 'client', command: 'hostname', stdout: 'client\n', exit: 0 });
  expect(results.sa.lab).toBe('nat');
  expect(results.sb.lab).toBe('dr');
  expect(results.sa.state).not.toBe(results.sb.state);
  // Each lab shows its own command in its own terminal once its cursor has reached it (both
  // elements are paused, and terminals show only what the cursor has reached).
  await page.evaluate(() => {
    for (const id of ['a', 'b'])
      (document.getElementById(id) as HTMLElement & { seek(step: number): void }).seek(1_000_000_000);
  });
  const terminalA = page
    .frameLocator('lvs-lab#a >> iframe')
    .locator('.host-terminal[data-host="director"] .xterm-rows');
  await expect(terminalA).toContainText('ipvsadm -Ln');
  // B's terminal sits below the fold of its frame, and xterm draws only what is on screen.
  const terminalB = page
    .frameLocator('lvs-lab#b >> iframe')
    .locator('.host-terminal[data-host="client"] .xterm-rows');
  await terminalB.scrollIntoViewIfNeeded();
  await expect(terminalB).toContainText('hostname');
});

test('the demo page drives its iframe with the buttons', async ({ page, baseURL }) => {
  const { labOrigin } = origins(baseURL!);
  await page.goto(`${labOrigin}/examples/embed.html?app=../course/lvs/`);
  await expect(page.getByRole('log', { name: 'Messages from the lab' })).toContainText('lvs-lab:ready', {
    timeout: 20_000,
  });
  await page.getByRole('button', { name: 'Run' }).click();
  await expect(page.getByRole('log')).toContainText('lvs-lab:command');
  await page.getByRole('button', { name: 'Get state' }).click();
  await expect(page.getByRole('log')).toContainText('lvs-lab:state');
  await page.getByRole('button', { name: 'NAT: ipvsadm -Ln' }).click();
  await expect(page.locator('#a-out')).toContainText('exit 0');
});
