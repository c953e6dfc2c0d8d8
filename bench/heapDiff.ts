/**
 * What the engine keeps per request, by constructor: `node --expose-gc --import tsx
 * bench/heapDiff.ts [LAB] [N]` runs N requests, takes a heap snapshot, runs N more, takes another,
 * and prints per constructor (V8's node name) how many objects and bytes each request added.
 * A diagnostic for the `memory` bench's retained bytes, not a benchmark itself. With `bounded`
 * as a third argument the trace is bounded as the lab runner bounds it (the peak-RSS bench's
 * setting): what still grows then is engine state, not trace detail.
 */
import { readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeHeapSnapshot } from 'node:v8';
import { getLab, LabRuntime } from '../src/engine';

const [lab = 'nat', nText = '2000', mode] = process.argv.slice(2);
const n = Number(nText);
const vip = getLab(lab)!.vip;

interface Row {
  count: number;
  bytes: number;
}

/** Per "type:name", objects and self bytes in a V8 heap snapshot file. */
function tally(file: string): Map<string, Row> {
  const snap = JSON.parse(readFileSync(file, 'utf8')) as {
    snapshot: { meta: { node_fields: string[]; node_types: [string[]] } };
    nodes: number[];
    strings: string[];
  };
  const f = snap.snapshot.meta.node_fields;
  const width = f.length;
  const [typeAt, nameAt, sizeAt] = [f.indexOf('type'), f.indexOf('name'), f.indexOf('self_size')];
  const types = snap.snapshot.meta.node_types[0];
  const out = new Map<string, Row>();
  for (let i = 0; i < snap.nodes.length; i += width) {
    const type = types[snap.nodes[i + typeAt]!]!;
    let name = snap.strings[snap.nodes[i + nameAt]!]!;
    // Strings and code are named by their text: group them by type instead.
    if (type === 'string' || type === 'concatenated string' || type === 'sliced string') name = '';
    if (type === 'code' || type === 'number') name = '';
    if (name.length > 60) name = `${name.slice(0, 57)}...`;
    const key = `${type}:${name}`;
    const row = out.get(key) ?? { count: 0, bytes: 0 };
    row.count++;
    row.bytes += snap.nodes[i + sizeAt]!;
    out.set(key, row);
  }
  return out;
}

function snapshot(tag: string): Map<string, Row> {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('run with node --expose-gc');
  gc();
  gc();
  const file = writeHeapSnapshot(join(tmpdir(), `lvs-heapdiff-${process.pid}-${tag}.heapsnapshot`));
  try {
    return tally(file);
  } finally {
    rmSync(file, { force: true });
  }
}

const rt = LabRuntime.create(lab);
// The runner's bound (src/cli/lvs-lab.ts): 2^14 events kept in detail, nothing pinned.
if (mode === 'bounded') rt.boundTrace(1 << 14, Infinity);
const run = (k: number): void => {
  for (let done = 0; done < k; done += 1000) {
    const m = Math.min(1000, k - done);
    const cmd = `for i in $(seq 1 ${m}); do curl -s ${vip} >/dev/null; done`;
    const r = rt.exec({ host: 'client', command: cmd, maxTimeUs: 1e12 });
    if (r.exit !== 0) throw new Error(`${lab}: the loop exited ${r.exit}`);
  }
};
run(n);
const a = snapshot('a');
run(n);
const b = snapshot('b');
const rows = [...new Set([...a.keys(), ...b.keys()])].map((key) => {
  const x = a.get(key) ?? { count: 0, bytes: 0 };
  const y = b.get(key) ?? { count: 0, bytes: 0 };
  return { key, count: (y.count - x.count) / n, bytes: (y.bytes - x.bytes) / n };
});
rows.sort((p, q) => q.bytes - p.bytes);
const total = rows.reduce((s, r) => s + r.bytes, 0);
console.log(`${lab}: ${n} more requests; heap bytes per request by constructor (total ${total.toFixed(0)})`);
for (const r of rows.filter((r) => Math.abs(r.bytes) >= 8 || Math.abs(r.count) >= 0.05).slice(0, 40))
  console.log(`${r.bytes.toFixed(1).padStart(9)} B ${r.count.toFixed(2).padStart(7)} obj  ${r.key}`);
