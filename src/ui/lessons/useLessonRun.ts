import { useEffect, useRef, useState } from 'react';
import type { HostCommand } from '@/lessons';
import { useAppStore, useStoreApi } from '@/store/useAppStore';
import { useLab } from '../hooks/useLab';
import { lastCommands } from './judge';
import type { LabRecord, Span } from './judge';

interface Pending {
  n: number;
  revision: number;
  then: (rt: LabRecord, span: Span) => void;
}

/**
 * Run commands for the lesson through the lab's command log (as typing them would), then judge
 * them once the lab has run them: `run(cmds, then)` calls `then` with the runtime and the span
 * the commands made. Commands go at the end of the student's history (the cursor moves there
 * first), so a check never discards what the student did.
 */
export function useLessonRun() {
  const store = useStoreApi();
  const lab = useLab();
  const cursor = useAppStore((s) => s.cursor);
  const [pending, setPending] = useState<Pending | null>(null);
  const busy = useRef(false);

  useEffect(() => {
    if (!pending || lab.revision === pending.revision) return;
    setPending(null);
    busy.current = false;
    pending.then(lab.runtime, lastCommands(lab.runtime, pending.n));
  }, [pending, lab]);

  const run = (cmds: readonly HostCommand[], then: (rt: LabRecord, span: Span) => void) => {
    if (busy.current) return;
    const s = store.getState();
    if (cmds.length === 0) {
      then(lab.runtime, { from: 0, to: Math.min(cursor, lab.runtime.trace.length) });
      return;
    }
    busy.current = true;
    s.pause();
    setPending({ n: cmds.length, revision: s.revision, then });
    cmds.forEach((c, i) => {
      // Each at the end: a command typed "in the past" would fork the log and drop the one before.
      s.seek(Number.MAX_SAFE_INTEGER);
      // The last one plays (when it moves frames): the student watches what it set in motion.
      s.runCommand(c.host, c.command, { autoplay: i === cmds.length - 1 });
    });
  };

  return { run, busy: pending !== null };
}
