import type {
  Dest,
  DestChange,
  SchedContext,
  SchedPacket,
  SchedService,
  Scheduler,
  ScheduleResult,
} from '../types';
import { explanation, NONE_NO_ELIGIBLE, result } from './explain';
import { USABLE } from './judges';

/**
 * The kernel keeps a list-node pointer (sched_data); we keep its index, -1 standing for the list
 * head sentinel, and shift it when the list shifts under it.
 */
export interface RrState {
  ptr: number;
  /**
   * The last explanation parameters per starting pointer (index ptr + 1), shared by the decisions
   * that had the same ones: a decision's explanation stays in the trace, and a busy service makes
   * the same few again and again. A memo of values, nothing observable.
   */
  params: RrParams[];
}

type RrParams = Readonly<{ pointer: number; pointerDest: string; newPointer: number }>;

function createState(): RrState {
  return { ptr: -1, params: [] };
}

function paramsOf(state: RrState, pointer: number, pointerDest: string): RrParams {
  const last = state.params[pointer + 1];
  if (last && last.pointerDest === pointerDest && last.newPointer === state.ptr) return last;
  const p: RrParams = Object.freeze({ pointer, pointerDest, newPointer: state.ptr });
  state.params[pointer + 1] = p;
  return p;
}

function update(state: RrState, svc: SchedService, change: DestChange): void {
  if (change.kind === 'add') {
    // A new dest at index `at` pushes everything from `at` on one place down.
    const at = svc.dests.indexOf(change.dest);
    if (at >= 0 && state.ptr >= at) state.ptr++;
  } else if (change.kind === 'delete' && change.index !== undefined) {
    // Pointer on the deleted dest → its predecessor (rr_del_dest); behind it → shift up.
    if (state.ptr >= change.index) state.ptr--;
  }
  if (state.ptr >= svc.dests.length) state.ptr = svc.dests.length - 1;
}

/** Walk from the element after the pointer, wrapping once, up to and including the pointer. */
function pick(state: RrState, dests: readonly Dest[]): Dest | undefined {
  const n = dests.length;
  let i = state.ptr;
  for (let k = 0; k < n; k++) {
    i = i + 1 >= n ? 0 : i + 1;
    const d = dests[i]!;
    if (d.weight > 0 && !d.overloaded) {
      state.ptr = i;
      return d;
    }
  }
  return undefined;
}

function schedule(state: RrState, svc: SchedService, _pkt: SchedPacket, ctx: SchedContext): ScheduleResult {
  const from = state.ptr;
  const d = pick(state, svc.dests);
  if (!ctx.explain) return { dest: d };
  const prev = svc.dests[from];
  const params = paramsOf(state, from, prev?.key ?? '');
  const ex = explanation(ctx, 'rr', svc.dests, USABLE, d, d ? 'rr.next' : NONE_NO_ELIGIBLE, params);
  return result(d, ex);
}

export const rr: Scheduler<RrState> = { name: 'rr', createState, update, schedule };
