import type { Locator, Page } from '@playwright/test';
import type { LabApi } from '../fixtures';

/** The lab view's panels, as a student finds them by role and name. */
export class LabPage {
  readonly sendButton: Locator;
  readonly stepForward: Locator;
  readonly stepBack: Locator;
  readonly inspector: Locator;
  readonly packet: Locator;
  readonly events: Locator;
  readonly topology: Locator;

  constructor(
    readonly page: Page,
    readonly api: LabApi,
  ) {
    this.sendButton = page.locator('.send-button');
    this.stepForward = page.getByRole('button', { name: 'Step forward' });
    this.stepBack = page.getByRole('button', { name: 'Step back' });
    this.inspector = page.locator('.inspector');
    this.packet = page.locator('.packet-inspector');
    this.events = page.locator('.event-list');
    this.topology = page.locator('.topology-svg');
  }

  async open(labId: string, query = ''): Promise<void> {
    // Navigation lives in the query string: `?lab=dr&paused=1`.
    const extra = query.replace(/^\?/, '');
    await this.page.goto(`?lab=${labId}${extra ? `&${extra}` : ''}`);
    await this.api.ready();
    await this.topology.locator('.host').first().waitFor();
  }

  tab(name: string): Locator {
    return this.page.getByRole('tab', { name });
  }

  /** Move the cursor to just after the director puts the rewritten client packet on the wire. */
  async seekToDirectorRewrite(): Promise<number> {
    const [xmit] = await this.api.find('ipvs.xmit');
    const trace = await this.api.trace(xmit);
    const tx = trace.find((e) => e.kind === 'frame.tx' && e.host === 'director' && e.pkt === trace[0]!.pkt)!;
    await this.api.seek((tx.seq as number) + 1);
    return tx.seq as number;
  }

  field(path: string): Locator {
    return this.packet.locator(`tr[data-field="${path}"]`);
  }
}
