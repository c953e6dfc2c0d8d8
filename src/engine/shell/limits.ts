/**
 * The lab machines' memory as the shell meets it. A string (a variable's value, an expanded
 * word, the output of `$( … )`) may grow to MAX_STRING_BYTES; past it the allocation fails as it
 * does in bash: `bash: xrealloc: cannot allocate N bytes` and the shell exits with status 2.
 * A crashing program is reported as the kernel's signal would be, never with JavaScript text.
 */

/** 32 MiB: the shell's share of a small lab VM's memory. */
export const MAX_STRING_BYTES = 32 * 1024 * 1024;

/** bash grows its string buffers in steps of 128 bytes; the failed request is one of those. */
const BUFFER_STEP = 128;

/** An allocation of the shell failed: fatal for the (sub)shell that made it. */
export class OutOfMemory {
  /** The size bash asked for (the string, its NUL, rounded up to its buffer step). */
  readonly bytes: number;
  constructor(length: number) {
    this.bytes = Math.ceil((length + 1) / BUFFER_STEP) * BUFFER_STEP;
  }

  get message(): string {
    return `bash: xrealloc: cannot allocate ${this.bytes} bytes\n`;
  }
}

/** Throw OutOfMemory when a string of `length` would be built. */
export function checkStringSize(length: number): void {
  if (length > MAX_STRING_BYTES) throw new OutOfMemory(length);
}

/** JavaScript's own limits (string length, call stack) met by a runaway: memory or stack exhausted. */
export function isResourceError(e: unknown): e is RangeError {
  return e instanceof RangeError;
}

/** What bash prints when a foreground program dies of SIGSEGV (no core: CentOS's `ulimit -c 0`). */
export const SEGFAULT = { message: 'Segmentation fault\n', status: 139 };
