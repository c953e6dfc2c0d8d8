/**
 * Virtual CPU time: what the shell and its programs cost on the lab's machines, so that a loop
 * that never sleeps still lets the clock run and --max-time or Ctrl-C can stop it as on Linux.
 * The figures and their reasoning are in docs/virtual-cpu-time.md.
 */

/** Costs in virtual nanoseconds. */
export interface CpuCosts {
  /** fork + exec + wait of an external program (ipvsadm, curl, sleep, seq …). */
  processStartNs: number;
  /** fork of the shell: a pipeline stage, `( … )`, `$( … )`, a script's child shell. */
  forkNs: number;
  /** One simple command run by the shell itself (a builtin, a function call, an assignment). */
  commandNs: number;
  /** One pass of a while/until/for loop. */
  loopIterationNs: number;
  /** Per byte a program writes (to the terminal, a pipe or a file). */
  outputNsPerByte: number;
  /** Per byte of words and values the shell expands and assigns (copying strings). */
  expandNsPerByte: number;
}

export const CENTOS7_VM_COSTS: CpuCosts = {
  processStartNs: 1_000_000,
  forkNs: 250_000,
  commandNs: 2_000,
  loopIterationNs: 1_000,
  outputNsPerByte: 10,
  expandNsPerByte: 1,
};

/** Charged work is handed to the clock once it reaches this much (a scheduler-tick-like granularity). */
export const CPU_QUANTUM_NS = 1_000_000;

/** The CPU account of one `Shell.run`, shared by its subshells. */
export interface CpuAccount {
  readonly costs: CpuCosts;
  /** Charged and not yet handed to the clock. */
  pendingNs: number;
  /** Everything charged in this run (for tests and the work bound). */
  totalNs: number;
}

export function cpuAccount(costs: CpuCosts): CpuAccount {
  return { costs, pendingNs: 0, totalNs: 0 };
}

export function chargeNs(cpu: CpuAccount, ns: number): void {
  cpu.pendingNs += ns;
  cpu.totalNs += ns;
}

/** Whole microseconds due now: at least a quantum (`force`: any whole microsecond). */
export function dueUs(cpu: CpuAccount, force = false): number {
  if (cpu.pendingNs < (force ? 1000 : CPU_QUANTUM_NS)) return 0;
  const us = Math.floor(cpu.pendingNs / 1000);
  cpu.pendingNs -= us * 1000;
  return us;
}
