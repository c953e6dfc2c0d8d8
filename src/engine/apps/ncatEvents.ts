/** ncat finished (its exit status), as curl's exit event. */
export interface NcatExitEvent {
  kind: 'app';
  host: string;
  app: 'ncat';
  event: 'exit';
  exit: number;
}

/** A UDP datagram reached a listening ncat. */
export interface NcatUdpEvent {
  kind: 'app';
  host: string;
  app: 'ncat';
  event: 'udp';
  from: string;
  bytes: number;
}
