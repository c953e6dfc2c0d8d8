import { test as base, expect } from '@playwright/test';
import type { Page } from '@playwright/test';
import { LabPage } from './pages/LabPage';

/** The dev/test API as the page exposes it (window.__lvsLab), called through page.evaluate. */
export class LabApi {
  constructor(private readonly page: Page) {}

  async ready(): Promise<void> {
    await this.page.waitForFunction(() => window.__lvsLab?.ready === true);
  }

  call<T>(fn: string, ...args: unknown[]): Promise<T> {
    return this.page.evaluate(
      ([f, a]) => {
        const api = window.__lvsLab as unknown as Record<string, (...x: unknown[]) => unknown>;
        return api[f as string]!(...(a as unknown[])) as T;
      },
      [fn, args] as const,
    );
  }

  load(labId: string, opts: Record<string, unknown> = {}) {
    return this.call<{ cursor: number }>('load', labId, opts);
  }
  send(count = 1) {
    return this.call<{ cursor: number; traceLength: number }>('send', count);
  }
  state() {
    return this.call<{
      labId: string;
      cursor: number;
      simTime: number;
      playing: boolean;
      traceLength: number;
      log: { host: string; command: string; maxTimeUs?: number }[];
      language: string;
    }>('state');
  }
  seek(cursor: number) {
    return this.call<void>('seek', cursor);
  }
  step(n = 1) {
    return this.call<number>('step', n);
  }
  back(n = 1) {
    return this.call<number>('back', n);
  }
  find(kind: string, where: Record<string, unknown> = {}, from = 0) {
    return this.call<number[]>('find', kind, where, from);
  }
  trace(from = 0, to?: number) {
    return this.call<Record<string, unknown>[]>('trace', from, to);
  }
}

interface Fixtures {
  api: LabApi;
  lab: LabPage;
  /** Every Content-Security-Policy violation any frame of the page reported (checked after each test). */
  cspViolations: string[];
}

/** Every test starts on a clean origin (no saved labs or preferences), with English. */
export const test = base.extend<Fixtures>({
  cspViolations: [
    async ({ page }, use) => {
      const seen: string[] = [];
      await page.exposeFunction('__lvsCspViolation', (text: string) => void seen.push(text));
      await page.addInitScript(() => {
        document.addEventListener('securitypolicyviolation', (e) => {
          const report = (window as unknown as { __lvsCspViolation?: (t: string) => void }).__lvsCspViolation;
          report?.(`${e.violatedDirective} blocked ${e.blockedURI || 'inline'} in ${e.documentURI}`);
        });
      });
      page.on('console', (m) => {
        if (m.type() === 'error' && /Content Security Policy/i.test(m.text())) seen.push(m.text());
      });
      await use(seen);
      expect(seen, 'Content-Security-Policy violations').toEqual([]);
    },
    { auto: true },
  ],
  api: async ({ page }, use) => {
    await page.addInitScript(() => {
      if (sessionStorage.getItem('e2e-started')) return;
      sessionStorage.setItem('e2e-started', '1');
      localStorage.clear();
      localStorage.setItem('lvs-lab.lang', 'en');
    });
    await use(new LabApi(page));
  },
  lab: async ({ page, api }, use) => {
    await use(new LabPage(page, api));
  },
});

export { expect };
