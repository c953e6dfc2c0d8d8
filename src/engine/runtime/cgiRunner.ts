import type { Sim } from '../core/sim';
import type { Shell } from '../shell/shell';
import type { Wait } from '../shell/types';
import type { Host } from '../stack/host';

/** How often a script waiting on a condition (not a sleep) looks again, in µs. */
const POLL_US = 1000;

/**
 * Let httpd run CGI scripts as Apache's mod_cgi does: each request gets its own process (a
 * fresh shell on the host) running `bash SCRIPT`; its sleeps take virtual time while the lab
 * goes on, so a slow script holds its connection open.
 */
export function installCgi(host: Host, sim: Sim, newShell: () => Shell): void {
  // Made by another function than the one storing it (docs/architecture.md, "Closures and
  // young-generation GC").
  host.cgi = cgiOf(sim, newShell);
}

function cgiOf(sim: Sim, newShell: () => Shell): NonNullable<Host['cgi']> {
  return (script, done) => {
    let out = '';
    const gen = newShell().run(`bash ${script}`, { out: (s) => (out += s) });
    const drive = (): void => {
      for (let i = 0; i < 100_000; i++) {
        const r = gen.next();
        if (r.done) {
          done(out);
          return;
        }
        const w: Wait = r.value;
        if (w.kind === 'sleep') {
          sim.after(w.us, 'cgi', drive);
          return;
        }
        if (!w.done()) {
          const deadline = w.deadlineUs;
          const poll = (): void => {
            if (w.done() || (deadline !== undefined && sim.now >= deadline)) drive();
            else sim.after(POLL_US, 'cgi-poll', poll);
          };
          sim.after(POLL_US, 'cgi-poll', poll);
          return;
        }
      }
      done(out);
    };
    drive();
  };
}
