import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * docs/architecture.md, "Closures and young-generation GC": a function literal assigned straight
 * to a property or element is allocated in old space by V8 and keeps its whole lab alive through
 * every scavenge. The engine makes such callbacks in another function than the one storing them.
 */
const ASSIGNED_LITERAL =
  /(\.[\w$]+|\])\s*=(?![=>])\s*\(*\s*(async\s+)?(function\b|\((?:[^()]|\([^()]*\))*\)\s*(?::\s*[^=;{]+?)?\s*=>|[\w$]+\s*=>)/g;

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return name.endsWith('.ts') && !name.endsWith('.test.ts') ? [path] : [];
  });
}

/** `file:line: text` of each function literal assigned straight to a property in `text`. */
export function assignedLiterals(file: string, text: string): string[] {
  const lines = text.split('\n');
  return [...text.matchAll(ASSIGNED_LITERAL)]
    .map((m) => text.slice(0, m.index).split('\n').length)
    .filter((line) => !TYPE_KEY.test(lines[line - 1]!))
    .map((line) => `${file}:${line}: ${lines[line - 1]!.trim()}`);
}

/** A declaration typed with an indexed type (`const h: Keyword['handler'] = …`), not a store. */
const TYPE_KEY = /:\s*[A-Z]\w*\[['"]\w+['"]\]\s*=/;

describe('callbacks stored on the engine’s objects', () => {
  it('the scan finds a literal assigned to a property, and not one made by a helper', () => {
    expect(
      assignedLiterals(
        'x.ts',
        "a.onX = (s) => s;\nb.onY = helper(c);\nd[0] = () => 1;\nconst h: K['f'] = (v) => v;\n",
      ),
    ).toEqual(['x.ts:1: a.onX = (s) => s;', 'x.ts:3: d[0] = () => 1;']);
  });

  it('no engine source assigns a function literal straight to a property', () => {
    const root = join(__dirname, '..');
    const hits = sources(root).flatMap((f) =>
      assignedLiterals(f.slice(root.length + 1), readFileSync(f, 'utf8')),
    );
    expect(hits).toEqual([]);
  });
});
