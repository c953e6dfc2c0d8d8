/** keepalived 1.3.5's lexer: where a line is cut into words (lib/parser.c alloc_strvec). */
import { describe, expect, test } from 'vitest';
import { alloc_strvec } from './tokens';

describe('alloc_strvec', () => {
  test('words are cut at any white space, tabs, carriage returns and non-ASCII spaces included', () => {
    expect(alloc_strvec('  virtual_server\t10.0.0.1 80 {\r')).toEqual([
      'virtual_server',
      '10.0.0.1',
      '80',
      '{',
    ]);
    expect(alloc_strvec('priority\u00a0100\u3000x')).toEqual(['priority', '100', 'x']);
    expect(alloc_strvec('weight\u00e9 1')).toEqual(['weight\u00e9', '1']);
  });

  test('blank and comment lines give nothing; `!` or `#` at a word start ends the line', () => {
    expect(alloc_strvec('')).toBeUndefined();
    expect(alloc_strvec(' \t ')).toBeUndefined();
    expect(alloc_strvec('  # a comment')).toBeUndefined();
    expect(alloc_strvec('! another')).toBeUndefined();
    expect(alloc_strvec('state MASTER # the first')).toEqual(['state', 'MASTER']);
    expect(alloc_strvec('state MASTER!x')).toEqual(['state', 'MASTER!x']);
  });

  test('a double quote is a word of its own, inside a word or not', () => {
    expect(alloc_strvec('notify "/bin/echo hi"')).toEqual(['notify', '"', '/bin/echo', 'hi', '"']);
    expect(alloc_strvec('a"b')).toEqual(['a', '"', 'b']);
  });
});
