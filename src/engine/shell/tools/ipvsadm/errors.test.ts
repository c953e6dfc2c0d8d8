/** One test per error message ipvsadm 1.31 and libipvs print, with its exit status. */
import { describe, expect, test } from 'vitest';
import { ipvsOf } from '../../../ipvs/ipvs';
import { ipvsStrerror } from './errors';
import { Director } from '../../../testing/director';

const VS = '-t 192.168.0.100:80';

/** A director with one rr service and one NAT real server. */
const director = (): Director => new Director().setup(`-A ${VS} -s rr`, `-a ${VS} -r 10.0.0.11:80 -m`);

function expectError(line: string | string[], code: number, err: string, d = director()): void {
  const before = d.ipvsadm('-Sn').out;
  expect(d.ipvsadm(line)).toEqual({ code, err: `${err}\n`, out: '' });
  expect(d.ipvsadm('-Sn').out).toBe(before);
}

describe('kernel errors (exit 255)', () => {
  test('-A of an existing service: Service already exists', () => {
    expectError(`-A ${VS}`, 255, 'Service already exists');
  });
  test('-A with an unknown scheduler: Scheduler or persistence engine not found', () => {
    expectError('-A -t 192.168.0.100:81 -s nosuch', 255, 'Scheduler or persistence engine not found');
  });
  test('-E with an unknown persistence engine: the same message', () => {
    expectError(`-E ${VS} --pe nosuch`, 255, 'Scheduler or persistence engine not found');
  });
  test('-E/-D/-Z of an unknown service: No such service', () => {
    expectError('-E -t 192.168.0.100:81', 255, 'No such service');
    expectError('-D -t 192.168.0.100:81', 255, 'No such service');
    expectError('-Z -t 192.168.0.100:81', 255, 'No such service');
  });
  test('-a/-e/-d on an unknown service: Service not defined', () => {
    expectError('-a -t 192.168.0.100:81 -r 10.0.0.11', 255, 'Service not defined');
    expectError('-e -t 192.168.0.100:81 -r 10.0.0.11', 255, 'Service not defined');
    expectError('-d -t 192.168.0.100:81 -r 10.0.0.11', 255, 'Service not defined');
  });
  test('-a of an existing dest: Destination already exists', () => {
    expectError(`-a ${VS} -r 10.0.0.11:80 -m`, 255, 'Destination already exists');
  });
  test('-e/-d of an unknown dest: No such destination', () => {
    expectError(`-e ${VS} -r 10.0.0.12 -m`, 255, 'No such destination');
    expectError(`-d ${VS} -r 10.0.0.12`, 255, 'No such destination');
  });
  test('-d names the dest by exactly the port typed (no DR port rewrite on delete)', () => {
    const d = director().setup(`-a ${VS} -r 10.0.0.13:8080 -g`);
    expectError(`-d ${VS} -r 10.0.0.13:8080`, 255, 'No such destination', d);
    expect(d.ipvsadm(`-d ${VS} -r 10.0.0.13:80`).code).toBe(0);
  });
  test('-y above -x: Numerical result out of range (strerror), even with -x 0', () => {
    expectError(`-a ${VS} -r 10.0.0.12 -m -x 5 -y 6`, 255, 'Numerical result out of range');
    expectError(`-e ${VS} -r 10.0.0.11 -m -y 1`, 255, 'Numerical result out of range');
  });
  test('a real server that is not unicast: Invalid operation', () => {
    const msg = 'Invalid operation.  Possibly wrong module version, address not unicast, ...';
    expectError(`-a ${VS} -r 192.168.0.255 -m`, 255, msg);
    expectError(`-a ${VS} -r 224.0.0.1 -m`, 255, msg);
  });
  test('--start-daemon when running: Daemon has already run', () => {
    const d = director().setup('--start-daemon master');
    expectError('--start-daemon master --syncid 3', 255, 'Daemon has already run', d);
  });
  test('--stop-daemon when none runs: No daemon is running', () => {
    expectError('--stop-daemon backup', 255, 'No daemon is running');
  });
  test('other errors are libc strerror text: an unknown mcast interface is ENODEV', () => {
    expectError('--start-daemon master --mcast-interface eth9', 255, 'No such device');
  });
  test('IPv6 services: the lab kernel has no IPv6 IPVS (EAFNOSUPPORT)', () => {
    expectError('-A -t [2001:db8::1]:80', 255, 'Operation not supported with specified address family');
    expectError('-A -f 7 -6', 255, 'Operation not supported with specified address family');
  });
  test('messages no lab can provoke: not root, out of memory', () => {
    expect(ipvsStrerror('add_service', 'EPERM')).toBe('Permission denied (you must be root)');
    expect(ipvsStrerror('add_dest', 'ENOMEM')).toBe('Memory allocation problem');
  });
  test("Can't initialize ipvs cannot happen: ipvsadm loads ip_vs the way its modprobe does", () => {
    const d = new Director();
    expect(d.host.modules.has('ip_vs')).toBe(false);
    d.ipvsadm('-h');
    expect(d.host.modules.has('ip_vs')).toBe(true);
    expect(ipvsOf(d.host).services).toEqual([]);
  });
});

