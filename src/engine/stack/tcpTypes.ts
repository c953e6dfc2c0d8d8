/** TCP socket states as `ss` names them (tcp_states.h order). */
export type TcpState =
  | 'CLOSED'
  | 'LISTEN'
  | 'SYN-SENT'
  | 'SYN-RECV'
  | 'ESTAB'
  | 'FIN-WAIT-1'
  | 'FIN-WAIT-2'
  | 'CLOSE-WAIT'
  | 'CLOSING'
  | 'LAST-ACK'
  | 'TIME-WAIT';

/** errno names a socket reports to its application. */
export type SockError =
  | 'ECONNREFUSED'
  | 'ETIMEDOUT'
  | 'EHOSTUNREACH'
  | 'ENETUNREACH'
  | 'ECONNRESET'
  | 'ENOPROTOOPT'
  | 'EADDRNOTAVAIL'
  | 'EADDRINUSE';

/** What an application (httpd, curl) hears from its socket. Every callback is optional. */
export interface TcpCallbacks {
  onConnect?(): void;
  onData?(data: string): void;
  /** The peer sent FIN: no more data will arrive. */
  onEof?(): void;
  onError?(err: SockError): void;
  /** The socket is gone (CLOSED or TIME-WAIT reached, or aborted). */
  onClose?(): void;
}

/** Linux-like constants for segments the labs' hosts send. */
export const TCP_MSS = 1460;
/** MSS less the 12-byte timestamp option every data segment carries. */
export const TCP_SEG_DATA = 1448;
export const TCP_SYN_WINDOW = 64240;
export const TCP_SYNACK_WINDOW = 65160;
/** 64256 >> 7 (window scale 7) */
export const TCP_WINDOW = 502;
export const TCP_WSCALE = 7;
/** CentOS 7: tcp_syn_retries 6, tcp_synack_retries 5, exponential backoff from 1 s. */
export const TCP_SYN_RETRIES = 6;
export const TCP_SYNACK_RETRIES = 5;
export const TCP_RETRIES2 = 15;
export const TCP_TIMEWAIT_LEN_S = 60;
export const TCP_RTO_MIN_MS = 200;
export const TCP_RTO_MAX_S = 120;
