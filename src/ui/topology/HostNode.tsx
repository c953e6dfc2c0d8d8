import { memo } from 'react';
import type { KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { HostRole } from '@/engine';
import type { HostRow } from '../layout/hostRows';
import { HOOK_STRIP } from '../layout/topologyLayout';
import type { HostBox } from '../layout/topologyLayout';
import type { Stage } from '../model/hookPath';
import { HookStrip } from './HookStrip';

interface Props {
  box: HostBox;
  rows: HostRow[];
  role: HostRole;
  acting: boolean;
  stage: Stage | undefined;
  selected: boolean;
  /** Absent while the engine loads: the card is drawn but is not a button yet. */
  onSelect?: (name: string) => void;
}

/**
 * Punctuation and words only a screen reader hears (zero-size text in the reading order), so the
 * card's name, taken from its visible text, reads as a sentence: "client, client: eth0
 * 172.16.132.78/24 (CIP) MAC 52:54:00:00:01:00;" rather than the words run together.
 */
function Sep({ text }: { text: string }) {
  return <tspan className="sr-sep">{text}</tspan>;
}

/**
 * A host card: name and role, each address with its CIP/VIP/DIP/RIP label and MAC, the hook strip.
 * The card's words and shapes are a component of their own (HostCard): following playback, the
 * acting host and its lit hook change a few times a second, and only the group's class and the
 * strip are redrawn then, not every address of the two cards involved.
 */
export const HostNode = memo(function HostNode({
  box,
  rows,
  role,
  acting,
  stage,
  selected,
  onSelect,
}: Props) {
  const { t } = useTranslation();
  const key = (e: KeyboardEvent) => {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      onSelect?.(box.name);
    }
  };
  const button = onSelect
    ? {
        role: 'button',
        tabIndex: 0,
        'aria-description': t('topology.hostHint'),
        'aria-pressed': selected,
        'data-interactive': '',
        onClick: () => onSelect(box.name),
        onKeyDown: key,
      }
    : {};
  return (
    <g
      className={`host role-${role}${acting ? ' acting' : ''}${selected ? ' selected' : ''}`}
      transform={`translate(${box.x},${box.y})`}
      data-host={box.name}
      {...button}
    >
      <HostCard box={box} rows={rows} role={role} />
      <HookStrip y={box.h - HOOK_STRIP - 6} width={box.w} stage={stage} />
    </g>
  );
});

/** What a host card shows that does not follow playback: its name, role, addresses and anchors. */
const HostCard = memo(function HostCard({ box, rows, role }: Pick<Props, 'box' | 'rows' | 'role'>) {
  const { t } = useTranslation();
  return (
    <>
      <rect className="host-card" width={box.w} height={box.h} rx={12} />
      <rect className="host-head" width={box.w} height={box.head - 6} rx={12} />
      <text className="host-name" x={14} y={box.head * 0.6}>
        {box.name}
        <Sep text="," />
      </text>
      <text className="host-role" x={box.w - 14} y={box.head * 0.6} textAnchor="end">
        {t(`role.${role}`)}
        <Sep text=":" />
      </text>
      {rows.map((r, k) => {
        const y = box.head + k * box.row;
        const addrX = Math.round(box.w * 0.235);
        return (
          <g key={`${r.label}-${r.addr}`} transform={`translate(0,${y})`} className="iface-row">
            <text className="iface-dev" x={14} y={box.row * 0.4}>
              {r.label}
            </text>
            <text className="iface-addr" x={addrX} y={box.row * 0.4}>
              {r.addr ? `${r.addr}/${r.prefix}` : <Sep text={t('topology.noAddress')} />}
              {!r.addr && <tspan aria-hidden="true">—</tspan>}
            </text>
            {r.role && (
              <g transform={`translate(${box.w - 50},${box.row * 0.4 - 13})`}>
                <rect className={`addr-role addr-${r.role}`} width={38} height={17} rx={4} />
                <text className="addr-role-text" x={19} y={13} textAnchor="middle">
                  <Sep text="(" />
                  {r.role}
                  <Sep text=")" />
                </text>
              </g>
            )}
            {r.mac && (
              <text className="iface-mac" x={addrX} y={box.row * 0.82}>
                <Sep text={`${t('topology.macPrefix')} `} />
                {r.mac}
                <Sep text=";" />
              </text>
            )}
          </g>
        );
      })}
      {box.ifaces.map((i) => (
        <circle
          key={i.dev}
          className="iface-anchor"
          cx={i.side === 'left' ? 0 : box.w}
          cy={i.rowY - box.y}
          r={5}
        />
      ))}
    </>
  );
});
