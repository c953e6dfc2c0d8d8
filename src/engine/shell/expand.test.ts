import { describe, expect, it } from 'vitest';
import { TestLab } from '../testing/testLab';

/** Run in a fresh shell; stdout only (these cases are checked against bash 5.2 output). */
function out(src: string): string {
  return new TestLab('nat').sh('rs1', src).out;
}

describe('quoting and escaping', () => {
  it.each([
    [`echo a\\ b "c  d" 'e  f' $'g\\th' "x\\"y" 'it'\\''s'`, 'a b c  d e  f g\th x"y it\'s\n'],
    [`echo "\\$ \\\` \\\\ \\a"`, '$ ` \\ \\a\n'],
    ['echo \\$HOME \\\\ \\a', '$HOME \\ a\n'],
    [`echo 'a'\\''b' "a'b" 'a"b' "a\\\\b" 'a\\\\b'`, `a'b a'b a"b a\\b a\\\\b\n`],
    [`x='$HOME'; echo $x "$x"`, '$HOME $HOME\n'],
    [`echo "a" 'b'"c" d"e"f; echo '' x`, 'a bc def\n x\n'],
    ['echo a#b # a comment', 'a#b\n'],
    ["echo 'a\nb'", 'a\nb\n'],
    ['echo a \\\nb', 'a b\n'],
    [`echo $'a\\'b' $'\\101\\x42'`, "a'b AB\n"],
    ['echo "{a,b}" \'{1..3}\' \\{a,b\\}', '{a,b} {1..3} {a,b}\n'],
  ])('%s', (src, expected) => {
    expect(out(src)).toBe(expected);
  });
});

describe('parameters', () => {
  it.each([
    ['x="a  b"; echo $x; echo "$x"; printf "[%s]" $x', 'a b\na  b\n[a][b]'],
    ['set -- a "b c" d; for i in "$@"; do echo "<$i>"; done; echo $# "$*"', '<a>\n<b c>\n<d>\n3 a b c d\n'],
    ['set -- a "b c" d; for i in $@; do echo "<$i>"; done', '<a>\n<b>\n<c>\n<d>\n'],
    ['set -- ; for i in "$@"; do echo never; done; echo "[$@]"', '[]\n'],
    ['set -- 1 2 3 4 5 6 7 8 9 10 11; echo $10 ${10} ${11}', '10 10 11\n'],
    ['x=q; echo ${#HOME} ${HOME#/} ${HOME%oot} ${x:-u} ${x-u} ${x:+p}', '5 root /r q q p\n'],
    ['unset x; echo ${x-unset} ${x:-empty}; x=; echo ${x-unset} ${x:-empty}.', 'unset empty\nempty.\n'],
    ['echo ${u:-default} ${u:=assigned}; echo $u', 'default assigned\nassigned\n'],
    [
      'f=/a/b/c.tar.gz; echo ${f##*/} ${f#*.} ${f%%.*} ${f%.*} ${f/a/X} ${f//\\//_}',
      'c.tar.gz tar.gz /a/b/c /a/b/c.tar /X/b/c.tar.gz _a_b_c.tar.gz\n',
    ],
    [
      'x=hello; echo ${x/l/L} ${x//l/L} ${x/#h/H} ${x/%o/O} ${x#h*l} ${x##h*l}',
      'heLlo heLLo Hello hellO lo o\n',
    ],
    ['x=abc; echo ${x:1} ${x:0:2} ${x: -1}', 'bc ab c\n'],
    [
      's="hello World"; echo ${s^^} ${s,,} ${s^} ${s^^[lo]}',
      'HELLO WORLD hello world Hello World heLLO WOrLd\n',
    ],
    ['echo "${x:-a b}" ${x:-"q r"} ${x:-s t}', 'a b q r s t\n'],
    ['a=1; a+=2; b=x; b+=y; echo $a $b', '12 xy\n'],
    ['x=1 y=2; echo $x $y; z=3 echo ${z-unset}', '1 2\nunset\n'],
    ['echo $? ; false; echo $?; (exit 7); echo $?', '0\n1\n7\n'],
    ['echo $$', '1000\n'],
    ['echo ~ ~/x ~root a~b; x=~/y; echo $x', '/root /root/x /root a~b\n/root/y\n'],
    ['IFS=:; x=a:b::c; for i in $x; do echo "[$i]"; done', '[a]\n[b]\n[]\n[c]\n'],
    ['x=" lead  trail "; echo [$x]; echo ["$x"]', '[ lead trail ]\n[ lead  trail ]\n'],
  ])('%s', (src, expected) => {
    expect(out(src)).toBe(expected);
  });

  it('reports bad substitutions and abandons the command line', () => {
    const r = new TestLab('nat').sh('rs1', 'echo ${x!}; echo same-line\necho next');
    expect(r.err).toBe('bash: ${x!}: bad substitution\n');
    expect(r.out).toBe('next\n');
  });

  it('fails ${x:?msg} with the message', () => {
    const r = new TestLab('nat').sh('rs1', 'echo ${x:?must be set}; echo notreached');
    expect(r).toMatchObject({ status: 1, out: '', err: 'bash: x: must be set\n' });
  });

  it('treats unset variables as errors under set -u', () => {
    const r = new TestLab('nat').sh('rs1', 'set -u; echo ${v:-fine}; echo $v');
    expect(r).toMatchObject({ out: 'fine\n', err: 'bash: v: unbound variable\n', status: 1 });
  });
});

