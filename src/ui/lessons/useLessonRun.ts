import { useEffect, useRef, useState } from 'react';
import { useStore } from 'zustand';
import type { HostCommand, Side, Window } from '@/lessons';
import type { AppStore } from '@/store/createAppStore';
import { sessionOf } from '@/store/createAppStore';
import { useAppStore, useStoreApi } from '@/store/useAppStore';
import { useCompareSides } from './compareSides';
import { lastCommands } from './judge';

interface Pending {
  /** Per side: commands sent and the store's revision before them. */
  sent: Partial<Record<Side, { n: number; revision: number }>>;
  main: Side;
  then: (w: Window) => void;
}

/**
 * Run commands for the lesson through the labs' command logs (as typing them would), then judge
 * them once the labs have run them: `run(cmds, then, main)` calls `then` with the window the
 * commands made on the `main` side (NAT, or the one lab), every side's window beside it.
 * Commands go at the end of the student's history (the cursor moves there first), so a check
 * never discards what the student did. On the compare view each command runs on its `lab` side.
 */
export function useLessonRun() {
  const store = useStoreApi();
  const sides = useCompareSides();
  const stores: Partial<Record<Side, AppStore>> = sides ?? { nat: store };
  const cursor = useAppStore((s) => s.cursor);
  const natRevision = useStore(stores.nat ?? store, (s) => s.revision);
  const drRevision = useStore(stores.dr ?? store, (s) => s.revision);
  const [pending, setPending] = useState<Pending | null>(null);
  const busy = useRef(false);

  const windowOf = (spans: Partial<Record<Side, { from: number; to: number }>>, main: Side): Window => {
    const sideWindows: Partial<Record<Side, Window>> = {};
    for (const [k, span] of Object.entries(spans))
      sideWindows[k as Side] = { trace: sessionOf(stores[k as Side]!).view.trace, ...span };
    const m = sideWindows[main] ?? sideWindows.nat!;
    return { ...m, sides: sideWindows };
  };

  useEffect(() => {
    if (!pending) return;
    const now: Record<Side, number> = { nat: natRevision, dr: drRevision };
    const sent = Object.entries(pending.sent) as [Side, { n: number; revision: number }][];
    if (sent.some(([k, s]) => now[k] === s.revision)) return;
    setPending(null);
    busy.current = false;
    const spans: Partial<Record<Side, { from: number; to: number }>> = {};
    for (const k of Object.keys(stores) as Side[]) {
      const rt = sessionOf(stores[k]!).view;
      const n = pending.sent[k]?.n;
      spans[k] = n ? lastCommands(rt, n) : { from: rt.trace.length, to: rt.trace.length };
    }
    pending.then(windowOf(spans, pending.main));
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the stores are fixed for the player's life
  }, [pending, natRevision, drRevision]);

  const run = (cmds: readonly HostCommand[], then: (w: Window) => void, main: Side = 'nat') => {
    if (busy.current) return;
    if (cmds.length === 0) {
      // No commands: the session so far, up to the cursor where the student is looking.
      const spans: Partial<Record<Side, { from: number; to: number }>> = {};
      for (const k of Object.keys(stores) as Side[]) {
        const rt = sessionOf(stores[k]!).view;
        spans[k] = { from: 0, to: k === 'nat' ? Math.min(cursor, rt.trace.length) : rt.trace.length };
      }
      then(windowOf(spans, main));
      return;
    }
    busy.current = true;
    const sent: Pending['sent'] = {};
    for (const c of cmds) {
      const k: Side = sides ? (c.lab ?? 'nat') : 'nat';
      const st = stores[k]!.getState();
      sent[k] ??= { n: 0, revision: st.revision };
      sent[k].n++;
    }
    setPending({ sent, main: sides ? main : 'nat', then });
    cmds.forEach((c, i) => {
      const st = stores[sides ? (c.lab ?? 'nat') : 'nat']!.getState();
      st.pause();
      // Each at the end: a command typed "in the past" would fork the log and drop the one before.
      st.seek(Number.MAX_SAFE_INTEGER);
      // The last one plays (when it moves frames): the student watches what it set in motion.
      st.runCommand(c.host, c.command, { autoplay: i === cmds.length - 1 });
    });
  };

  return { run, busy: pending !== null };
}
