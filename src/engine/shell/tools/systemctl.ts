/**
 * systemctl (systemd 219, CentOS 7.6) for the units a lab uses: httpd.service runs the
 * simulated Apache; firewalld.service exists but is stopped (the labs have no packet filter).
 * `service NAME VERB` redirects to systemctl as CentOS 7's initscripts do.
 */
import type { Host } from '../../stack/host';
import type { Network } from '../../stack/network';
import { simple } from '../types';
import type { CommandContext, CommandImpl } from '../types';
import { relativeAgo, syslogTimestamp, systemdTimestamp } from './common/clock';
import { guarded, ToolExit } from './common/toolExit';
import { httpdInstalled, httpdPids, httpdUnit, startUnit, stopUnit } from './httpdService';
import { keepalivedOf } from '../../keepalived/daemon';
import { keepalivedInstalled, keepalivedStatus } from './keepalivedUnit';

function unitName(arg: string): string {
  return /\.(service|socket|target|timer|mount)$/.test(arg) ? arg : `${arg}.service`;
}

type Known = 'httpd' | 'firewalld' | 'keepalived';

function known(host: Host, unit: string): Known | undefined {
  if (unit === 'httpd.service' && httpdInstalled(host)) return 'httpd';
  if (unit === 'keepalived.service' && keepalivedInstalled(host)) return 'keepalived';
  if (unit === 'firewalld.service') return 'firewalld';
  return undefined;
}

function status(ctx: CommandContext, host: Host, unit: string): number {
  const k = known(host, unit);
  if (!k) throw new ToolExit(4, `Unit ${unit} could not be found.\n`);
  if (k === 'firewalld') {
    ctx.out(
      '● firewalld.service - firewalld - dynamic firewall daemon\n   Loaded: loaded (/usr/lib/systemd/system/firewalld.service; disabled; vendor preset: enabled)\n   Active: inactive (dead)\n     Docs: man:firewalld(1)\n',
    );
    return 3;
  }
  if (k === 'keepalived') {
    const st = keepalivedStatus(host);
    ctx.out(st.text);
    return st.rc;
  }
  const u = httpdUnit(host);
  const now = host.sim.now;
  const lines = [
    '● httpd.service - The Apache HTTP Server',
    `   Loaded: loaded (/usr/lib/systemd/system/httpd.service; ${u.enabled ? 'enabled' : 'disabled'}; vendor preset: disabled)`,
  ];
  const since = `since ${systemdTimestamp(u.since)}; ${relativeAgo(now - u.since)}`;
  if (u.active) lines.push(`   Active: active (running) ${since}`);
  else lines.push(u.lastRun ? `   Active: inactive (dead) ${since}` : '   Active: inactive (dead)');
  lines.push('     Docs: man:httpd(8)', '           man:apachectl(8)');
  if (u.active) {
    const pids = httpdPids(host);
    lines.push(` Main PID: ${u.mainPid} (httpd)`, '   CGroup: /system.slice/httpd.service');
    pids.forEach((p, i) =>
      lines.push(`           ${i === pids.length - 1 ? '└─' : '├─'}${p} /usr/sbin/httpd -DFOREGROUND`),
    );
  } else if (u.lastRun) {
    lines.push(
      `  Process: ${u.lastRun.stopPid} ExecStop=/bin/kill -WINCH \${MAINPID} (code=exited, status=0/SUCCESS)`,
    );
    lines.push(
      `  Process: ${u.lastRun.startPid} ExecStart=/usr/sbin/httpd $OPTIONS -DFOREGROUND (code=exited, status=0/SUCCESS)`,
    );
    lines.push(` Main PID: ${u.lastRun.startPid} (code=exited, status=0/SUCCESS)`);
  }
  const journal = u.journal
    .slice(-10)
    .map((j) => `${syslogTimestamp(j.t)} ${host.name} systemd[1]: ${j.text}`);
  if (journal.length > 0) lines.push('', ...journal);
  ctx.out(lines.join('\n') + '\n');
  return u.active ? 0 : 3;
}

function act(host: Host, verb: string, unit: string): void {
  const k = known(host, unit);
  const Verb = verb === 'try-restart' || verb === 'reload-or-restart' ? 'restart' : verb;
  if (!k) {
    if (verb === 'stop') throw new ToolExit(5, `Failed to stop ${unit}: Unit ${unit} not loaded.\n`);
    throw new ToolExit(5, `Failed to ${Verb} ${unit}: Unit not found.\n`);
  }
  if (k === 'firewalld') {
    if (verb === 'stop') return;
    throw new ToolExit(1, `Failed to ${Verb} ${unit}: the lab hosts have no packet filter to run.\n`);
  }
  if (k === 'keepalived') {
    actKeepalived(host, verb);
    return;
  }
  const u = httpdUnit(host);
  if (verb === 'stop') stopUnit(host);
  else if (verb === 'reload' && !u.active) throw new ToolExit(1, 'Job for httpd.service invalid.\n');
  else if (verb === 'try-restart' && !u.active) return;
  else if (verb !== 'reload') {
    if (verb !== 'start') stopUnit(host);
    if (startUnit(host) === 'in-use')
      throw new ToolExit(
        1,
        'Job for httpd.service failed because the control process exited with error code. See "systemctl status httpd.service" and "journalctl -xe" for details.\n',
      );
  }
}

