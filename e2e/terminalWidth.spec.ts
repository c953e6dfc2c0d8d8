import { expect, test } from './fixtures';
import { typeCommand } from './pages/terminal';

test('at 1440×900 the director terminal shows ipvsadm -Ln with no wrapped line', async ({ lab, page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await lab.open('nat', '?paused=1');
  const text = await typeCommand(page, 'director', 'ipvsadm -Ln');
  const lines = text.split('\n');
  // Each row of the table is one terminal row (a wrapped line would split it).
  expect(lines).toContain('  -> RemoteAddress:Port           Forward Weight ActiveConn InActConn');
  expect(lines.some((l) => /^ {2}-> 192\.168\.\d+\.\d+:\d+\s+Masq\s+\d+\s+\d+\s+\d+\s*$/.test(l))).toBe(true);
});
