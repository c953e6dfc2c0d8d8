import type { SockError } from './tcpTypes';

/** glibc's strerror for the errnos a socket reports: what curl, bash's /dev/tcp and others print. */
export const SOCK_ERROR_TEXT: Readonly<Record<SockError, string>> = {
  ECONNREFUSED: 'Connection refused',
  ETIMEDOUT: 'Connection timed out',
  EHOSTUNREACH: 'No route to host',
  ENETUNREACH: 'Network is unreachable',
  ECONNRESET: 'Connection reset by peer',
  ENOPROTOOPT: 'Protocol not available',
  EADDRNOTAVAIL: 'Cannot assign requested address',
  EADDRINUSE: 'Address already in use',
};
