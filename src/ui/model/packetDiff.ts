import type { Layer } from './packetLayers';

export interface FieldChange {
  path: string;
  label: string;
  /** Empty when the field did not exist on the previous hop (an added header). */
  before: string;
  after: string;
  added: boolean;
  /** Checksums and lengths follow from other changes; views show them quietly. */
  derived: boolean;
}

const DERIVED = /(checksum|\.len)$/;

function fieldMap(layers: readonly Layer[]): Map<string, { label: string; value: string }> {
  const m = new Map<string, { label: string; value: string }>();
  for (const l of layers) for (const fl of l.fields) m.set(fl.path, { label: fl.label, value: fl.value });
  return m;
}

/** The fields that differ between the previous hop and this one, in this hop's field order. */
export function diffLayers(prev: readonly Layer[], cur: readonly Layer[]): FieldChange[] {
  const before = fieldMap(prev);
  const out: FieldChange[] = [];
  for (const l of cur) {
    for (const fl of l.fields) {
      const b = before.get(fl.path);
      if (b && b.value === fl.value) continue;
      out.push({
        path: fl.path,
        label: fl.label,
        before: b?.value ?? '',
        after: fl.value,
        added: b === undefined,
        derived: DERIVED.test(fl.path),
      });
    }
  }
  return out;
}
