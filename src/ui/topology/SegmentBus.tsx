import { memo } from 'react';
import type { SegmentBus as Bus } from '../layout/topologyLayout';

/** A segment as a switch backplane: every port taps the bus at its own height. */
export const SegmentBus = memo(function SegmentBus({ bus }: { bus: Bus }) {
  return (
    <g className="segment" data-segment={bus.name}>
      {bus.vertical ? (
        <text
          className="segment-name"
          transform={`translate(${bus.x - 12},${bus.top + 6}) rotate(-90)`}
          textAnchor="end"
        >
          {bus.name} <tspan className="segment-subnet">{bus.subnet}</tspan>
        </text>
      ) : (
        <>
          <text className="segment-name" x={bus.x} y={bus.top - 22} textAnchor="middle">
            {bus.name}
          </text>
          <text className="segment-subnet" x={bus.x} y={bus.top - 6} textAnchor="middle">
            {bus.subnet}
          </text>
        </>
      )}
      <rect
        className="segment-bus"
        x={bus.x - 7}
        y={bus.top}
        width={14}
        height={bus.bottom - bus.top}
        rx={7}
      />
    </g>
  );
});
