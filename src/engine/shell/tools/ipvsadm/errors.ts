/**
 * How ipvsadm fails: its own checks (`fail`, exit 2), the popt "Try ..." hint (exit 255) and
 * the kernel's errno turned into text by libipvs' ipvs_strerror.
 */

/**
 * ipvsadm calling exit(): stops everything at once, including a restore in progress. The text
 * is what it printed on its way out.
 */
export class IpvsadmExit extends Error {
  constructor(
    readonly status: number,
    readonly stderr: string,
    readonly stdout = '',
  ) {
    super(`ipvsadm exit ${status}`);
  }
}

/** fail(): message and newline on stderr, then exit. */
export function fail(msg: string, status = 2): never {
  throw new IpvsadmExit(status, `${msg}\n`);
}

/** tryhelp_exit(argv[0], -1): exit status 255. */
export function tryhelp(program: string): never {
  throw new IpvsadmExit(255, `Try \`${program} -h' or '${program} --help' for more information.\n`);
}

export type Errno =
  | 'EPERM'
  | 'ENOENT'
  | 'ESRCH'
  | 'ENOMEM'
  | 'EEXIST'
  | 'ENODEV'
  | 'EINVAL'
  | 'ERANGE'
  | 'ENOPROTOOPT'
  | 'EOPNOTSUPP'
  | 'EAFNOSUPPORT'
  | 'EMSGSIZE';

/** The libipvs call that failed: ipvs_strerror words some errors per call. */
export type IpvsCall =
  | 'add_service'
  | 'update_service'
  | 'del_service'
  | 'zero_service'
  | 'add_dest'
  | 'update_dest'
  | 'del_dest'
  | 'start_daemon'
  | 'stop_daemon'
  | 'get_services'
  | 'get_dests'
  | 'get_service'
  | 'set_timeout'
  | 'flush';

const PER_CALL: readonly [IpvsCall | undefined, Errno, string][] = [
  ['add_service', 'EEXIST', 'Service already exists'],
  ['add_service', 'ENOENT', 'Scheduler or persistence engine not found'],
  ['update_service', 'ESRCH', 'No such service'],
  ['update_service', 'ENOENT', 'Scheduler or persistence engine not found'],
  ['del_service', 'ESRCH', 'No such service'],
  ['zero_service', 'ESRCH', 'No such service'],
  ['add_dest', 'ESRCH', 'Service not defined'],
  ['add_dest', 'EEXIST', 'Destination already exists'],
  ['update_dest', 'ESRCH', 'Service not defined'],
  ['update_dest', 'ENOENT', 'No such destination'],
  ['del_dest', 'ESRCH', 'Service not defined'],
  ['del_dest', 'ENOENT', 'No such destination'],
  ['start_daemon', 'EEXIST', 'Daemon has already run'],
  ['stop_daemon', 'ESRCH', 'No daemon is running'],
  ['get_services', 'ESRCH', 'No such service'],
  ['get_dests', 'ESRCH', 'No such service'],
  ['get_service', 'ESRCH', 'No such service'],
  [undefined, 'EPERM', 'Permission denied (you must be root)'],
  [undefined, 'EINVAL', 'Invalid operation.  Possibly wrong module version, address not unicast, ...'],
  [undefined, 'ENOPROTOOPT', 'Protocol not available'],
  [undefined, 'ENOMEM', 'Memory allocation problem'],
  [undefined, 'EOPNOTSUPP', 'Operation not supported with IPv6'],
  [undefined, 'EAFNOSUPPORT', 'Operation not supported with specified address family'],
  [undefined, 'EMSGSIZE', 'Module is wrong version'],
];

/** glibc strerror, for what ipvs_strerror does not word itself. */
const STRERROR: Record<Errno, string> = {
  EPERM: 'Operation not permitted',
  ENOENT: 'No such file or directory',
  ESRCH: 'No such process',
  ENOMEM: 'Cannot allocate memory',
  EEXIST: 'File exists',
  ENODEV: 'No such device',
  EINVAL: 'Invalid argument',
  ERANGE: 'Numerical result out of range',
  ENOPROTOOPT: 'Protocol not available',
  EOPNOTSUPP: 'Operation not supported',
  EAFNOSUPPORT: 'Address family not supported by protocol',
  EMSGSIZE: 'Message too long',
};

/** libipvs ipvs_strerror(errno) right after `call` failed. */
export function ipvsStrerror(call: IpvsCall, errno: Errno): string {
  const hit = PER_CALL.find(([c, e]) => (c === undefined || c === call) && e === errno);
  return hit ? hit[2] : STRERROR[errno];
}
