import { useTranslation } from 'react-i18next';
import { useLab } from '../hooks/useLab';
import type { Hop } from '../model/frameHops';
import { msg } from '../model/message';
import type { Message } from '../model/message';
import type { FieldChange } from '../model/packetDiff';
import { fixedText } from './fixedText';

interface Props {
  hop: Hop;
  prev: Hop | undefined;
  changes: FieldChange[] | undefined;
  /** useRenderMessage's: the sentences with values, without i18next's per-call cost. */
  render(m: Message): string;
}

/** Who changed this packet since its previous hop, and which fields: IPVS's rewrite or plain forwarding. */
export function RewriteSummary({ hop, prev, changes, render }: Props) {
  const { t } = useTranslation();
  const { model } = useLab();
  if (!prev || !changes) {
    return (
      <p className="rewrite-summary first-hop">
        {hop.pkt ? render(msg('packet.firstHop', { host: hop.host })) : fixedText(t, 'packet.noPacket')}
      </p>
    );
  }
  const seqs = (hop.pkt && model.pktEvents.get(hop.pkt)) || [];
  const ipvs = seqs
    .map((s) => model.trace.at(s)!)
    .filter((e) => e.kind === 'ipvs.xmit' || e.kind === 'ipvs.snat')
    .find((e) => e.host === hop.host && e.seq < hop.seq && e.seq > prev.seq);
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
