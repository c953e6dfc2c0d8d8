import type { Page } from '@playwright/test';
import { typeCommand } from './terminal';

/** How many characters of a long line the host's terminal shows on its first row. */
export async function terminalColumns(page: Page, host: string): Promise<number> {
  const digits = '1234567890'.repeat(15);
  const text = await typeCommand(page, host, `echo ${digits}`);
  const rows = text.split('\n').filter((l) => l.startsWith('1234567890'));
  return Math.max(...rows.map((l) => l.trimEnd().length));
}
