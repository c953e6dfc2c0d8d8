import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

async function seriousViolations(page: Page) {
  const r = await new AxeBuilder({ page }).exclude('.xterm-helper-textarea').analyze();
  return r.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id}: ${v.nodes
          .map((n) => n.target.join(' '))
          .slice(0, 3)
          .join(' | ')}`,
    );
}

/** Every focusable or interactive element has a name a screen reader can say. */
async function unnamedControls(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const sel =
      'button, a[href], input, select, textarea, [role="button"], [role="tab"], [role="slider"], [tabindex="0"]';
    const out: string[] = [];
    for (const el of document.querySelectorAll<HTMLElement>(sel)) {
      if (el.closest('.xterm')) continue;
      const labelled = el.getAttribute('aria-labelledby');
      const name =
        el.getAttribute('aria-label') ??
        (labelled
          ? labelled
              .split(' ')
              .map((id) => document.getElementById(id)?.textContent ?? '')
              .join(' ')
          : '') ??
        '';
      const viaLabel = (el as HTMLInputElement).labels?.[0]?.textContent ?? '';
      const text = el.tagName === 'SELECT' || el.tagName === 'INPUT' ? '' : (el.textContent ?? '');
      if (!`${name}${viaLabel}${text}`.trim()) out.push(el.outerHTML.slice(0, 120));
    }
    return out;
  });
}

for (const labId of ['nat', 'dr', 'tun', 'ha']) {
  for (const scheme of ['light', 'dark', 'projector']) {
    test(`${labId}, ${scheme}: named controls, and axe finds nothing serious on every tab`, async ({
      lab,
      api,
      page,
    }) => {
      // Four axe runs over a full lab view: 25–70 s on a shared 2-core machine.
      test.setTimeout(150_000);
      await lab.open(labId, '?paused=1');
      await api.call('setScheme', scheme);
      await api.send();
      // The ha lab has two directors and no host named director: its views are checked at the end.
      if (labId !== 'ha') await lab.seekToDirectorRewrite();
      for (const tab of ['Packet', 'Hooks', 'Scheduler', 'Controls']) {
        await lab.tab(tab).click();
        await page.waitForTimeout(100);
        expect(await unnamedControls(page), tab).toEqual([]);
        expect(await seriousViolations(page), tab).toEqual([]);
      }
    });
  }
}

test('host cards are named as sentences that contain their visible text; a frame no host takes says so', async ({
  lab,
  api,
  page,
}) => {
  await lab.open('nat', '?paused=1');
  await expect(
    lab.topology.getByRole('button', {
      name: 'client, client: eth0 172.16.132.78/24 (CIP) MAC 52:54:00:00:01:00;',
      exact: true,
    }),
  ).toBeVisible();
  await expect(
    lab.topology.getByRole('button', {
      name: /^director, director: eth0 192\.168\.99\.120\/24 \(DIP\) MAC [0-9a-f:]+; eth1 172\.16\.132\.18\/24 \(VIP\) MAC [0-9a-f:]+;$/,
    }),
  ).toBeVisible();
  // Every frame header names a sender and either its receivers or that none took it.
  await api.send();
  await lab.seekToDirectorRewrite();
  await expect(page.locator('.packet-route')).not.toContainText('→ —');
  await expect(page.locator('.packet-route')).toContainText(/director eth\d → \w+ eth\d on \w+/);
});

test('DR with a finding and the panel separators: axe finds nothing serious in any scheme', async ({
  lab,
  api,
}) => {
  test.setTimeout(120_000);
  await lab.open('dr', '?paused=1');
  for (const rs of ['rs1', 'rs2']) await api.call('run', rs, 'sysctl -w net.ipv4.conf.all.arp_ignore=0');
  for (const rs of ['rs1', 'rs2']) await api.call('run', rs, 'sysctl -w net.ipv4.conf.lo.arp_ignore=0');
  await api.send();
  await api.seek(Number.MAX_SAFE_INTEGER);
  await expect(lab.topology.locator('.finding-mark').first()).toBeVisible();
  for (const scheme of ['light', 'dark', 'projector']) {
    await api.call('setScheme', scheme);
    expect(await seriousViolations(lab.page), scheme).toEqual([]);
  }
});

test('the side-by-side view: named controls, nothing serious', async ({ api, page }) => {
  await page.goto('?view=compare');
  await api.ready();
  await page.getByRole('button', { name: 'Send 10 to both' }).click();
  expect(await unnamedControls(page)).toEqual([]);
  expect(await seriousViolations(page)).toEqual([]);
});

test('the projector scheme keeps its contrast', async ({ lab, page }) => {
  await lab.open('nat');
  await page.getByRole('combobox', { name: 'Colours' }).selectOption('projector');
  expect(await seriousViolations(page)).toEqual([]);
});
