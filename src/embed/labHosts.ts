/**
 * Which hosts a lab of a given size has, in the order the share string numbers them: the lab's
 * own hosts, then rs3 … rsN, then client2 … clientM (the lab-size rule of the labs contract).
 */

/** What the share string needs to know about labs; built from the engine by catalogFromEngine. */
export interface LabCatalog {
  /** The lab's hosts at the default size (2 servers, 1 client), or undefined for an unknown lab. */
  baseHosts(labId: string): readonly string[] | undefined;
}

/** The slice of the engine module the catalog reads (kept structural so tests and the CLI can pass it). */
export interface EngineLabs {
  getLab(id: string): { hosts: readonly { name: string }[] } | undefined;
}

export function catalogFromEngine(e: EngineLabs): LabCatalog {
  const cache = new Map<string, readonly string[] | undefined>();
  return {
    baseHosts(labId) {
      if (!cache.has(labId))
        cache.set(
          labId,
          e.getLab(labId)?.hosts.map((h) => h.name),
        );
      return cache.get(labId);
    },
  };
}

export function sizedHosts(base: readonly string[], servers: number, clients: number): string[] {
  const out = [...base];
  for (let k = 3; k <= servers; k++) out.push(`rs${k}`);
  for (let j = 2; j <= clients; j++) out.push(`client${j}`);
  return out;
}

/** The host list for a lab and size, or undefined for a lab the catalog does not know. */
export function labHosts(
  catalog: LabCatalog,
  labId: string,
  servers: number,
  clients: number,
): string[] | undefined {
  const base = catalog.baseHosts(labId);
  return base ? sizedHosts(base, servers, clients) : undefined;
}
