/**
 * keepalived.conf as keepalived 1.3.5 holds it after parsing (the subset of keepalived.md §1).
 * Times are in seconds as written; the daemon turns them into microseconds.
 */
export interface GlobalDefs {
  routerId?: string;
  notificationEmail: string[];
  notificationEmailFrom?: string;
  smtpServer?: { ip: string; port: number };
  smtpConnectTimeout: number;
  vrrpSkipCheckAdvAddr: boolean;
  vrrpStrict: boolean;
  garpMasterDelay: number;
  garpMasterRepeat: number;
  garpMasterRefresh: number;
  garpMasterRefreshRepeat: number;
  mcastGroup4: string;
  vrrpVersion: number;
  lvsFlush: boolean;
}

export interface VipSpec {
  ip: string;
  prefix: number;
  dev?: string;
  label?: string;
  brd?: string;
  scope?: string;
}

export interface TrackItem {
  name: string;
  weight: number;
}

export interface VrrpInstanceConf {
  name: string;
  /** As written: 'MASTER' | 'BACKUP' (anything else was logged and became BACKUP). */
  initState: 'MASTER' | 'BACKUP';
  interface?: string;
  vrid: number;
  /** undefined when not given (the default depends on the state). */
  priority?: number;
  advertInt: number;
  authType: 0 | 1 | 2;
  authPass: string;
  vips: VipSpec[];
  nopreempt: boolean;
  preemptDelay: number;
  trackInterface: TrackItem[];
  trackScript: TrackItem[];
  notifyMaster?: string;
  notifyBackup?: string;
  notifyFault?: string;
  notifyStop?: string;
  notify?: string;
  garpMasterDelay?: number;
  garpMasterRepeat?: number;
  garpMasterRefresh?: number;
  /** undefined: the default (!vrrp_strict). */
  accept?: boolean;
  mcastSrcIp?: string;
  unicastPeers: string[];
}

export interface VrrpScriptConf {
  name: string;
  script?: string;
  interval: number;
  timeout: number;
  weight: number;
  fall: number;
  rise: number;
}

export interface HttpUrl {
  path?: string;
  digest?: string;
  statusCode?: number;
}

export type CheckerConf =
  | {
      kind: 'HTTP_GET' | 'SSL_GET';
      urls: HttpUrl[];
      connectTimeout?: number;
      connectIp?: string;
      connectPort?: number;
      nbGetRetry: number;
      delayBeforeRetry: number;
      warmup?: number;
    }
  | {
      kind: 'TCP_CHECK';
      connectTimeout?: number;
      connectIp?: string;
      connectPort?: number;
      retry: number;
      delayBeforeRetry: number;
      warmup?: number;
    }
  | {
      kind: 'MISC_CHECK';
      path?: string;
      timeout?: number;
      dynamic: boolean;
      warmup?: number;
    };

export interface RealServerConf {
  ip: string;
  port: number;
  weight: number;
  inhibitOnFailure: boolean;
  notifyUp?: string;
  notifyDown?: string;
  checkers: CheckerConf[];
}

export type LbKind = 'NAT' | 'DR' | 'TUN';

export interface VirtualServerConf {
  /** `[VIP]:port` or `FWM n`, as keepalived's log formats it. */
  addr?: { ip: string; port: number };
  fwmark?: number;
  delayLoop: number;
  lbAlgo: string;
  lbKind: LbKind;
  persistenceTimeout: number;
  persistenceGranularity?: string;
  protocol: 'TCP' | 'UDP' | 'SCTP' | '';
  sorryServer?: { ip: string; port: number };
  sorryServerInhibit: boolean;
  quorum: number;
  hysteresis: number;
  quorumUp?: string;
  quorumDown?: string;
  alpha: boolean;
  omega: boolean;
  haSuspend: boolean;
  virtualhost?: string;
  realServers: RealServerConf[];
}

export interface KeepalivedConfig {
  global: GlobalDefs;
  vrrpScripts: VrrpScriptConf[];
  vrrpInstances: VrrpInstanceConf[];
  virtualServers: VirtualServerConf[];
}

export function emptyGlobal(): GlobalDefs {
  return {
    notificationEmail: [],
    smtpConnectTimeout: 30,
    vrrpSkipCheckAdvAddr: false,
    vrrpStrict: false,
    garpMasterDelay: 5,
    garpMasterRepeat: 5,
    garpMasterRefresh: 0,
    garpMasterRefreshRepeat: 1,
    mcastGroup4: '224.0.0.18',
    vrrpVersion: 2,
    lvsFlush: false,
  };
}