describe('command substitution', () => {
  it.each([
    ['echo $(echo a; echo b) "$(echo c; echo d)" `echo e`', 'a b c\nd e\n'],
    ['echo "$(basename /a/b/c.sh)" $(dirname /a/b/c.sh)', 'c.sh /a/b\n'],
    ["echo $(printf 'a\\n\\n\\n')b", 'ab\n'],
    ['echo `echo \\`echo nested\\``', 'nested\n'],
    ['echo ${x:-$(echo sub)} ${y:-`echo bq`}', 'sub bq\n'],
    ['x=$(false); echo $?; x=$(true); echo $?; echo $(exit 3); echo $?', '1\n0\n\n0\n'],
    ['cd /tmp; x=$(cd /; pwd); echo $x $(pwd)', '/ /tmp\n'],
    ['echo $( (echo sub) )', 'sub\n'],
  ])('%s', (src, expected) => {
    expect(out(src)).toBe(expected);
  });

  it('prints a syntax error inside backquotes when it runs, as bash does', () => {
    const r = new TestLab('nat').sh('rs1', 'echo `done`');
    expect(r.err).toBe(
      "bash: command substitution: line 1: syntax error near unexpected token `done'\nbash: command substitution: line 1: `done'\n",
    );
    expect(r).toMatchObject({ out: '\n', status: 0 });
  });
});

describe('arithmetic', () => {
  it.each([
    [
      'echo $((1+2*3)) $((7/2)) $((7%3)) $((2**10)) $((-5/2)) $((1<2)) $((x=4, x*x)) $((0x10)) $((010))',
      '7 3 1 1024 -2 1 16 16 8\n',
    ],
    [
      'echo $((3>2)) $((!0)) $((~0)) $((5&3)) $((5|3)) $((5^3)) $((1<<4)) $((256>>2)) $((1&&0)) $((1||0))',
      '1 1 -1 1 7 6 16 64 0 1\n',
    ],
    ['i=5; echo $((i++)) $i $((++i)) $i $((i--)) $((--i))', '5 6 7 7 7 5\n'],
    ['echo $(( -10 % 3 )) $(( 2#101 )) $(( 16#ff )) $((5 > 3 ? 10 : 20)) $(( (1+2)*3 ))', '-1 5 255 10 9\n'],
    ['x=5; echo $((x += 2)) $x; let y=3*4; echo $y; echo $(( $(echo 3) + 4 ))', '7 7\n12\n7\n'],
    ['echo $(( 2 ** 62 * 4 )) $((1 ? 2 : 1/0))', '0 2\n'],
    ['i=0; ((i++)); ((i++)); echo $i; ((0)); echo $?', '2\n1\n'],
  ])('%s', (src, expected) => {
    expect(out(src)).toBe(expected);
  });

  it('reports division by zero like bash and abandons the line', () => {
    const r = new TestLab('nat').sh('rs1', 'echo $((1/0)); echo same-line');
    expect(r).toMatchObject({ out: '', status: 1, err: 'bash: 1/0: division by 0 (error token is "0")\n' });
  });
});

describe('brace expansion', () => {
  it.each([
    [
      'echo {a,b}{1,2} {1..3} {3..1} {a..c} {01..03} x{}y {a}',
      'a1 a2 b1 b2 1 2 3 3 2 1 a b c 01 02 03 x{}y {a}\n',
    ],
    [
      'echo {1..10..3} {a..e..2} {5..1..2} a{1..3}b{x,y}',
      '1 4 7 10 a c e 5 3 1 a1bx a1by a2bx a2by a3bx a3by\n',
    ],
    [
      'echo /proc/sys/net/ipv4/conf/{all,lo}/arp_ignore',
      '/proc/sys/net/ipv4/conf/all/arp_ignore /proc/sys/net/ipv4/conf/lo/arp_ignore\n',
    ],
    ['x={a,b}; echo $x', '{a,b}\n'],
  ])('%s', (src, expected) => {
    expect(out(src)).toBe(expected);
  });
});
