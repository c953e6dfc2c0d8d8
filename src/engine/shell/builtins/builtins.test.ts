import { describe, expect, it } from 'vitest';
import { TestLab } from '../../testing/testLab';
import { simple } from '../types';

/** The client of a fresh NAT lab, with `files` written first; `run` types a line there. */
function labShell(files: Record<string, string> = {}) {
  const lab = new TestLab('nat');
  for (const [path, text] of Object.entries(files)) lab.writeFile('client', path, text);
  return {
    lab,
    // Piped stdin reaches the whole line, as it did the script it stands for.
    run: (src: string, stdin = '') => lab.sh('client', stdin ? `{ ${src}\n}` : src, stdin ? { stdin } : {}),
  };
}

function run(src: string, stdin = '') {
  return labShell().run(src, stdin);
}

describe('echo and printf', () => {
  it.each([
    ['echo -e "a\\tb\\nc" -n; echo -n x; echo; echo -e "\\x41\\0101"', 'a\tb\nc -n\nx\nAA\n'],
    ['echo -e "a\\cb"; echo after', 'aafter\n'],
    ['echo -n; echo -e; echo -E "\\n"; echo -ne "x\\n"', '\n\\n\nx\n'],
    ["printf '%s-%d-%5s-%-5s|%03d %x %o %c %%\\n' a 42 r l 7 255 8 xyz", 'a-42-    r-l    |007 ff 10 x %\n'],
    ["printf '%s\\n' a b c; printf 'no newline'; echo", 'a\nb\nc\nno newline\n'],
    ["printf '%5d|%-5d|%05d|%+d\\n' 42 42 42 42", '   42|42   |00042|+42\n'],
    ["printf '%5.2f|%e\\n' 3.14159 1234.5", ' 3.14|1.234500e+03\n'],
    ["printf '%b\\n' 'a\\tb' 'c\\nd'", 'a\tb\nc\nd\n'],
    [
      "printf '%c%c\\n' abc def; printf '%.2s\\n' abcdef; printf '%x %X %#x %#o\\n' 255 255 255 8",
      'ad\nab\nff FF 0xff 010\n',
    ],
    ["printf '%s %s\\n' a b c", 'a b\nc \n'],
    ["printf '%d|%s|\\n'", '0||\n'],
  ])('%s', (src, expected) => {
    expect(run(src).out).toBe(expected);
  });

  it('complains about a bad number', () => {
    expect(run("printf '%d\\n' abc")).toMatchObject({
      out: '0\n',
      status: 1,
      err: 'bash: printf: abc: invalid number\n',
    });
  });
});

describe('test and [[ ]]', () => {
  it.each([
    [
      'test -z "" && echo z; test -n "" || echo n; [ a = a ] && echo eq; [ 1 -lt 2 -a 2 -lt 3 ] && echo and',
      'z\nn\neq\nand\n',
    ],
    [
      '[ ! -e /nonexistent ] && echo notexist; [ -d /tmp ] && echo dir; [ -f /tmp ] || echo notfile',
      'notexist\ndir\nnotfile\n',
    ],
    ['test 5 -gt 3; echo $?; test 3 -gt 5; echo $?; test abc; echo $?; test; echo $?', '0\n1\n0\n1\n'],
    [
      '[ "" ]; echo $?; [ a ]; echo $?; [ -n a ]; echo $?; [ -z a ]; echo $?; [ -f ]; echo $?; [ ! ]; echo $?',
      '1\n0\n0\n1\n0\n0\n',
    ],
    [
      '[ 01 -eq 1 ] && echo num; [ a != b ] && echo ne; [ \\( a = a \\) ] && echo paren; [ a \\< b ] && echo lt',
      'num\nne\nparen\nlt\n',
    ],
    [
      'echo hi > /tmp/f; [ -s /tmp/f ] && echo nonempty; [ -e /tmp/f -a ! -d /tmp/f ] && echo file',
      'nonempty\nfile\n',
    ],
    [
      '[[ abc == a* ]] && echo glob; [[ abc =~ ^a.c$ ]] && echo re; [[ -z "" && 1 -eq 1 ]] && echo both',
      'glob\nre\nboth\n',
    ],
    [
      'x=; [[ $x == "" ]] && echo empty; [[ abc == "a*" ]] || echo literal; [[ ! -f /x || a < b ]] && echo or',
      'empty\nliteral\nor\n',
    ],
    ['x="a b"; [[ $x = "a b" ]] && echo nosplit; [[ 2 -eq 1+1 ]] && echo arith', 'nosplit\narith\n'],
  ])('%s', (src, expected) => {
    expect(run(src).out).toBe(expected);
  });

  it.each([
    ['[ 1 -eq a ]', 'bash: [: a: integer expression expected\n'],
    ['[ a b c ]', 'bash: [: b: binary operator expected\n'],
    ['[ 1 = 1', "bash: [: missing `]'\n"],
    ['test a =', 'bash: test: a: unary operator expected\n'],
  ])('%s fails with status 2', (src, err) => {
    expect(run(src)).toMatchObject({ status: 2, err });
  });
});

