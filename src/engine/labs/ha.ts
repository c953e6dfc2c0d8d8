import type { LabDefinition, LabHost, LabStep } from './labTypes';
import { drClient, drRsSteps, drServer } from './dr';
import { DEFAULT_LAB_SIZE, sizedHosts, upTo } from './labSize';
import type { LabSize } from './labSize';
import { VIP_ROUTED } from './routedLab';

const director = (name: string, addr: string): LabHost => ({
  name,
  role: 'director',
  defaultVia: '192.168.99.1',
  packages: ['keepalived'],
  ifaces: [{ dev: 'eth0', addr, prefix: 24, segment: 'lan', role: 'DIP' }],
});

/** labs.md "HA lab": the keepalived.conf each director gets in the configured state. */
export function haKeepalivedConf(host: string, master: boolean, rips: readonly string[]): string {
  const realServer = (rip: string): string[] => [
    `    real_server ${rip} 80 {`,
    '        weight 1',
    '        HTTP_GET {',
    '            url {',
    '                path /',
    '                status_code 200',
    '            }',
    '            connect_timeout 3',
    '            nb_get_retry 3',
    '            delay_before_retry 3',
    '        }',
    '    }',
  ];
  return [
    '! Configuration File for keepalived',
    '',
    'global_defs {',
    `   router_id LVS_${host}`,
    '}',
    '',
    'vrrp_instance VI_1 {',
    `    state ${master ? 'MASTER' : 'BACKUP'}`,
    '    interface eth0',
    '    virtual_router_id 51',
    `    priority ${master ? 100 : 90}`,
    '    advert_int 1',
    '    authentication {',
    '        auth_type PASS',
    '        auth_pass 1111',
    '    }',
    '    virtual_ipaddress {',
    `        ${VIP_ROUTED}`,
    '    }',
    '}',
    '',
    `virtual_server ${VIP_ROUTED} 80 {`,
    '    delay_loop 6',
    '    lb_algo rr',
    '    lb_kind DR',
    '    protocol TCP',
    '',
    ...rips.flatMap(realServer),
    '}',
    '',
  ].join('\n');
}

const writeConf = (host: string, master: boolean, rips: readonly string[]): LabStep => ({
  host,
  command: `cat > /etc/keepalived/keepalived.conf <<'EOF'\n${haKeepalivedConf(host, master, rips)}EOF`,
});

/**
 * Two directors sharing the VIP with keepalived, on the DR lab's addresses (docs/linux-behaviour.md,
 * "The ha lab"); real servers and clients follow the DR lab's size rule.
 */
export function haLab(size: LabSize = DEFAULT_LAB_SIZE): LabDefinition {
  const table: LabHost[] = [
    drClient(1),
    {
      name: 'router',
      role: 'router',
      ifaces: [
        { dev: 'eth0', addr: '192.168.99.1', prefix: 24, segment: 'lan' },
        { dev: 'eth1', addr: '172.16.132.1', prefix: 24, segment: 'public' },
      ],
    },
    director('director1', '192.168.99.120'),
    director('director2', '192.168.99.121'),
    drServer(1),
    drServer(2),
  ];
  const servers = upTo(size.servers).map(drServer);
  const rips = servers.map((h) => h.ifaces[0]!.addr);
  return {
    id: 'ha',
    segments: [
      { name: 'public', subnet: '172.16.132.0/24' },
      { name: 'lan', subnet: '192.168.99.0/24' },
    ],
    hosts: sizedHosts(table, size, drServer, drClient),
    vip: VIP_ROUTED,
    vport: 80,
    rport: 80,
    configure: [
      { host: 'router', command: 'sysctl -w net.ipv4.ip_forward=1' },
      ...servers.flatMap((h) => drRsSteps(h.name)),
      writeConf('director1', true, rips),
      writeConf('director2', false, rips),
      { host: 'director1', command: 'systemctl start keepalived' },
      { host: 'director2', command: 'systemctl start keepalived' },
      // Run until director1 is MASTER with the VIP (GOTO_MASTER, then one advert_int more).
      { host: 'director1', command: 'sleep 3' },
    ],
  };
}
