import { drLab } from './dr';
import { haLab } from './ha';
import type { LabDefinition, LabId } from './labTypes';
import { fullLabSize, labSizeError } from './labSize';
import type { LabSize, LabSizeInput } from './labSize';
import { natLab } from './nat';
import { tunLab } from './tun';

/** Every lab as a function of its size (docs/linux-behaviour.md, "Lab size"), in the order the picker shows them. */
export const LAB_BUILDERS: ReadonlyMap<LabId, (size: LabSize) => LabDefinition> = new Map<
  LabId,
  (size: LabSize) => LabDefinition
>([
  ['nat', natLab],
  ['dr', drLab],
  ['tun', tunLab],
  ['ha', haLab],
]);

/** The labs at their default size (two real servers, one client): exactly labs.md's tables. */
export const LABS: ReadonlyMap<LabId, LabDefinition> = new Map(
  [...LAB_BUILDERS].map(([id, build]) => [id, build(fullLabSize())]),
);

/** A lab at the given size; undefined for an unknown lab. Throws on a size out of bounds. */
export function getLab(id: string, size: LabSizeInput = {}): LabDefinition | undefined {
  const build = LAB_BUILDERS.get(id as LabId);
  if (!build) return undefined;
  const err = labSizeError(size);
  if (err !== undefined) throw new RangeError(err);
  if (size.servers === undefined && size.clients === undefined) return LABS.get(id as LabId);
  return build(fullLabSize(size));
}
