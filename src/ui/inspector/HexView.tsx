import { useState } from 'react';
import type { TFunction } from 'i18next';
import type { Layer } from '../model/packetLayers';
import { fixedText } from './fixedText';

interface Props {
  bytes: Uint8Array;
  layers: Layer[];
  hover: string | null;
  onHover(path: string | null): void;
  /** The inspector's translate function (one useTranslation for the whole view). */
  t: TFunction;
}

const PER_ROW = 16;

/** The frame's bytes, 16 to a row; hovering a byte names its field, hovering a field lights its bytes. */
export function HexView({ bytes, layers, hover, onHover, t }: Props) {
  // A closed dump is not built: one element per byte, remade for every frame playback follows.
  const [open, setOpen] = useState(false);
  return (
    <details className="hex-view" open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>{t('packet.hex', { count: bytes.length })}</summary>
      {open && <HexGrid bytes={bytes} layers={layers} hover={hover} onHover={onHover} t={t} />}
    </details>
  );
}

function HexGrid({ bytes, layers, hover, onHover, t }: Props) {
  const fieldAt: (string | null)[] = new Array<string | null>(bytes.length).fill(null);
  const labelAt: string[] = new Array<string>(bytes.length).fill('');
  for (const l of layers)
    for (const f of l.fields)
      for (let i = f.start; i < f.end && i < bytes.length; i++) {
        if (fieldAt[i] === null || f.end - f.start < 6) {
          fieldAt[i] = f.path;
          labelAt[i] = fixedText(t, f.label);
        }
      }
  const range = hover ? layers.flatMap((l) => l.fields).find((f) => f.path === hover) : undefined;
  const rows: number[] = [];
  for (let o = 0; o < bytes.length; o += PER_ROW) rows.push(o);
  return (
    <div className="hex-grid" role="table" aria-label={t('packet.hexLabel')} data-i18n-exempt="">
      {rows.map((o) => (
        <div key={o} role="row" className="hex-row">
          <span role="rowheader" className="hex-offset">
            {o.toString(16).padStart(4, '0')}
          </span>
          {Array.from(bytes.subarray(o, o + PER_ROW), (b, k) => {
            const i = o + k;
            const lit = range && i >= range.start && i < range.end;
            return (
              <span
                key={i}
                role="cell"
                className={lit ? 'hex-byte lit' : 'hex-byte'}
                title={labelAt[i] || undefined}
                onMouseEnter={() => onHover(fieldAt[i] ?? null)}
                onMouseLeave={() => onHover(null)}
              >
                {b.toString(16).padStart(2, '0')}
              </span>
            );
          })}
        </div>
      ))}
    </div>
  );
}
