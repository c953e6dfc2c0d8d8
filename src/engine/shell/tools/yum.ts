/**
 * yum (3.4.3, CentOS 7.6): install and remove print the usual transcript; nothing is fetched,
 * the package simply counts as installed (httpd also gets /var/www and its service unit).
 */
import type { Host } from '../../stack/host';
import type { Network } from '../../stack/network';
import { simple } from '../types';
import type { CommandContext, CommandImpl } from '../types';
import { left } from './common/text';
import { guarded, ToolExit } from './common/toolExit';
import { httpdUnit, stopUnit } from './httpdService';
import { installKeepalived } from '../../keepalived/stockConf';
import { keepalivedOf } from '../../keepalived/daemon';

interface Pkg {
  version: string;
  arch: string;
  repo: string;
  size: string;
  installedSize: string;
}

const CATALOG: ReadonlyMap<string, Pkg> = new Map([
  [
    'httpd',
    { version: '2.4.6-88.el7.centos', arch: 'x86_64', repo: 'base', size: '2.7 M', installedSize: '9.4 M' },
  ],
  // The lab's ipvsadm is 1.31 (docs/linux-behaviour.md, deviations); CentOS 7.6's own package is 1.27. The version shown matches the tool the student runs.
  ['ipvsadm', { version: '1.31-1.el7', arch: 'x86_64', repo: 'base', size: '45 k', installedSize: '75 k' }],
  [
    'tcpdump',
    { version: '14:4.9.2-3.el7', arch: 'x86_64', repo: 'base', size: '421 k', installedSize: '1.0 M' },
  ],
  [
    'net-tools',
    {
      version: '2.0-0.24.20131004git.el7',
      arch: 'x86_64',
      repo: 'base',
      size: '306 k',
      installedSize: '917 k',
    },
  ],
  ['curl', { version: '7.29.0-51.el7', arch: 'x86_64', repo: 'base', size: '269 k', installedSize: '531 k' }],
  [
    'iproute',
    { version: '4.11.0-14.el7', arch: 'x86_64', repo: 'base', size: '803 k', installedSize: '2.2 M' },
  ],
  [
    'iputils',
    { version: '20160308-10.el7', arch: 'x86_64', repo: 'base', size: '148 k', installedSize: '343 k' },
  ],
  [
    'procps-ng',
    { version: '3.3.10-23.el7', arch: 'x86_64', repo: 'base', size: '291 k', installedSize: '759 k' },
  ],
  [
    'keepalived',
    { version: '1.3.5-6.el7', arch: 'x86_64', repo: 'base', size: '329 k', installedSize: '1.0 M' },
  ],
  [
    'telnet',
    { version: '1:0.17-64.el7', arch: 'x86_64', repo: 'base', size: '64 k', installedSize: '113 k' },
  ],
  ['wget', { version: '1.14-18.el7', arch: 'x86_64', repo: 'base', size: '547 k', installedSize: '2.0 M' }],
  [
    'vim-enhanced',
    { version: '2:7.4.160-5.el7', arch: 'x86_64', repo: 'base', size: '1.0 M', installedSize: '2.2 M' },
  ],
  ['lsof', { version: '4.87-6.el7', arch: 'x86_64', repo: 'base', size: '331 k', installedSize: '927 k' }],
  [
    'psmisc',
    { version: '22.20-15.el7', arch: 'x86_64', repo: 'base', size: '141 k', installedSize: '475 k' },
  ],
]);

const BASE_INSTALLED = ['net-tools', 'curl', 'iproute', 'iputils', 'procps-ng', 'tcpdump', 'ipvsadm'];

function installedSet(host: Host): Set<string> {
  const s = (host.packages ??= new Set(BASE_INSTALLED));
  // The lab marks httpd in host.modules; keep both views in step.
  for (const pkg of ['httpd', 'keepalived']) {
    if (host.modules.has(pkg)) s.add(pkg);
    else s.delete(pkg);
  }
  return s;
}

const HEADER = [
  'Loaded plugins: fastestmirror',
  'Loading mirror speeds from cached hostfile',
  ' * base: mirrors.aliyun.com',
  ' * extras: mirrors.aliyun.com',
  ' * updates: mirrors.aliyun.com',
];
const RULE = '='.repeat(80);

function nevra(name: string, p: Pkg): string {
  const v = p.version.includes(':') ? p.version.slice(p.version.indexOf(':') + 1) : p.version;
  return `${name}-${v}.${p.arch}`;
}

function epochVersion(p: Pkg): string {
  return p.version.includes(':') ? p.version : `0:${p.version}`;
}

