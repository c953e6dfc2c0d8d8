import { expect, test } from './fixtures';
import type { LabApi } from './fixtures';
import type { LabPage } from './pages/LabPage';

/** The sim time with the most frames on the wire (a sweep over frame.tx/frame.rx spans). */
function busiest(trace: { kind: string; t: number; frame?: string | undefined }[]): number {
  const spans = new Map<string, [number, number]>();
  for (const e of trace) {
    if (e.kind === 'frame.tx') spans.set(e.frame!, [e.t, e.t + 100]);
    else if (e.kind === 'frame.rx' && spans.has(e.frame!)) spans.get(e.frame!)![1] = e.t;
  }
  const list = [...spans.values()];
  let best = { t: 0, n: 0 };
  for (const [a] of list) {
    const t = a + 30;
    const n = list.filter(([s, f]) => s <= t && t < f).length;
    if (n > best.n) best = { t, n };
  }
  return best.t;
}

/** The DR lab paused at the busiest moment of `ab -n 100 -c 100`: a crowd of frames in flight. */
async function crowdOfFrames(lab: LabPage, api: LabApi): Promise<void> {
  await lab.open('dr', '?paused=1');
  await api.call('run', 'client', 'ab -n 100 -c 100 http://192.168.99.188/');
  const trace = (await api.call<{ kind: string; t: number; frame?: string }[]>('trace')).map((e) => ({
    kind: e.kind,
    t: e.t,
    frame: e.frame,
  }));
  await api.call('seekTime', busiest(trace));
}

test('a crowd of frames is drawn on the canvas, clickable, and listed for screen readers', async ({
  lab,
  api,
}) => {
  test.setTimeout(120_000); // a hundred connections at once take a while to simulate
  await crowdOfFrames(lab, api);
  const canvas = lab.page.locator('canvas.frame-canvas');
  await expect.poll(async () => Number(await canvas.getAttribute('data-frames-drawn'))).toBeGreaterThan(60);
  // The crowd is not in the SVG: no glyph nodes, only dots on the canvas.
  await expect(lab.topology.locator('.frame-glyph')).toHaveCount(0);
  const list = lab.page.getByRole('list', { name: /Frames on the wire/ });
  // The list takes its turn with the other views that follow the clock (a frame or so later).
  await expect.poll(() => list.getByRole('button').count()).toBeGreaterThan(10);

  // Click where the canvas has a dot: the inspector shows that frame. The canvas is painted by a
  // worker that owns it (the page cannot read it back): find a dot on a screenshot of it taken
  // with the SVG above it hidden, a pixel whose 3×3 neighbourhood differs from the background.
  const cover = await lab.page.addStyleTag({
    content: '.topology-svg, .zoom-controls { visibility: hidden }',
  });
  const png = (await canvas.screenshot()).toString('base64');
  await cover.evaluate((el) => (el as Element).remove());
  const box = (await canvas.boundingBox())!;
  const dot = await lab.page.evaluate(async (b64) => {
    const img = new Image();
    img.src = `data:image/png;base64,${b64}`;
    await img.decode();
    const c = document.createElement('canvas');
    c.width = img.width;
    c.height = img.height;
    const ctx = c.getContext('2d')!;
    ctx.drawImage(img, 0, 0);
    const { data, width, height } = ctx.getImageData(0, 0, c.width, c.height);
    const at = (x: number, y: number) => (y * width + x) * 4;
    const bg = [data[0]!, data[1]!, data[2]!];
    const solid = (x: number, y: number) =>
      Math.abs(data[at(x, y)]! - bg[0]!) +
        Math.abs(data[at(x, y) + 1]! - bg[1]!) +
        Math.abs(data[at(x, y) + 2]! - bg[2]!) >
      60;
    for (let y = 2; y < height - 2; y += 2)
      for (let x = 2; x < width - 2; x += 2)
        if (solid(x, y) && solid(x - 1, y) && solid(x + 1, y) && solid(x, y - 1) && solid(x, y + 1))
          return { x: x / width, y: y / height };
    return null;
  }, png);
  expect(dot).not.toBeNull();
  await lab.page.mouse.click(box.x + dot!.x * box.width, box.y + dot!.y * box.height);
  await expect(lab.packet).toHaveAttribute('data-frame', /^frm#/);

  // The list's buttons select frames too (a screen reader activates them).
  const second = list.getByRole('button').nth(1);
  // Its words are its accessible name (an attribute: the hidden list lays out no text per turn).
  const label = (await second.getAttribute('aria-label'))!;
  await expect(second).toHaveAccessibleName(label);
  await second.dispatchEvent('click');
  await expect(lab.packet).toHaveAttribute('data-frame', /frm#\d+/.exec(label)![0]);
});

test('when the painting worker cannot load its module, the page paints the crowd itself', async ({
  lab,
  api,
}) => {
  test.setTimeout(120_000);
  // The worker is made and handed the canvas, then its script fails to load.
  await lab.page.route(/frameCanvasWorker[^/]*\.js$/, (r) => r.fulfill({ status: 404, body: '' }));
  await crowdOfFrames(lab, api);
  const canvas = lab.page.locator('canvas.frame-canvas');
  await expect(canvas).toHaveAttribute('data-painter', 'page');
  await expect(canvas).toHaveCount(1);
  await expect.poll(async () => Number(await canvas.getAttribute('data-frames-drawn'))).toBeGreaterThan(60);
  // The page owns this canvas: its pixels can be read, and the dots are there (they overlap on
  // the wires: ~2,800 inked pixels for this crowd at this size; an empty canvas has none).
  const inked = await canvas.evaluate((c: HTMLCanvasElement) => {
    const { data } = c.getContext('2d')!.getImageData(0, 0, c.width, c.height);
    let n = 0;
    for (let i = 3; i < data.length; i += 4) if (data[i]! > 0) n++;
    return n;
  });
  expect(inked).toBeGreaterThan(500);
});
