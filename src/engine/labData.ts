/**
 * The labs as plain data (segments, hosts, addresses, sizes) and nothing with behaviour: the page
 * imports this face directly to draw a lab's topology before the engine's chunk has loaded.
 * Everything reachable from here must stay data (labData.test.ts checks its imports).
 */
export { LABS, LAB_BUILDERS, getLab } from './labs/registry';
export { DEFAULT_LAB_SIZE, LAB_SIZE_LIMITS, labSizeError } from './labs/labSize';
export type { LabSize, LabSizeInput } from './labs/labSize';
export type { LabDefinition, LabHost, LabIface, LabId, LabStep, AddrRole, HostRole } from './labs/labTypes';
