import type { TFunction } from 'i18next';
import { engine } from '@/store/engine';
import type { Hop } from '../model/frameHops';
import type { TraceModel } from '../model/traceModel';
import { msg } from '../model/message';
import type { Message } from '../model/message';
import type { FieldChange } from '../model/packetDiff';
import { fixedText } from './fixedText';

/**
 * IPVS's rewrite of the packet on `hop.host` between its previous hop and this one, if any. Only
 * the packet's events between the two hops are looked at, by kind, and only IPVS's are built (each
 * random read decodes back to its checkpoint; a packet's hook passages are many).
 */
function ipvsBetween(model: TraceModel, hop: Hop, prev: Hop) {
  const { kindOf } = engine();
  for (const s of (hop.pkt && model.pktEvents.get(hop.pkt)) || []) {
    if (s <= prev.seq) continue;
    if (s >= hop.seq) break;
    const kind = kindOf(model.trace, s);
    if (kind !== 'ipvs.xmit' && kind !== 'ipvs.snat') continue;
    const e = model.trace.at(s);
    if ((e?.kind === 'ipvs.xmit' || e?.kind === 'ipvs.snat') && e.host === hop.host) return e;
  }
  return undefined;
}

interface Props {
  hop: Hop;
  prev: Hop | undefined;
  changes: FieldChange[] | undefined;
  /** useRenderMessage's: the sentences with values, without i18next's per-call cost. */
  render(m: Message): string;
  /** The inspector's translate function and model (one useTranslation and useLab for the view). */
  t: TFunction;
  model: TraceModel;
}

/** Who changed this packet since its previous hop, and which fields: IPVS's rewrite or plain forwarding. */
export function RewriteSummary({ hop, prev, changes, render, t, model }: Props) {
  if (!prev || !changes) {
    return (
      <p className="rewrite-summary first-hop">
        {hop.pkt ? render(msg('packet.firstHop', { host: hop.host })) : fixedText(t, 'packet.noPacket')}
      </p>
    );
  }
  const ipvs = ipvsBetween(model, hop, prev);
  const method = ipvs ? (ipvs.kind === 'ipvs.snat' ? 'snat' : ipvs.method) : 'forward';
  const main = changes.filter((c) => !c.derived && !c.added);
  const added = changes.filter((c) => c.added);
  const ipSame = !changes.some((c) => c.path === 'ip.src' || c.path === 'ip.dst');
  return (
    <div className={`rewrite-summary rewrite-${method}`} data-rewrite={method}>
      <p className="rewrite-who">
        {render(
          msg(`packet.by.${method}`, {
            host: hop.host,
            from: `${prev.host} → ${prev.rx.map((r) => r.host).join(', ')}`,
          }),
        )}
      </p>
      <ul>
        {added.length > 0 && (
          <li className="change-added">
            {render(
              msg('packet.outerAdded', {
                src: added.find((c) => c.path === 'outer.src')?.after ?? '',
                dst: added.find((c) => c.path === 'outer.dst')?.after ?? '',
              }),
            )}
          </li>
        )}
        {main.map((c) => (
          <li key={c.path} data-change={c.path}>
            <strong>{fixedText(t, c.label)}</strong> <del>{c.before}</del> <span aria-hidden="true">→</span>
            <span className="visually-hidden">{fixedText(t, 'packet.becomes')}</span> <ins>{c.after}</ins>
          </li>
        ))}
        {method === 'route' && ipSame && <li className="note">{fixedText(t, 'packet.ipUnchanged')}</li>}
      </ul>
    </div>
  );
}
