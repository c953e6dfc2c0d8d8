import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { fixedText } from './fixedText';
import type { FieldChange } from '../model/packetDiff';
import type { Layer } from '../model/packetLayers';

interface Props {
  layer: Layer;
  changed: Map<string, FieldChange>;
  hover: string | null;
  onHover(path: string | null): void;
}

/** One protocol layer, every field; a changed field shows before → after. */
export const LayerTable = memo(function LayerTable({ layer, changed, hover, onHover }: Props) {
  const { t } = useTranslation();
  const layerName = fixedText(t, `layer.${layer.kind}`);
  const added = layer.fields.every((f) => changed.get(f.path)?.added);
  return (
    <section className={`layer layer-${layer.kind}${added ? ' layer-added' : ''}`} aria-label={layerName}>
      <h3>
        {layerName}
        {added && <span className="badge badge-added">{t('packet.added')}</span>}
        <span className="layer-bytes">{t('packet.bytes', { start: layer.start, end: layer.end - 1 })}</span>
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
                      <span className="visually-hidden">{t('packet.becomes')}</span>
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