function transaction(names: string[], remove: boolean): string[] {
  const pkgs = names
    .map((n) => [n, CATALOG.get(n)] as const)
    .filter((x): x is readonly [string, Pkg] => x[1] !== undefined);
  const verb = remove ? 'erased' : 'installed';
  const out = ['Resolving Dependencies', '--> Running transaction check'];
  for (const [n, p] of pkgs) out.push(`---> Package ${n}.${p.arch} ${epochVersion(p)} will be ${verb}`);
  out.push('--> Finished Dependency Resolution', '', 'Dependencies Resolved', '', RULE);
  out.push(
    ` ${left('Package', 16)} ${left('Arch', 14)} ${left('Version', 28)} ${left('Repository', 13)} Size`,
    RULE,
  );
  out.push(remove ? 'Removing:' : 'Installing:');
  for (const [n, p] of pkgs)
    out.push(
      ` ${left(n, 16)} ${left(p.arch, 14)} ${left(p.version, 28)} ${left(remove ? '@base' : p.repo, 13)} ${remove ? p.installedSize : p.size}`,
    );
  out.push(
    '',
    'Transaction Summary',
    RULE,
    `${remove ? 'Remove ' : 'Install'}  ${pkgs.length} Package${pkgs.length === 1 ? '' : 's'}`,
    '',
  );
  return out;
}

function finish(names: string[], remove: boolean): string[] {
  const pkgs = names
    .map((n) => [n, CATALOG.get(n)] as const)
    .filter((x): x is readonly [string, Pkg] => x[1] !== undefined);
  const out: string[] = [];
  if (!remove) {
    out.push('Downloading packages:');
    for (const [n, p] of pkgs)
      out.push(`${left(`${nevra(n, p)}.rpm`, 59)}| ${p.size.replace(' ', ' ')}B   00:00     `);
  }
  out.push(
    'Running transaction check',
    'Running transaction test',
    'Transaction test succeeded',
    'Running transaction',
  );
  const total = pkgs.length;
  pkgs.forEach(([n, p], i) =>
    out.push(`  ${remove ? 'Erasing    ' : 'Installing '}: ${left(nevra(n, p), 58)}${i + 1}/${total} `),
  );
  pkgs.forEach(([n, p], i) => out.push(`  Verifying  : ${left(nevra(n, p), 58)}${i + 1}/${total} `));
  out.push('', remove ? 'Removed:' : 'Installed:');
  out.push(`  ${pkgs.map(([n, p]) => `${n}.${p.arch} ${epochVersion(p)}`).join('  ')}`, '', 'Complete!');
  return out;
}

function run(ctx: CommandContext, host: Host): number {
  const args = ctx.argv.slice(1);
  const yes = args.some((a) => a === '-y' || a === '--assumeyes');
  const words = args.filter((a) => !a.startsWith('-'));
  const cmd = words[0];
  if (cmd === undefined) throw new ToolExit(1, 'You need to give some command\n');
  if (!['install', 'remove', 'erase'].includes(cmd))
    throw new ToolExit(1, `yum: only "install" and "remove" are simulated in this lab\n`);
  const remove = cmd !== 'install';
  const names = words.slice(1);
  if (names.length === 0)
    throw new ToolExit(1, `${HEADER[0] ?? ''}\nError: Need to pass a list of pkgs to ${cmd}\n`);
  const have = installedSet(host);
  const out = [...HEADER];
  const todo: string[] = [];
  for (const n of names) {
    const p = CATALOG.get(n);
    if (!p) out.push(remove ? `No Match for argument: ${n}` : `No package ${n} available.`);
    else if (!remove && have.has(n)) out.push(`Package ${nevra(n, p)} already installed and latest version`);
    else if (remove && !have.has(n)) out.push(`No Match for argument: ${n}`);
    else todo.push(n);
  }
  if (todo.length === 0) {
    ctx.out(out.join('\n') + '\n');
    const anyUnknown = names.some((n) => !CATALOG.has(n));
    if (anyUnknown) ctx.err('Error: Nothing to do\n');
    else ctx.out('Nothing to do\n');
    return anyUnknown ? 1 : 0;
  }
  out.push(...transaction(todo, remove));
  if (!yes) {
    ctx.out(out.join('\n') + '\nIs this ok [y/d/N]: ');
    if (!/^y/i.test(ctx.stdin.trim())) {
      ctx.out(
        'Exiting on user command\nYour transaction was saved, rerun it with:\n yum load-transaction /tmp/yum_save_tx.2019-08-05.08-00.yum.yumtx\n',
      );
      return 1;
    }
    out.length = 0;
  }
  out.push(...finish(todo, remove));
  for (const n of todo) {
    if (remove) have.delete(n);
    else have.add(n);
    if (n === 'keepalived') {
      if (remove) keepalivedOf(host).stop();
      if (remove) host.modules.delete('keepalived');
      else installKeepalived(host.files, host.modules);
    }
    if (n === 'httpd') {
      if (remove) stopUnit(host);
      if (remove) host.modules.delete('httpd');
      else host.modules.add('httpd');
      httpdUnit(host);
    }
  }
  ctx.out(out.join('\n') + '\n');
  return 0;
}

export function yumCommand(host: Host, _net: Network): CommandImpl {
  return simple((ctx) => guarded(ctx, () => run(ctx, host)));
}
