import type { TraceEvent } from '@/engine';
import { msg } from './message';
import type { Message } from './message';

/**
 * Characters of a command's output an event's words quote: `yes` prints 8 KB per event and
 * `seq` 24 KB, which the event list, the detail and the screen-reader summary would otherwise
 * lay out (and interpolate) whole every time it shows. The terminal shows all of it.
 */
export const OUTPUT_QUOTE = 120;

/** A command's output as its event quotes it: the start, trailing space trimmed, `…` if cut. */
export function quoteOutput(text: string): string {
  // Never half a surrogate pair at the cut.
  const at = /[\uD800-\uDBFF]/.test(text[OUTPUT_QUOTE - 1] ?? '') ? OUTPUT_QUOTE - 1 : OUTPUT_QUOTE;
  const head = text.length > OUTPUT_QUOTE + 1 ? text.slice(0, at) : text;
  const shown = head.trimEnd();
  return head === text ? shown : `${shown}…`;
}

/** The kernel's change notifications, command output and file writes, in words. */
export function kernelText(e: TraceEvent): Message | undefined {
  switch (e.kind) {
    case 'net.link':
      if (e.op === 'add') return msg('ev.kernel.linkAdd', { host: e.host, dev: e.dev, devKind: e.devKind });
      if (e.op === 'del') return msg('ev.kernel.linkDel', { host: e.host, dev: e.dev });
      return msg(e.up ? 'ev.kernel.linkSetUp' : 'ev.kernel.linkSetDown', {
        host: e.host,
        dev: e.dev,
        mtu: e.mtu,
      });
    case 'net.addr':
      return msg(e.op === 'add' ? 'ev.kernel.addrAdd' : 'ev.kernel.addrDel', {
        host: e.host,
        addr: e.addr,
        dev: e.label,
      });
    case 'net.route':
      return msg(e.op === 'add' ? 'ev.kernel.routeAdd' : 'ev.kernel.routeDel', {
        host: e.host,
        table: e.route.table,
        type: e.route.type,
        dst: `${e.route.dst}/${e.route.prefix}`,
        dev: e.route.dev,
      });
    case 'sysctl.set':
      return msg('ev.kernel.sysctl', { host: e.host, name: e.name, value: e.value, old: e.old });
    case 'hook.register':
      return msg(e.op === 'add' ? 'ev.kernel.hookAdd' : 'ev.kernel.hookDel', {
        host: e.host,
        name: e.name,
        hook: e.hook,
        priority: e.priority,
      });
    case 'neigh.del':
      return msg('ev.kernel.neighDel', { host: e.host, ip: e.ip, dev: e.dev, reason: e.reason });
    case 'cmd.out':
      return msg('ev.kernel.cmdOut', { host: e.host, text: quoteOutput(e.text) });
    case 'file.write':
      return msg(e.append ? 'ev.kernel.fileAppend' : 'ev.kernel.fileWrite', { host: e.host, path: e.path });
    case 'file.remove':
      return msg('ev.kernel.fileRemove', { host: e.host, path: e.path });
    default:
      return undefined;
  }
}
