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
  return new Map<string, CommandImpl>([
    ['ip', ipCommand(host, net)],
    ['ifconfig', ifconfigCommand(host, net)],
    ['route', routeCommand(host, net)],
    ['arp', arpCommand(host, net)],
    ['sysctl', sysctlCommand(host, net)],
    ['modprobe', modprobeCommand(host, net)],
    ['lsmod', lsmodCommand(host, net)],
    ['curl', curlCommand(host, net)],
    ['ab', abCommand(host, net)],
    ['ping', pingCommand(host, net)],
    ['nc', ncCommand(host, net)],
    ['ncat', ncCommand(host, net)],
    ['ss', ssCommand(host, net)],
    ['tcpdump', tcpdumpCommand(host, net)],
    ['systemctl', systemctlCommand(host, net)],
    ['service', serviceCommand(host, net)],
    ['journalctl', journalctlCommand(host, net)],
    ['genhash', genhashCommand(host, net)],
    ['yum', yumCommand(host, net)],
    ['dnf', yumCommand(host, net)],
    ['hostname', hostnameCommand(host, net)],
    ['uname', unameCommand(host, net)],
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
