import type { LabRuntime } from '@/engine';
import { engine, loadEngine } from '@/store/engine';

/** A configured lab that has served one request, for model tests (node, no DOM). */
export async function labAfterRequest(
  labId: 'nat' | 'dr' | 'tun',
  before: [string, string][] = [],
): Promise<LabRuntime> {
  await loadEngine();
  const rt = engine().LabRuntime.create(labId);
  for (const [host, command] of before) rt.exec({ host, command });
  const def = rt.def;
  rt.exec({ host: 'client', command: `curl -s ${def.vip}` });
  return rt;
}
