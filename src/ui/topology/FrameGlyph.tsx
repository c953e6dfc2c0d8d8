import { memo } from 'react';

interface Props {
  frame: string;
  x: number;
  y: number;
  tag: string;
  label: string;
  colour: string;
  broadcast: boolean;
  selected: boolean;
  /** Many frames on the wire: a plain dot, no label, not a tab stop (the layer stays clickable). */
  dense: boolean;
}

/**
 * One frame on a wire: a small tag in its connection's colour. No hooks and no handlers of its
 * own (the layer delegates clicks and keys), so hundreds of them re-render cheaply each frame.
 */
export const FrameGlyph = memo(function FrameGlyph({
  frame,
  x,
  y,
  tag,
  label,
  colour,
  broadcast,
  selected,
  dense,
}: Props) {
  const cls = `frame-glyph${broadcast ? ' broadcast' : ''}${selected ? ' selected' : ''}${dense ? ' dense' : ''}`;
  const transform = `translate(${x.toFixed(1)},${y.toFixed(1)})`;
  if (dense) {
    return (
      <g className={cls} transform={transform} data-frame={frame} data-interactive="">
        <circle r={selected ? 8 : 6} style={{ fill: colour }} />
      </g>
    );
  }
  const w = Math.max(40, tag.length * 8 + 14);
  return (
    <g
      className={cls}
      transform={transform}
      role="button"
      tabIndex={0}
      aria-label={label}
      aria-pressed={selected}
      data-frame={frame}
      data-interactive=""
    >
      <rect x={-w / 2} y={-11} width={w} height={22} rx={6} style={{ fill: colour }} />
      <text y={4.5} textAnchor="middle">
        {tag}
      </text>
    </g>
  );
});
