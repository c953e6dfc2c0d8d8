/**
 * A value the trace stores as a few int slots instead of a retained object, rebuilt by its
 * codec only when an event is read. Hot paths that record plenty and are rarely read (a
 * scheduler's explanation of every decision) hand the trace a reusable recorder of this kind.
 */

/** How a packed value writes its parts: numbers, strings (interned) and objects kept by reference. */
export interface PackWriter {
  num(n: number): void;
  str(s: string): void;
  /** Kept by reference: an object, or a string not worth interning (read rarely, seen once). */
  ref(o: object | string): void;
  /** Any trace value (null, booleans, strings, numbers). */
  any(v: unknown): void;
}

/** Rebuilds a value from its parts, in the order they were written (the codec id not included). */
export type Unpack = (parts: readonly unknown[], from: number) => unknown;

const unpackers: Unpack[] = [];

/** Registers a codec once per module (code, not simulation state); its id goes into every record. */
export function packedCodec(unpack: Unpack): number {
  unpackers.push(unpack);
  return unpackers.length - 1;
}

/** The value a record's parts rebuild (parts[0] is its codec id). */
export function unpackParts(parts: readonly unknown[]): unknown {
  return unpackers[parts[0] as number]!(parts, 1);
}

export abstract class PackedValue {
  /** From packedCodec. */
  abstract readonly codec: number;
  /** How many parts `pack` writes now. */
  abstract packedSize(): number;
  abstract pack(w: PackWriter): void;
}
