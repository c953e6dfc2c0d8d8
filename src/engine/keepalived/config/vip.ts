/** One virtual_ipaddress line (vrrp/vrrp_ipaddress.c parse_ipaddress): `IP[/mask] [brd IP] [dev IF] [scope S] [label L]`. */
import type { VipSpec } from './types';

const IPV4 = /^(25[0-5]|2[0-4]\d|1?\d?\d)(\.(25[0-5]|2[0-4]\d|1?\d?\d)){3}$/;

export function isIpv4(s: string | undefined): s is string {
  return s !== undefined && IPV4.test(s);
}

export function parseVip(words: readonly string[], log: (msg: string) => void): VipSpec | undefined {
  const [addr = '', mask] = (words[0] ?? '').split('/');
  const prefix = mask === undefined ? 32 : /^\d+$/.test(mask) ? Number(mask) : -1;
  if (!isIpv4(addr) || prefix < 0 || prefix > 32) {
    log(`VRRP parsed invalid IP ${words[0] ?? ''}. skipping IP...`);
    return undefined;
  }
  const vip: VipSpec = { ip: addr, prefix };
  for (let i = 1; i < words.length; i += 2) {
    const key = words[i]!;
    const val = words[i + 1];
    if (key === 'dev' && val !== undefined) vip.dev = val;
    else if (key === 'label' && val !== undefined) vip.label = val;
    else if (key === 'brd' && val !== undefined) vip.brd = val;
    else if (key === 'scope' && val !== undefined) vip.scope = val;
    else {
      log(`Unknown configuration entry '${key}' for ip address - ignoring`);
      i--;
    }
  }
  return vip;
}
