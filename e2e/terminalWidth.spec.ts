import { expect, test } from './fixtures';
import { typeCommand } from './pages/terminal';
import { terminalColumns } from './pages/terminalColumns';

const SCHEMES = ['light', 'dark', 'projector'] as const;

for (const scheme of SCHEMES) {
  test(`at 1440×900 in the ${scheme} scheme the director terminal has 80 columns and ipvsadm -Ln does not wrap`, async ({
    lab,
    api,
    page,
  }) => {
    await page.setViewportSize({ width: 1440, height: 900 });
    await lab.open('nat', '?paused=1');
    await api.call('setScheme', scheme);
    const text = await typeCommand(page, 'director', 'ipvsadm -Ln');
    const lines = text.split('\n');
    expect(lines).toContain('  -> RemoteAddress:Port           Forward Weight ActiveConn InActConn');
    expect(lines.some((l) => /^ {2}-> 192\.168\.\d+\.\d+:\d+\s+Masq\s+\d+\s+\d+\s+\d+\s*$/.test(l))).toBe(
      true,
    );
    expect(await terminalColumns(page, 'director')).toBeGreaterThanOrEqual(80);
  });
}
