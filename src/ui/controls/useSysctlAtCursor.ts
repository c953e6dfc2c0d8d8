import { useMemo } from 'react';
import type { Sysctl } from '@/engine';
import { useAppStore } from '@/store/useAppStore';
import { useLab } from '../hooks/useLab';
import { hostStatesAtCursor } from '../model/hostStatesAtCursor';

/** A host's sysctls and devices as they stood at the playback cursor (not at the end of the log). */
export function useSysctlAtCursor(host: string): { sysctl: Sysctl | undefined; devices: string[] } {
  const { runtime, revision } = useLab();
  const raw = useAppStore((s) => s.cursor);
  const cursor = raw < 0 ? runtime.trace.length : raw;
  return useMemo(() => {
    void revision; // the trace grew: the undo walk starts from a new end
    const links = hostStatesAtCursor(runtime.trace, cursor).get(host)?.links;
    return { sysctl: runtime.sysctlAt(host, cursor), devices: [...(links?.keys() ?? [])] };
  }, [runtime, host, cursor, revision]);
}