/** Type=forking: start returns once the parent forked; reload is SIGHUP; a failed reload of a stopped unit says so. */
function actKeepalived(host: Host, verb: string): void {
  const k = keepalivedOf(host);
  if (verb === 'stop') k.stop();
  else if (verb === 'reload') {
    if (!k.running) throw new ToolExit(1, 'Job for keepalived.service invalid.\n');
    k.reload();
  } else if (verb === 'try-restart' && !k.running) return;
  else {
    if (verb !== 'start') k.stop();
    k.start();
  }
}

function enable(ctx: CommandContext, host: Host, verb: string, unit: string): void {
  const k = known(host, unit);
  if (!k) throw new ToolExit(1, `Failed to execute operation: No such file or directory\n`);
  const link = `/etc/systemd/system/multi-user.target.wants/${unit}`;
  const on = verb === 'enable';
  if (k === 'httpd') {
    const u = httpdUnit(host);
    if (u.enabled === on) return;
    u.enabled = on;
  } else if (!on) return;
  ctx.err(
    on ? `Created symlink from ${link} to /usr/lib/systemd/system/${unit}.\n` : `Removed symlink ${link}.\n`,
  );
}

function query(ctx: CommandContext, host: Host, verb: string, units: string[]): number {
  let rc = 0;
  for (const unit of units) {
    const k = known(host, unit);
    const active =
      (k === 'httpd' && httpdUnit(host).active) || (k === 'keepalived' && keepalivedOf(host).running);
    if (verb === 'is-active') {
      ctx.out(`${k ? (active ? 'active' : 'inactive') : 'unknown'}\n`);
      if (!active) rc = 3;
    } else if (verb === 'is-failed') {
      ctx.out(`${k ? (active ? 'active' : 'inactive') : 'unknown'}\n`);
      rc = 1;
    } else {
      if (!k) throw new ToolExit(1, `Failed to get unit file state for ${unit}: No such file or directory\n`);
      const enabled = k === 'httpd' && httpdUnit(host).enabled;
      ctx.out(`${enabled ? 'enabled' : 'disabled'}\n`);
      if (!enabled) rc = 1;
    }
  }
  return rc;
}

const VERBS = [
  'start',
  'stop',
  'restart',
  'try-restart',
  'reload',
  'reload-or-restart',
  'status',
  'enable',
  'disable',
  'is-active',
  'is-enabled',
  'is-failed',
  'daemon-reload',
];

export function runSystemctl(ctx: CommandContext, host: Host, argv: string[]): number {
  const args = argv.filter(
    (a) => !['--no-pager', '-l', '--full', '-q', '--quiet', '--now', '--no-ask-password'].includes(a),
  );
  const bad = args.find((a) => a.startsWith('-'));
  if (bad !== undefined)
    throw new ToolExit(
      1,
      bad.startsWith('--')
        ? `systemctl: unrecognized option '${bad}'\n`
        : `systemctl: invalid option -- '${bad.slice(1, 2)}'\n`,
    );
  const verb = args[0];
  if (verb === undefined)
    throw new ToolExit(
      1,
      'systemctl: listing all units is not simulated in this lab; try "systemctl status httpd"\n',
    );
  if (!VERBS.includes(verb)) throw new ToolExit(1, `Unknown operation '${verb}'.\n`);
  if (verb === 'daemon-reload') return 0;
  const units = args.slice(1).map(unitName);
  if (units.length === 0) {
    if (verb === 'status')
      throw new ToolExit(
        1,
        'systemctl: system status is not simulated in this lab; try "systemctl status httpd"\n',
      );
    throw new ToolExit(1, `Too few arguments.\n`);
  }
  if (verb === 'status') return units.reduce((rc, u) => Math.max(rc, status(ctx, host, u)), 0);
  if (verb.startsWith('is-')) return query(ctx, host, verb, units);
  for (const u of units) {
    if (verb === 'enable' || verb === 'disable') enable(ctx, host, verb, u);
    else act(host, verb, u);
  }
  return 0;
}

export function systemctlCommand(host: Host, _net: Network): CommandImpl {
  return simple((ctx) => guarded(ctx, () => runSystemctl(ctx, host, ctx.argv.slice(1))));
}

/** `service NAME VERB`: CentOS 7's /sbin/service hands most verbs to systemctl. */
export function serviceCommand(host: Host, _net: Network): CommandImpl {
  return simple((ctx) =>
    guarded(ctx, () => {
      const [name, verb] = ctx.argv.slice(1);
      if (name === undefined || verb === undefined)
        throw new ToolExit(
          1,
          'Usage: service < option > | --status-all | [ service_name [ command | --full-restart ] ]\n',
        );
      ctx.err(`Redirecting to /bin/systemctl ${verb}  ${unitName(name)}\n`);
      return runSystemctl(ctx, host, [verb, name]);
    }),
  );
}
