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

/** The network tools alone (everything but ipvsadm), for hosts and tests that need no IPVS. */
export function networkCommands(host: Host, net: Network): Map<string, CommandImpl> {
  const make = (f: (h: Host, n: Network) => CommandImpl): CommandImpl => f(host, net);
  return new Map<string, CommandImpl>([
    ['ip', make(ipCommand)],
    ['ifconfig', make(ifconfigCommand)],
    ['route', make(routeCommand)],
    ['arp', make(arpCommand)],
    ['sysctl', make(sysctlCommand)],
    ['modprobe', make(modprobeCommand)],
    ['lsmod', make(lsmodCommand)],
    ['curl', make(curlCommand)],
    ['ab', make(abCommand)],
    ['ping', make(pingCommand)],
    ['nc', make(ncCommand)],
    ['ncat', make(ncCommand)],
    ['ss', make(ssCommand)],
    ['tcpdump', make(tcpdumpCommand)],
    ['systemctl', make(systemctlCommand)],
    ['service', make(serviceCommand)],
    ['journalctl', make(journalctlCommand)],
    ['genhash', make(genhashCommand)],
    ['yum', make(yumCommand)],
    ['dnf', make(yumCommand)],
    ['hostname', make(hostnameCommand)],
    ['uname', make(unameCommand)],
  ]);
}

export function hostCommands(host: Host, net: Network): Map<string, CommandImpl> {
  const m = networkCommands(host, net);
  m.set('ipvsadm', ipvsadmCommand(host));
  m.set('ipvsadm-save', ipvsadmSaveCommand(host));
  m.set('ipvsadm-restore', ipvsadmRestoreCommand(host));
  m.set('iptables', iptablesCommand(host));
  m.set('iptables-save', iptablesSaveCommand(host));
  m.set('iptables-restore', iptablesRestoreCommand(host));
  return m;
}
