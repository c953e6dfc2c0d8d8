/**
 * No run-time import cycle, in the engine or across the app. A cycle makes module
 * initialisation order matter and hides layering mistakes, such as the output path importing
 * the input path. Imports are read with the TypeScript parser: static, side-effect and dynamic
 * imports and re-exports count, type-only ones do not (they vanish when compiled; with
 * verbatimModuleSyntax `import { type A }` stays as `import {}`, so it counts).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, test } from 'vitest';

const SRC = join(__dirname);

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const p = join(dir, d.name);
    if (d.isDirectory()) return sources(p);
    return /\.tsx?$/.test(d.name) && !/\.test\.tsx?$/.test(d.name) ? [p] : [];
  });
}

/** Module specifiers a file imports at run time. */
function runtimeSpecifiers(file: string): string[] {
  const sf = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, false);
  const specs: string[] = [];
  const visit = (n: ts.Node): void => {
    if (ts.isImportDeclaration(n) && !n.importClause?.isTypeOnly && ts.isStringLiteral(n.moduleSpecifier))
      specs.push(n.moduleSpecifier.text);
    else if (
      ts.isExportDeclaration(n) &&
      !n.isTypeOnly &&
      n.moduleSpecifier &&
      ts.isStringLiteral(n.moduleSpecifier)
    )
      specs.push(n.moduleSpecifier.text);
    else if (ts.isCallExpression(n) && n.expression.kind === ts.SyntaxKind.ImportKeyword) {
      const a = n.arguments[0];
      if (a && ts.isStringLiteral(a)) specs.push(a.text);
    }
    ts.forEachChild(n, visit);
  };
  visit(sf);
  return specs;
}

/** Run-time imports between the modules under `root` (`@/` is src/, as in tsconfig). */
function importGraph(root: string): Map<string, string[]> {
  const files = sources(root);
  const known = new Set(files);
  const resolve = (from: string, spec: string): string | undefined => {
    const base = spec.startsWith('@/')
      ? join(SRC, spec.slice(2))
      : spec.startsWith('.')
        ? join(dirname(from), spec)
        : '';
    if (base === '') return undefined;
    const t = normalize(base);
    return [t, `${t}.ts`, `${t}.tsx`, join(t, 'index.ts')].find((c) => known.has(c));
  };
  const g = new Map<string, string[]>();
  for (const f of files)
    g.set(
      f,
      runtimeSpecifiers(f).flatMap((s) => resolve(f, s) ?? []),
    );
  return g;
}

/** Strongly connected components with more than one module (Tarjan), relative to `root`. */
function cycles(g: Map<string, string[]>, root: string): string[][] {
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
      comp.push(relative(root, w));
    } while (w !== v);
    if (comp.length > 1) out.push(comp.sort());
  };
  for (const v of g.keys()) if (!index.has(v)) visit(v);
  return out;
}

/** Parsed once for the whole file (reading every module is the slow part). */
let whole: Map<string, string[]> | undefined;
const srcGraph = (): Map<string, string[]> => (whole ??= importGraph(SRC));

/** The part of the graph inside `dir`. */
function within(g: Map<string, string[]>, dir: string): Map<string, string[]> {
  const inside = (f: string) => f.startsWith(dir + '/');
  return new Map([...g].filter(([f]) => inside(f)).map(([f, ds]) => [f, ds.filter(inside)]));
}

describe('imports', () => {
  test('the graph is read: static, directory-index and `@/` imports resolve; type-only ones are skipped', () => {
    const g = srcGraph();
    const deps = (f: string) => (g.get(join(SRC, f)) ?? []).map((d) => relative(SRC, d));
    expect(deps('engine/stack/ipOutput.ts')).toContain('engine/stack/xmit.ts');
    expect(deps('engine/index.ts')).toContain('engine/findings/index.ts');
    expect(deps('store/engine.ts')).toContain('engine/index.ts');
    // host.ts names Ipvs only as a type: no edge back up to ipvs/.
    expect(deps('engine/stack/host.ts').filter((d) => d.startsWith('engine/ipvs/'))).toEqual([]);
  });

  test('a cycle is found when there is one', () => {
    const g = new Map([
      ['/a', ['/b']],
      ['/b', ['/c']],
      ['/c', ['/a']],
      ['/d', ['/a']],
    ]);
    expect(cycles(g, '/')).toEqual([['a', 'b', 'c']]);
  });

  test('no run-time import cycle in the engine', () => {
    const root = join(SRC, 'engine');
    expect(cycles(within(srcGraph(), root), root)).toEqual([]);
  });

  test('the lab-data face reaches only the labs as data, never the engine behind them', () => {
    // The page draws the topology from it before the engine's chunk loads: one import of
    // the stack or the shell here would pull the whole engine onto that path.
    const g = srcGraph();
    const seen = new Set<string>();
    const walk = (f: string): void => {
      if (seen.has(f)) return;
      seen.add(f);
      for (const d of g.get(f) ?? []) walk(d);
    };
    walk(join(SRC, 'engine/labData.ts'));
    const reached = [...seen].map((f) => relative(SRC, f)).sort();
    expect(reached).toContain('engine/labs/registry.ts');
    expect(reached.filter((f) => f !== 'engine/labData.ts' && !f.startsWith('engine/labs/'))).toEqual([]);
    expect(reached).not.toContain('engine/labs/buildTopology.ts');
  });

  test('no run-time import cycle across src (ui, store, embed, lessons, cli)', () => {
    expect(cycles(srcGraph(), SRC)).toEqual([]);
  });
});
