import { drLab } from './dr';
import { haLab } from './ha';
import type { LabDefinition, LabId } from './labTypes';
import { natLab } from './nat';
import { tunLab } from './tun';

/** The labs of labs.md, in the order the picker shows them. */
export const LABS: ReadonlyMap<LabId, LabDefinition> = new Map<LabId, LabDefinition>([
  ['nat', natLab],
  ['dr', drLab],
  ['tun', tunLab],
  ['ha', haLab],
]);

export function getLab(id: string): LabDefinition | undefined {
  return LABS.get(id as LabId);
}
