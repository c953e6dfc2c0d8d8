/**
 * The engine's modules form no run-time import cycle (type-only imports do not count: they
 * vanish when compiled). A cycle makes module initialisation order matter and hides layering
 * mistakes, such as the output path importing the input path.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { describe, expect, test } from 'vitest';

const ROOT = join(__dirname);

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const p = join(dir, d.name);
    if (d.isDirectory()) return sources(p);
    return d.name.endsWith('.ts') && !d.name.endsWith('.test.ts') ? [p] : [];
  });
}

/** Relative run-time imports of each module (`import type` and `export type` skipped). */
function graph(): Map<string, string[]> {
  const files = sources(ROOT);
  const known = new Set(files);
  const g = new Map<string, string[]>();
  const re = /^(?:import|export)\s+(type\s+)?[^;]*?from\s+'(\.[^']*)';/gms;
  for (const f of files) {
    const deps: string[] = [];
    for (const m of readFileSync(f, 'utf8').matchAll(re)) {
      if (m[1]) continue;
      const target = normalize(join(dirname(f), m[2]!)) + '.ts';
      if (known.has(target)) deps.push(target);
    }
    g.set(f, deps);
  }
  return g;
}

/** Strongly connected components with more than one module (Tarjan). */
function cycles(g: Map<string, string[]>): string[][] {
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const on = new Set<string>();
  const out: string[][] = [];
  const visit = (v: string): void => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    on.add(v);
    for (const w of g.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (on.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) !== index.get(v)) return;
    const comp: string[] = [];
    let w: string;
    do {
      w = stack.pop()!;
      on.delete(w);
      comp.push(relative(ROOT, w));
    } while (w !== v);
    if (comp.length > 1) out.push(comp.sort());
  };
  for (const v of g.keys()) if (!index.has(v)) visit(v);
  return out;
}

describe('engine imports', () => {
  test('the graph is read (a sanity check on the parser)', () => {
    const g = graph();
    expect(g.get(join(ROOT, 'stack/ipOutput.ts'))).toContain(join(ROOT, 'stack/xmit.ts'));
  });

  test('no run-time import cycle', () => {
    expect(cycles(graph())).toEqual([]);
  });
});
