/**
 * Name lookups as glibc does them for ipvsadm on CentOS 7 (nsswitch `hosts: files dns myhostname`):
 * /etc/hosts first; DNS answers nothing in the labs; then nss-myhostname, which knows the host's
 * own name and its configured (non-loopback) addresses. Anything else stays numeric. Services come
 * from /etc/services or, when the host has none, the CentOS 7 entries below.
 */
import { inetPton4 } from './inet';

export type NetProto = 'tcp' | 'udp' | 'sctp';

export interface Resolver {
  hostByName(name: string): number | undefined;
  hostByAddr(addr: number): string | undefined;
  serviceByName(name: string, proto: NetProto): number | undefined;
  serviceByPort(port: number, proto: NetProto): string | undefined;
}

/** `name port[,proto...] aliases`: the CentOS 7 (setup package) lines the labs are likely to meet. */
const BUILTIN = `
tcpmux 1 tcp,udp
echo 7 tcp,udp
discard 9 tcp,udp sink null
daytime 13 tcp,udp
chargen 19 tcp,udp ttytst source
ftp-data 20 tcp,udp,sctp
ftp 21 tcp,udp,sctp
ssh 22 tcp,udp,sctp
telnet 23 tcp,udp
smtp 25 tcp,udp mail
time 37 tcp,udp timserver
nicname 43 tcp,udp whois
tacacs 49 tcp,udp
domain 53 tcp,udp
bootps 67 tcp,udp
bootpc 68 tcp,udp
tftp 69 tcp,udp
gopher 70 tcp,udp
finger 79 tcp,udp
http 80 tcp,udp,sctp www www-http
hosts2-ns 81 tcp,udp
kerberos 88 tcp,udp kerberos5 krb5
pop3 110 tcp,udp pop-3
sunrpc 111 tcp,udp portmapper rpcbind
auth 113 tcp authentication tap ident
nntp 119 tcp,udp readnews untp
ntp 123 tcp,udp
netbios-ns 137 tcp,udp
netbios-dgm 138 tcp,udp
netbios-ssn 139 tcp,udp
imap 143 tcp,udp imap2
snmp 161 tcp,udp
snmptrap 162 tcp,udp
bgp 179 tcp,udp,sctp
irc 194 tcp,udp
ldap 389 tcp,udp
https 443 tcp,udp,sctp
microsoft-ds 445 tcp,udp
kpasswd 464 tcp,udp
shell 514 tcp cmd
syslog 514 udp
printer 515 tcp,udp spooler
submission 587 tcp,udp msa
ldaps 636 tcp,udp
rsync 873 tcp,udp
accessbuilder 888 tcp,udp
ftps-data 989 tcp,udp
ftps 990 tcp,udp
telnets 992 tcp,udp
imaps 993 tcp,udp
pop3s 995 tcp,udp
socks 1080 tcp,udp
openvpn 1194 tcp,udp
ms-sql-s 1433 tcp,udp
ms-sql-m 1434 tcp,udp
radius 1812 tcp,udp
nfs 2049 tcp,udp,sctp nfsd
mysql 3306 tcp,udp
ms-wbt-server 3389 tcp,udp
sip 5060 tcp,udp,sctp
sip-tls 5061 tcp,udp,sctp
postgres 5432 tcp,udp postgresql
x11 6000 tcp,udp x11-0
ircd 6667 tcp,udp
http-alt 8008 tcp,udp
webcache 8080 tcp,udp http-alt
tproxy 8081 tcp,udp
`;

interface ServEntry {
  names: string[];
  port: number;
  proto: string;
}

function parseBuiltin(): ServEntry[] {
  const out: ServEntry[] = [];
  for (const line of BUILTIN.trim().split('\n')) {
    const [name, port, protos, ...aliases] = line.split(' ');
    for (const proto of protos!.split(','))
      out.push({ names: [name!, ...aliases], port: Number(port), proto });
  }
  return out;
}

/**
 * Parsed once per text: every ipvsadm run builds a resolver, and lab setup runs dozens. The entries
 * are read, never changed, so one copy can serve every run (a memo of values, not host state).
 */
function memo<T>(parse: (text: string) => T): (text: string) => T {
  let lastText: string | undefined;
  let last: T;
  return (text) => {
    if (text !== lastText) {
      last = parse(text);
      lastText = text;
    }
    return last;
  };
}

let builtin: readonly ServEntry[] | undefined;
const builtinServices = (): readonly ServEntry[] => (builtin ??= parseBuiltin());

/** /etc/services: `name port/proto [aliases...] [# comment]`. */
function parseServices(text: string): ServEntry[] {
  const out: ServEntry[] = [];
  for (const raw of text.split('\n')) {
    const [name, pp, ...aliases] = raw.replace(/#.*/, '').trim().split(/\s+/);
    const m = pp === undefined ? null : /^(\d+)\/(\w+)$/.exec(pp);
    if (name && m) out.push({ names: [name, ...aliases], port: Number(m[1]), proto: m[2]! });
  }
  return out;
}

/** /etc/hosts IPv4 lines: address, canonical name, aliases. */
function parseHosts(text: string): { addr: number; names: string[] }[] {
  const out: { addr: number; names: string[] }[] = [];
  for (const raw of text.split('\n')) {
    const [ip, ...names] = raw.replace(/#.*/, '').trim().split(/\s+/);
    const addr = ip === undefined ? undefined : inetPton4(ip);
    if (addr !== undefined && names.length > 0 && names[0] !== '') out.push({ addr, names });
  }
  return out;
}

/** What nss-myhostname answers from: the host name and its addresses, global scope first. */
export interface LocalNames {
  hostname: string;
  addrs: readonly number[];
}

function myhostnameByName(name: string, local: LocalNames): number | undefined {
  const n = name.toLowerCase();
  if (n === 'localhost' || n.endsWith('.localhost')) return 0x7f000001;
  if (n !== local.hostname.toLowerCase()) return undefined;
  // With no address configured the host name still resolves, to 127.0.0.2.
  return local.addrs[0] ?? 0x7f000002;
}

function myhostnameByAddr(addr: number, local: LocalNames): string | undefined {
  return addr === 0x7f000002 || local.addrs.includes(addr) ? local.hostname : undefined;
}

const hostsOf = memo(parseHosts);
const servicesOf = memo(parseServices);

export function makeResolver(read: (path: string) => string | undefined, local: LocalNames): Resolver {
  const hostsText = read('/etc/hosts');
  const hosts = hostsText === undefined ? [] : hostsOf(hostsText);
  const servicesText = read('/etc/services');
  const services = servicesText === undefined ? builtinServices() : servicesOf(servicesText);
  return {
    hostByName: (name) =>
      hosts.find((h) => h.names.some((n) => n.toLowerCase() === name.toLowerCase()))?.addr ??
      myhostnameByName(name, local),
    hostByAddr: (addr) => hosts.find((h) => h.addr === addr)?.names[0] ?? myhostnameByAddr(addr, local),
    serviceByName: (name, proto) => services.find((s) => s.proto === proto && s.names.includes(name))?.port,
    serviceByPort: (port, proto) => services.find((s) => s.proto === proto && s.port === port)?.names[0],
  };
}
