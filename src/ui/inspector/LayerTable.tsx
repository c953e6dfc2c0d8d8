import { memo } from 'react';
import type { TFunction } from 'i18next';
import { fixedText } from './fixedText';
import { msg } from '../model/message';
import type { Message } from '../model/message';
import type { FieldChange } from '../model/packetDiff';
import type { Layer } from '../model/packetLayers';

interface Props {
  layer: Layer;
  changed: Map<string, FieldChange>;
  /** useRenderMessage's: the sentences with values, without i18next's per-call cost. */
  render(m: Message): string;
  hover: string | null;
  onHover(path: string | null): void;
  /** The inspector's: one useTranslation for the whole view (each call costs a render). */
  t: TFunction;
}

/** One protocol layer, every field; a changed field shows before → after. */
export const LayerTable = memo(function LayerTable({ layer, changed, render, hover, onHover, t }: Props) {
  const layerName = fixedText(t, `layer.${layer.kind}`);
  const added = layer.fields.every((f) => changed.get(f.path)?.added);
  return (
    <section className={`layer layer-${layer.kind}${added ? ' layer-added' : ''}`} aria-label={layerName}>
      <h3>
        {layerName}
        {added && <span className="badge badge-added">{fixedText(t, 'packet.added')}</span>}
        <span className="layer-bytes">
          {render(msg('packet.bytes', { start: layer.start, end: layer.end - 1 }))}
        </span>
      </h3>
      <table className="fields">
        <tbody>
          {layer.fields.map((f) => {
            const c = changed.get(f.path);
            const cls = [
              c && !c.added ? (c.derived ? 'changed derived' : 'changed') : '',
              hover === f.path ? 'hovered' : '',
            ]
              .filter(Boolean)
              .join(' ');
            return (
              <tr
                key={f.path}
                className={cls || undefined}
                data-field={f.path}
                onMouseEnter={() => onHover(f.path)}
                onMouseLeave={() => onHover(null)}
              >
                <th scope="row">{fixedText(t, f.label)}</th>
                <td data-i18n-exempt="">
                  {c && !c.added ? (
                    <>
                      <del className="before">{c.before}</del>
                      <span aria-hidden="true"> → </span>
                      <span className="visually-hidden">{fixedText(t, 'packet.becomes')}</span>
                      <ins className="after">{c.after}</ins>
                    </>
                  ) : (
                    <span className="value">{f.value}</span>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
});
