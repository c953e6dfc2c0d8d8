/**
 * vrrp.c vrrp_in_chk at 1.3.5: the checks a received advert must pass, in order. Each failure
 * is logged as `(VI_1): …`; the caller adds `bogus VRRP packet received on eth0 !!!` (KO) or
 * `Sync instance needed on eth0 !!!` (DROP).
 */
import type { Ipv4Packet } from '../../packet/types';
import type { VrrpAdvert } from '../../packet/vrrp';
import { VRRP_TTL } from '../../packet/vrrp';
import type { CompletedInstance } from '../config/complete';

export type InCheck = { result: 'ok' } | { result: 'ko' | 'drop'; message: string; reason: string };

export function vrrpInChk(
  pkt: Ipv4Packet,
  a: VrrpAdvert,
  conf: CompletedInstance,
  skipAddrCheck: boolean,
): InCheck {
  const ko = (reason: string, message: string): InCheck => ({
    result: 'ko',
    reason,
    message: `(${conf.name}): ${message}`,
  });
  if (pkt.ttl !== VRRP_TTL) return ko('ttl', `invalid ttl. ${pkt.ttl} and expect ${VRRP_TTL}`);
  if (a.version !== 2) return ko('version', `invalid version. ${a.version} and expect 2`);
  if (a.type !== 1) return ko('type', 'Invalid packet type');
  if (a.authType !== conf.authType)
    return ko('auth-type', `received a ${a.authType} auth, expecting ${conf.authType}!`);
  if (conf.authType === 1 && a.authPass !== conf.authPass)
    return ko('auth-pass', 'received an invalid passwd!');
  if (a.addrs.length !== conf.vips.length)
    return ko(
      'naddr',
      `received an invalid ip number count ${a.addrs.length}, expected ${conf.vips.length}!`,
    );
  if (a.adverInt !== conf.advertInt)
    return {
      result: 'drop',
      reason: 'advert-int',
      message: `(${conf.name}): advertisement interval mismatch mine=${conf.advertInt} sec rcved=${a.adverInt} sec`,
    };
  if (!a.checksumOk) return ko('checksum', 'Invalid VRRPv2 checksum');
  if (!skipAddrCheck)
    for (const v of conf.vips)
      if (!a.addrs.includes(v.ip))
        return ko(
          'vip-missing',
          `ip address associated with VRID ${conf.vrid} not present in MASTER advert : ${v.ip}`,
        );
  return { result: 'ok' };
}
