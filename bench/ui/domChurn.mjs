// DOM churn per animation frame during the frames bench (a look, not a figure): a MutationObserver
// counts nodes added and removed and attribute / text changes in each animation frame, charged to
// the part of the page they happened in (the nearest ancestor with a label, test id or landmark
// role). Nodes made in steady playback are garbage for Blink's heap, whose budget starts major GCs.
//   node bench/ui/domChurn.mjs [target=500] [dir=dist/test]
import { profileBrowser } from './profileBrowser.mjs';
import { openFixture, windowNear } from './frameWork.mjs';

const target = Number(process.argv[2] ?? 500);
const dir = process.argv[3] ?? 'dist/test';
const FRAMES = 200;
const { browser, base, close } = await profileBrowser(dir);
try {
  const fx = await openFixture(browser, base);
  const win = windowNear(fx.trace, target);
  await fx.page.evaluate((t) => window.__lvsLab.seekTime(t), win.t);
  const r = await fx.page.evaluate(
    ({ want, t0 }) =>
      new Promise((resolve) => {
        const ROLES = new Set([
          'region',
          'log',
          'status',
          'list',
          'grid',
          'tree',
          'complementary',
          'dialog',
          'slider',
          'tabpanel',
          'toolbar',
        ]);
        const part = (node) => {
          for (let n = node.nodeType === 1 ? node : node.parentElement; n; n = n.parentElement) {
            const id = n.getAttribute('data-testid') ?? n.getAttribute('aria-label');
            const role = n.getAttribute('role');
            if (id) return `${n.tagName.toLowerCase()}[${id}]`;
            if (role && ROLES.has(role))
              return `${n.tagName.toLowerCase()}[role=${role}${n.className && typeof n.className === 'string' ? ` .${n.className.split(' ')[0]}` : ''}]`;
            if (n.id) return `#${n.id}`;
          }
          return '(detached)';
        };
        const counts = new Map();
        const attrs = new Map();
        const bump = (k, f) => {
          const c = counts.get(k) ?? { added: 0, removed: 0, attr: 0, text: 0 };
          c[f]++;
          counts.set(k, c);
        };
        let on = false;
        const mo = new MutationObserver((ms) => {
          if (!on) return;
          for (const m of ms) {
            const k = part(m.target);
            if (m.type === 'childList') {
              for (let i = 0; i < m.addedNodes.length; i++) bump(k, 'added');
              for (let i = 0; i < m.removedNodes.length; i++) bump(k, 'removed');
            } else if (m.type === 'attributes') {
              bump(k, 'attr');
              const a = `${k} @${m.attributeName}`;
              attrs.set(a, (attrs.get(a) ?? 0) + 1);
            } else bump(k, 'text');
          }
        });
        mo.observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
        const a = window.__lvsLab;
        let n = 0;
        const tick = () => {
          a.seekTime(t0 + n * 2);
          if (n === 10) on = true;
          if (++n < want + 10) requestAnimationFrame(tick);
          else
            setTimeout(() => {
              mo.takeRecords();
              mo.disconnect();
              resolve({ counts: [...counts], attrs: [...attrs] });
            }, 50);
        };
        requestAnimationFrame(tick);
      }),
    { want: FRAMES, t0: win.t },
  );
  console.log(`~${target} in flight (${win.n}), per frame over ${FRAMES} frames:`);
  const rows = r.counts.sort(
    (x, y) =>
      y[1].added + y[1].removed + y[1].attr + y[1].text - (x[1].added + x[1].removed + x[1].attr + x[1].text),
  );
  const tot = { added: 0, removed: 0, attr: 0, text: 0 };
  for (const [k, c] of rows) {
    for (const f of Object.keys(tot)) tot[f] += c[f];
    // Parts touched less than once in 20 frames are summed in the total only.
    if ((c.added + c.removed + c.attr + c.text) / FRAMES < 0.05) continue;
    console.log(
      `  +${(c.added / FRAMES).toFixed(1).padStart(6)} -${(c.removed / FRAMES).toFixed(1).padStart(6)} attr ${(c.attr / FRAMES).toFixed(1).padStart(6)} text ${(c.text / FRAMES).toFixed(1).padStart(6)}  ${k}`,
    );
  }
  console.log(
    `  total: +${(tot.added / FRAMES).toFixed(1)} -${(tot.removed / FRAMES).toFixed(1)} attr ${(tot.attr / FRAMES).toFixed(1)} text ${(tot.text / FRAMES).toFixed(1)}`,
  );
  console.log('top attributes:');
  for (const [a, c] of r.attrs.sort((x, y) => y[1] - x[1]).slice(0, 20))
    console.log(`  ${(c / FRAMES).toFixed(1).padStart(6)}  ${a}`);
} finally {
  await close();
}