describe('variables and options', () => {
  it.each([
    ['export A=1; env | grep "^A="; unset A; echo ${A-gone}', 'A=1\ngone\n'],
    ['declare -x Q=1; declare -p Q', 'declare -x Q="1"\n'],
    [
      'x=1; unset x; echo "${x-gone}"; f() { :; }; unset -f f; type f 2>/dev/null || echo nofunc',
      'gone\nnofunc\n',
    ],
    ['shift; echo $?; set -- a b; shift 3; echo $? $#; shift; echo $1', '1\n1 2\nb\n'],
    ['eval "echo evaled; x=9"; echo $x', 'evaled\n9\n'],
    ['let "a = 2 + 3" b=a*2; echo $a $b; let 0; echo $?', '5 10\n1\n'],
    ['set -o | grep -c errexit; set -e; echo $- | grep -c e', '1\n1\n'],
    ['local x=1', ''],
  ])('%s', (src, expected) => {
    expect(run(src).out).toBe(expected);
  });

  it('rejects invalid names', () => {
    expect(run('export 1x=2')).toMatchObject({
      status: 1,
      err: "bash: export: `1x=2': not a valid identifier\n",
    });
    expect(run('local x=1')).toMatchObject({
      status: 1,
      err: 'bash: local: can only be used in a function\n',
    });
    expect(run('for 1 in a; do :; done')).toMatchObject({
      status: 1,
      err: "bash: `1': not a valid identifier\n",
    });
  });

  it('exports to the programs it runs, with VAR=x prefixes', () => {
    const t = labShell();
    expect(t.run('export LANG=C; X=1 env | grep -E "^(LANG|X)="').out).toBe('LANG=C\nX=1\n');
    expect(t.run('env | grep -c "^X="').out).toBe('0\n');
  });
});

describe('read', () => {
  it('reads lines and fields from standard input', () => {
    expect(
      run('read a b; echo "[$a][$b]"; read c; echo "[$c]"; read d; echo $?', 'one two three\n  spaced  \n')
        .out,
    ).toBe('[one][two three]\n[spaced]\n1\n');
  });

  it('handles backslashes unless -r', () => {
    expect(run('read -r line <<< \'a\\tb\'; echo "$line"; read line <<< \'a\\tb\'; echo "$line"').out).toBe(
      'a\\tb\natb\n',
    );
  });

  it('sets REPLY without names and prints a -p prompt on stderr', () => {
    expect(run('read -p "name? "; echo "hi $REPLY"', 'bob\n')).toMatchObject({
      out: 'hi bob\n',
      err: 'name? ',
    });
  });
});

describe('cd, pwd, type', () => {
  it('moves around and remembers OLDPWD', () => {
    expect(run('cd /tmp && pwd; cd - ; pwd; cd; pwd; echo $PWD').out).toBe(
      '/tmp\n/root\n/root\n/root\n/root\n',
    );
  });

  it('fails on missing folders and files', () => {
    const t = labShell({ '/root/file': 'x' });
    expect(t.run('cd /nope')).toMatchObject({
      status: 1,
      err: 'bash: cd: /nope: No such file or directory\n',
    });
    expect(t.run('cd file')).toMatchObject({ status: 1, err: 'bash: cd: file: Not a directory\n' });
  });

  it('says what a name is', () => {
    const t = labShell();
    t.lab.withProgram(
      'client',
      'ipvsadm',
      simple(() => 0),
    );
    expect(t.run('type echo if cd ipvsadm cat; f() { :; }; type f; which ipvsadm cat').out).toBe(
      'echo is a shell builtin\nif is a shell keyword\ncd is a shell builtin\nipvsadm is /usr/sbin/ipvsadm\n' +
        'cat is /usr/bin/cat\nf is a function\n/usr/sbin/ipvsadm\n/usr/bin/cat\n',
    );
    expect(t.run('type nope')).toMatchObject({ status: 1, err: 'bash: type: nope: not found\n' });
    expect(t.run('command -v ipvsadm echo nope; echo $?').out).toBe('/usr/sbin/ipvsadm\necho\n1\n');
    expect(t.run('/usr/sbin/ipvsadm; echo $?').out).toBe('0\n');
  });
});

describe('source and bash -c', () => {
  it('sources a file into this shell, with return', () => {
    const t = labShell({ '/root/lib.sh': 'greet() { echo "hi $1"; }\nV=7\nreturn 4\necho never\n' });
    expect(t.run('. lib.sh; echo $?; greet you; echo $V').out).toBe('4\nhi you\n7\n');
  });

  it('runs bash -c with $0 and arguments in a child shell', () => {
    const t = labShell();
    expect(t.run("x=1; bash -c 'echo $0 $1 ${x:-unset}; exit 3' zero one; echo $?").out).toBe(
      'zero one unset\n3\n',
    );
    expect(t.run('bash -c nosuch').err).toBe('bash: line 1: nosuch: command not found\n');
  });

  it('runs a script from standard input', () => {
    expect(run('echo "echo from stdin" | bash').out).toBe('from stdin\n');
  });

  it('traces a script with bash -x', () => {
    const t = labShell({ '/root/s.sh': 'x=1\necho $x\n' });
    expect(t.run('bash -x s.sh')).toMatchObject({ out: '1\n', err: '+ x=1\n+ echo 1\n' });
  });
});
