/** Small pure helpers: arithmetic, patterns, braces, paths, the in-memory fs. */
import { describe, expect, it } from 'vitest';
import { ArithError, evalArith } from './arith';
import { braceExpand } from './braces';
import { createMemoryFs } from './memoryFs';
import { baseName, dirName, normalizePath, resolvePath } from './paths';
import { matchPattern, removePrefix, removeSuffix, replacePattern } from './pattern';
import { shellQuote } from './quote';
import { scanText } from './wordScanner';

function arith(expr: string, vars: Record<string, string> = {}): string {
  return String(
    evalArith(expr, {
      get: (n) => vars[n],
      set: (n, v) => {
        vars[n] = v;
      },
    }),
  );
}

describe('arithmetic', () => {
  it('follows C precedence with 64-bit integers', () => {
    expect(arith('1 + 2 * 3 - 4 / 2')).toBe('5');
    expect(arith('2 ** 3 ** 2')).toBe('512');
    expect(arith('-2 ** 2')).toBe('4');
    expect(arith('9223372036854775807 + 1')).toBe('-9223372036854775808');
    expect(arith('1 < 2 && 2 < 3 || 0')).toBe('1');
    expect(arith('x = 3, y = x * 2, y')).toBe('6');
    expect(arith('a ? 1 : 2', { a: '0' })).toBe('2');
    expect(arith('a', { a: 'b', b: '7' })).toBe('7');
    expect(arith('')).toBe('0');
  });

  it('does not evaluate the untaken side', () => {
    const vars: Record<string, string> = { x: '1' };
    expect(arith('0 && (x = 5)', vars)).toBe('0');
    expect(arith('1 || 1 / 0', vars)).toBe('1');
    expect(vars['x']).toBe('1');
  });

  it.each([
    ['1 / 0', '1 / 0: division by 0 (error token is "0")'],
    ['1 +', '1 +: syntax error: operand expected (error token is "")'],
    ['2 ** -1', '2 ** -1: exponent less than 0 (error token is "-1")'],
    ['08', '08: value too great for base (error token is "08")'],
    ['1 @ 2', '1 @ 2: syntax error: invalid arithmetic operator (error token is "@ 2")'],
  ])('%s fails as bash says', (expr, message) => {
    expect(() => arith(expr)).toThrow(new ArithError(message));
  });
});

describe('patterns', () => {
  it('matches globs', () => {
    expect(matchPattern('a*', 'abc')).toBe(true);
    expect(matchPattern('a?c', 'abc')).toBe(true);
    expect(matchPattern('[!a]*', 'abc')).toBe(false);
    expect(matchPattern('[[:upper:]]x', 'Ax')).toBe(true);
    expect(matchPattern('\\*', '*')).toBe(true);
    expect(matchPattern('\\*', 'a')).toBe(false);
    expect(matchPattern('[a-', '[a-')).toBe(true);
    expect(matchPattern('start|stop', 'start')).toBe(false);
  });

  it('removes and replaces', () => {
    expect(removePrefix('a/b/c', '*/', false)).toBe('b/c');
    expect(removePrefix('a/b/c', '*/', true)).toBe('c');
    expect(removeSuffix('x.tar.gz', '.*', false)).toBe('x.tar');
    expect(removeSuffix('x.tar.gz', '.*', true)).toBe('x');
    expect(replacePattern('aXbXc', 'X', '-', 'all')).toBe('a-b-c');
    expect(replacePattern('aXbXc', 'X', '-', 'first')).toBe('a-bXc');
  });
});

describe('brace expansion', () => {
  it('expands sequences, lists and nests', () => {
    const texts = (s: string): string[] =>
      braceExpand(scanText(s, 1, 'normal')).map((w) =>
        w.parts.map((p) => (p.kind === 'lit' ? p.text : '?')).join(''),
      );
    expect(texts('a{1,2}b')).toEqual(['a1b', 'a2b']);
    expect(texts('{a,{b,c}}')).toEqual(['a', 'b', 'c']);
    expect(texts('{1..3}{x,y}')).toEqual(['1x', '1y', '2x', '2y', '3x', '3y']);
    expect(texts('{-1..1}')).toEqual(['-1', '0', '1']);
    expect(texts('{}')).toEqual(['{}']);
    expect(texts('{1..100000}')).toHaveLength(10000);
  });
});

describe('paths', () => {
  it('normalises and resolves', () => {
    expect(normalizePath('/a//b/./c/../d/')).toBe('/a/b/d');
    expect(resolvePath('/root/hx', '../x')).toBe('/root/x');
    expect(resolvePath('/tmp', '~/f')).toBe('/root/f');
    expect(resolvePath('/tmp', '/etc/../proc')).toBe('/proc');
    expect([baseName('/a/b/'), baseName('b'), baseName('/')]).toEqual(['b', 'b', '/']);
    expect([dirName('/a/b'), dirName('b'), dirName('/a'), dirName('a/b/')]).toEqual(['/a', '.', '/', 'a']);
  });
});

describe('memory fs', () => {
  it('keeps files, folders and modes', () => {
    const fs = createMemoryFs({ files: { '/etc/x/y': 'hi' } });
    expect(fs.isDir('/etc/x')).toBe(true);
    expect(fs.read('/etc/x/y')).toBe('hi');
    expect(fs.write('/etc/x/y', '!', true)).toBeUndefined();
    expect(fs.read('/etc/x/y')).toBe('hi!');
    expect(fs.write('/nope/z', 'x', false)).toBe('No such file or directory');
    expect(fs.write('/etc', 'x', false)).toBe('Is a directory');
    expect(fs.list('/etc')).toEqual(['x']);
    expect(fs.remove('/etc/x')).toBe('Directory not empty');
    expect(fs.chmod('/etc/x/y', 0o755)).toBeUndefined();
    expect(fs.mode('/etc/x/y')).toBe(0o755);
    expect([...fs.snapshot().keys()]).toEqual(['/etc/x/y']);
  });
});

describe('quoting for traces', () => {
  it('quotes only what needs it', () => {
    expect(shellQuote('plain-1.2/x')).toBe('plain-1.2/x');
    expect(shellQuote('a b')).toBe("'a b'");
    expect(shellQuote("it's")).toBe("'it'\\''s'");
    expect(shellQuote('')).toBe("''");
  });
});