describe('list errors (exit 1)', () => {
  test('-L -t of an unknown service: No such service, exit 1', () => {
    expectError('-L -t 192.168.0.100:81', 1, 'No such service');
  });
});

describe("ipvsadm's own checks (exit 2)", () => {
  test("You need to supply the '<opt>' option for the '<cmd>' command", () => {
    expectError('-A', 2, "You need to supply the 'service-address' option for the 'add-service' command");
    expectError(`-a ${VS}`, 2, "You need to supply the 'real-server' option for the 'add-server' command");
  });
  test("Illegal '<opt>' option with the '<cmd>' command: the first in option order", () => {
    expectError(`-A ${VS} -w 3 -n`, 2, "Illegal 'numeric' option with the 'add-service' command");
    expectError('-C -r 10.0.0.1 -s rr', 2, "Illegal 'scheduler' option with the 'flush' command");
  });
  test("The option '<opt>' conflicts with the '<opt2>' option in the '<cmd>' command", () => {
    expectError(
      `-L ${VS} -c`,
      2,
      "The option 'service-address' conflicts with the 'connection' option in the 'list' command",
    );
    expectError(
      '-L --daemon --timeout',
      2,
      "The option 'daemon' conflicts with the 'timeout' option in the 'list' command",
    );
  });
  test('multiple commands specified is unreachable in 1.31: a second command is an invalid option', () => {
    expectError(`-A ${VS} -D`, 2, "invalid option `-D'");
    expectError('-LA', 2, "invalid option `-LA'");
    expectError('-L --start-daemon master', 2, "invalid option `master'");
  });
  test("multiple '<opt>' options specified", () => {
    expectError(`-A ${VS} -s rr -s wrr`, 2, "multiple 'scheduler' options specified");
    expectError(`-a ${VS} -r 10.0.0.12 -m -g`, 2, "multiple 'forwarding-method' options specified");
  });
  test('illegal virtual server address[:port] specified', () => {
    expectError('-A -t 80', 2, 'illegal virtual server address[:port] specified');
    expectError('-A -t 192.168.0.100:http-x', 2, 'illegal virtual server address[:port] specified');
    expectError('-A -t 192.168.0.100:65536', 2, 'illegal virtual server address[:port] specified');
  });
  test('illegal real server address[:port] specified', () => {
    expectError(`-a ${VS} -r 10.0.0.300`, 2, 'illegal real server address[:port] specified');
  });
  test('illegal weight specified', () => {
    expectError(`-a ${VS} -r 10.0.0.12 -w 65536`, 2, 'illegal weight specified');
    expectError(`-a ${VS} -r 10.0.0.12 -w -1`, 2, 'illegal weight specified');
  });
  test('illegal u_threshold specified', () => {
    expectError(`-a ${VS} -r 10.0.0.12 -x 2147483648`, 2, 'illegal u_threshold specified');
  });
  test('illegal l_threshold specified', () => {
    expectError(`-a ${VS} -r 10.0.0.12 -y ten`, 2, 'illegal l_threshold specified');
  });
  test('invalid timeout value `X` specified', () => {
    expectError(`-A -t 192.168.0.100:81 -p 0`, 2, "invalid timeout value `0' specified");
    expectError('--set 900 120 2678401', 2, "invalid timeout value `2678401' specified");
  });
  test('invalid fwmark value `X` specified', () => {
    expectError('-A -f 0', 2, "invalid fwmark value `0' specified");
    expectError('-A -f 4294967296', 2, "invalid fwmark value `4294967296' specified");
  });
  test('illegal virtual server persistent mask specified', () => {
    expectError(
      '-A -t 192.168.0.100:81 -p -M 255.255.255.256',
      2,
      'illegal virtual server persistent mask specified',
    );
  });
  test('illegal ipv6 netmask specified', () => {
    expectError('-A -f 7 -6 -p -M 129', 2, 'illegal ipv6 netmask specified');
  });
  test('Zero port specified for non-persistent service', () => {
    expectError('-A -t 192.168.0.100', 2, 'Zero port specified for non-persistent service');
  });
  test('One-Packet Scheduling is only for UDP virtual services', () => {
    expectError('-A -t 192.168.0.100:81 -o', 2, 'One-Packet Scheduling is only for UDP virtual services');
  });
  test('--set option requires 3 timeout values', () => {
    expectError('--set 900 120', 2, '--set option requires 3 timeout values');
  });
  test('unexpected argument X', () => {
    expectError('-L -n extra', 2, 'unexpected argument extra');
    expectError('--set 1 2 3 4', 2, 'unexpected argument 4');
  });
  test('options conflicts in the list command', () => {
    expectError('-L -c --stats', 2, 'options conflicts in the list command');
    expectError('-L --timeout --persistent-conn', 2, 'options conflicts in the list command');
  });
  test('Different address family is allowed only for tunneling servers', () => {
    expectError(
      `-a ${VS} -r [2001:db8::2]:80`,
      2,
      'Different address family is allowed only for tunneling servers',
    );
  });
  test('Tunnel options conflict with forward method', () => {
    expectError(`-a ${VS} -r 10.0.0.12 -m --tun-type gue`, 2, 'Tunnel options conflict with forward method');
  });
  test('the tunnel-type table: required, illegal and conflicting tunnel options', () => {
    const r = `-a ${VS} -r 10.0.0.12 -i`;
    expectError(
      `${r} --tun-type gue`,
      2,
      "You need to supply the 'tun-port' option for the 'gue' tunnel type",
    );
    expectError(`${r} --tun-port 6080`, 2, "Illegal 'tun-port' option with the 'ipip' tunnel type");
    expectError(
      `${r} --tun-type gre --tun-csum --tun-nocsum`,
      2,
      "The option 'tun-csum' conflicts with the 'tun-nocsum' option in the 'gre' tunnel type",
    );
    expectError(`${r} --tun-type vxlan`, 2, 'illegal tunnel type specified');
    expectError(`${r} --tun-type gue --tun-port 0`, 2, 'illegal tunnel port specified');
  });
  test('invalid scheduler flag `X`', () => {
    expectError(`-E ${VS} -s sh -b sh-port,flag-4`, 2, "invalid scheduler flag `flag-4'");
  });
  test('incompatible scheduler flag `X`: sh-* need sh, mh-* need mh (default wlc)', () => {
    expectError(`-E ${VS} -b sh-port`, 2, "incompatible scheduler flag `sh-port'");
    expectError(`-E ${VS} -s sh -b mh-fallback`, 2, "incompatible scheduler flag `mh-fallback'");
  });
  test('illegal start-daemon parameter specified (and its --stop-daemon twin)', () => {
    expectError('--start-daemon primary', 2, 'illegal start-daemon parameter specified');
    expectError('--stop-daemon primary', 2, 'illegal start_daemon specified');
  });
  test('daemon option values', () => {
    expectError('--start-daemon master --syncid 256', 2, 'illegal syncid specified');
    expectError('--start-daemon master --mcast-group 10.0.0.1', 2, "invalid IPv4 mcast-group `10.0.0.1'");
    expectError('--start-daemon master --mcast-group ::1', 2, "invalid IPv6 mcast-group `::1'");
    expectError('--start-daemon master --mcast-port 0', 2, 'illegal mcast-port specified');
    expectError('--start-daemon master --mcast-ttl 256', 2, 'illegal mcast-ttl specified');
    expectError('--start-daemon master --sync-maxlen 65508', 2, 'illegal sync-maxlen specified');
  });
  test('-6 used before -f (the message carries its own newline)', () => {
    expectError('-A -6 -f 1', 2, '-6 used before -f\n');
  });
});

describe('popt and the first option (exit 255)', () => {
  test('an unknown option after the command: "<opt>: unknown option"', () => {
    expectError(`-A ${VS} --schedular rr`, 255, '--schedular: unknown option');
    expectError('-Lnq', 255, '-Lnq: unknown option');
  });
  test('a missing argument: "<opt>: missing argument"', () => {
    expectError('-A -t', 255, '-t: missing argument');
  });
  test('first option not a command: the Try hint with argv[0] as typed', () => {
    const hint = (p: string): string => `Try \`${p} -h' or '${p} --help' for more information.`;
    expectError(`${VS} -A`, 255, hint('ipvsadm'));
    expectError(['/sbin/ipvsadm', '-n', '-L'], 255, hint('/sbin/ipvsadm'));
    expectError('--bogus', 255, hint('ipvsadm'));
    expectError('stray words', 255, hint('ipvsadm'));
    expectError('--start-daemon', 255, hint('ipvsadm'));
  });
  test('-b with nothing but commas crashes ipvsadm (strtok gives strcmp a NULL)', () => {
    expectError(`-E ${VS} -b ,`, 139, 'Segmentation fault');
  });
});
