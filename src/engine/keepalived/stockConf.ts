/**
 * Files the CentOS 7 keepalived-1.3.5 package installs: the sample /etc/keepalived/keepalived.conf
 * (with `vrrp_strict`, the classic trap) and /etc/sysconfig/keepalived, whose `-D` turns on the
 * detailed log lines.
 */
export const KEEPALIVED_CONF = '/etc/keepalived/keepalived.conf';
export const KEEPALIVED_SYSCONFIG = '/etc/sysconfig/keepalived';

const rs = (ip: string, port: number, kind: 'SSL_GET' | 'HTTP_GET', urls: [string, string][]): string =>
  [
    `    real_server ${ip} ${port} {`,
    '        weight 1',
    `        ${kind} {`,
    ...urls.flatMap(([path, digest]) => [
      kind === 'SSL_GET' ? '            url {' : '            url { ',
      `              path ${path}`,
      `              digest ${digest}`,
      '            }',
    ]),
    '            connect_timeout 3',
    '            nb_get_retry 3',
    '            delay_before_retry 3',
    '        }',
    '    }',
  ].join('\n');

const D = '640205b7b0fc66c1ea91c463fac6334d';
const C = '640205b7b0fc66c1ea91c463fac6334c';
const three = (d: string): [string, string][] => [
  ['/testurl/test.jsp', d],
  ['/testurl2/test.jsp', d],
  ['/testurl3/test.jsp', d],
];

/** The package's sample configuration, as `yum install keepalived` leaves it. */
export const STOCK_KEEPALIVED_CONF = `! Configuration File for keepalived

global_defs {
   notification_email {
     acassen@firewall.loc
     failover@firewall.loc
     sysadmin@firewall.loc
   }
   notification_email_from Alexandre.Cassen@firewall.loc
   smtp_server 192.168.200.1
   smtp_connect_timeout 30
   router_id LVS_DEVEL
   vrrp_skip_check_adv_addr
   vrrp_strict
   vrrp_garp_interval 0
   vrrp_gna_interval 0
}

vrrp_instance VI_1 {
    state MASTER
    interface eth0
    virtual_router_id 51
    priority 100
    advert_int 1
    authentication {
        auth_type PASS
        auth_pass 1111
    }
    virtual_ipaddress {
        192.168.200.16
        192.168.200.17
        192.168.200.18
    }
}

virtual_server 192.168.200.100 443 {
    delay_loop 6
    lb_algo rr
    lb_kind NAT
    persistence_timeout 50
    protocol TCP

${rs('192.168.201.100', 443, 'SSL_GET', [
  ['/', 'ff20ad2481f97b1754ef3e12ecd3a9cc'],
  ['/mrtg/', '9b3a0c85a887a256d6939da88aabd8cd'],
])}
}

virtual_server 10.10.10.2 1358 {
    delay_loop 6
    lb_algo rr 
    lb_kind NAT
    persistence_timeout 50
    protocol TCP

    sorry_server 192.168.200.200 1358

${rs('192.168.200.2', 1358, 'HTTP_GET', three(D))}

${rs('192.168.200.3', 1358, 'HTTP_GET', three(C).slice(0, 2))}
}

virtual_server 10.10.10.3 1358 {
    delay_loop 3
    lb_algo rr 
    lb_kind NAT
    persistence_timeout 50
    protocol TCP

${rs('192.168.200.4', 1358, 'HTTP_GET', three(D))}

${rs('192.168.200.5', 1358, 'HTTP_GET', three(D))}
}
`;

export const STOCK_SYSCONFIG = `# Options for keepalived. See \`keepalived --help' output and keepalived(8) and
# keepalived.conf(5) man pages for a list of all options. Here are the most
# common ones :
#
# --vrrp               -P    Only run with VRRP subsystem.
# --check              -C    Only run with Health-checker subsystem.
# --dont-release-vrrp  -V    Dont remove VRRP VIPs & VROUTEs on daemon stop.
# --dont-release-ipvs  -I    Dont remove IPVS topology on daemon stop.
# --dump-conf          -d    Dump the configuration data.
# --log-detail         -D    Detailed log messages.
# --log-facility       -S    0-7 Set local syslog facility (default=LOG_DAEMON)
#

KEEPALIVED_OPTIONS="-D"
`;

/** Mark keepalived installed on a host and lay down its package files. */
export function installKeepalived(files: Map<string, string>, modules: Set<string>): void {
  modules.add('keepalived');
  files.set(KEEPALIVED_CONF, STOCK_KEEPALIVED_CONF);
  files.set(KEEPALIVED_SYSCONFIG, STOCK_SYSCONFIG);
}
