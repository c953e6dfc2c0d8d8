/**
 * The programs of one simulated host: every network tool bound to its host and network, plus
 * ipvsadm (tools/ipvsadm). The shell looks commands up here before coreutils.
 */
import type { Host } from '../../stack/host';
import type { Network } from '../../stack/network';
import type { CommandImpl } from '../types';
import { abCommand } from './ab/ab';
import { curlCommand } from './curl/curl';
import { ipCommand } from './ip/ip';
import { iptablesCommand, iptablesRestoreCommand, iptablesSaveCommand } from './iptables/iptables';
import { ipvsadmCommand, ipvsadmRestoreCommand, ipvsadmSaveCommand } from './ipvsadm/ipvsadm';
import { hostnameCommand, unameCommand } from './misc';
import { journalctlCommand } from './journalctl';
import { genhashCommand } from './genhash';
import { lsmodCommand, modprobeCommand } from './modprobe';
import { arpCommand } from './nettools/arp';
import { ifconfigCommand } from './nettools/ifconfig';
import { routeCommand } from './nettools/route';
import { ncCommand } from './nc/nc';
import { pingCommand } from './ping/ping';
import { ssCommand } from './ss';
import { sysctlCommand } from './sysctl';
import { serviceCommand, systemctlCommand } from './systemctl';
import { tcpdumpCommand } from './tcpdump/tcpdump';
import { yumCommand } from './yum';

type Factory = (host: Host, net: Network) => CommandImpl;

/** The network tools (everything but IPVS's and iptables' programs), by name. */
const NETWORK: readonly (readonly [string, Factory])[] = [
  ['ip', ipCommand],
  ['ifconfig', ifconfigCommand],
  ['route', routeCommand],
  ['arp', arpCommand],
  ['sysctl', sysctlCommand],
  ['modprobe', modprobeCommand],
  ['lsmod', lsmodCommand],
  ['curl', curlCommand],
  ['ab', abCommand],
  ['ping', pingCommand],
  ['nc', ncCommand],
  ['ncat', ncCommand],
  ['ss', ssCommand],
  ['tcpdump', tcpdumpCommand],
  ['systemctl', systemctlCommand],
  ['service', serviceCommand],
  ['journalctl', journalctlCommand],
  ['genhash', genhashCommand],
  ['yum', yumCommand],
  ['dnf', yumCommand],
  ['hostname', hostnameCommand],
  ['uname', unameCommand],
];

/** Every program of a lab host, by name: shared by all hosts and starts (it binds nothing). */
const ALL = new Map<string, Factory>([
  ...NETWORK,
  ['ipvsadm', ipvsadmCommand],
  ['ipvsadm-save', ipvsadmSaveCommand],
  ['ipvsadm-restore', ipvsadmRestoreCommand],
  ['iptables', iptablesCommand],
  ['iptables-save', iptablesSaveCommand],
  ['iptables-restore', iptablesRestoreCommand],
]);

/**
 * One host's programs, each bound to the host when first looked up: a lab start looks up a few of
 * the 28 on each host, and binding them all (closures and a map per host) was ~5% of what an ha
 * start allocated. A program bound later is the same function of the same host, so when it is
 * bound changes nothing it does. Tests add and remove programs (TestLab.withProgram).
 */
export class HostCommands {
  /** Programs bound or added so far; null: removed. */
  private readonly bound = new Map<string, CommandImpl | null>();

  constructor(
    private readonly host: Host,
    private readonly net: Network,
  ) {}

  get(name: string): CommandImpl | undefined {
    const b = this.bound.get(name);
    if (b !== undefined) return b ?? undefined;
    const make = ALL.get(name);
    if (make === undefined) return undefined;
    const impl = make(this.host, this.net);
    this.bound.set(name, impl);
    return impl;
  }

  has(name: string): boolean {
    const b = this.bound.get(name);
    return b !== undefined ? b !== null : ALL.has(name);
  }

  set(name: string, impl: CommandImpl): this {
    this.bound.set(name, impl);
    return this;
  }

  delete(name: string): boolean {
    const had = this.has(name);
    this.bound.set(name, null);
    return had;
  }
}

export function hostCommands(host: Host, net: Network): HostCommands {
  return new HostCommands(host, net);
}
