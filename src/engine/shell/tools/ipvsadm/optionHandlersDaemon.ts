/** Option handlers for --start-daemon/--stop-daemon: interface, syncid and the multicast settings. */
import { fail } from './errors';
import { inetPton4, inetPton6 } from './inet';
import type { Handler } from './parseState';
import { numberOr, setOption } from './parseState';

export const daemonHandlers: Record<string, Handler> = {
  'mcast-interface': (p, a) => {
    setOption(p, 'mcast-interface');
    p.ce.daemon.ifn = (a ?? '').slice(0, 15);
  },
  syncid: (p, a) => {
    setOption(p, 'syncid');
    p.ce.daemon.syncid = numberOr(a, 0, 255, 'illegal syncid specified');
  },
  'mcast-group': (p, a) => {
    setOption(p, 'mcast-group');
    const text = a ?? '';
    if (text.includes(':')) {
      if (inetPton6(text)?.[0] !== 0xff) fail(`invalid IPv6 mcast-group \`${text}'`);
      p.ce.daemon.group = { af: 'inet6', text };
      return;
    }
    const v4 = inetPton4(text);
    if (v4 === undefined || v4 >>> 28 !== 0xe) fail(`invalid IPv4 mcast-group \`${text}'`);
    p.ce.daemon.group = { af: 'inet', text };
  },
  'mcast-port': (p, a) => {
    setOption(p, 'mcast-port');
    p.ce.daemon.port = numberOr(a, 1, 65535, 'illegal mcast-port specified');
  },
  'mcast-ttl': (p, a) => {
    setOption(p, 'mcast-ttl');
    p.ce.daemon.ttl = numberOr(a, 1, 255, 'illegal mcast-ttl specified');
  },
  'sync-maxlen': (p, a) => {
    setOption(p, 'sync-maxlen');
    p.ce.daemon.maxlen = numberOr(a, 1, 65535 - 20 - 8, 'illegal sync-maxlen specified');
  },
};
