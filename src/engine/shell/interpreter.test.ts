import { describe, expect, it } from 'vitest';
import { driveBareShell } from '../testing/bareShell';
import { TestLab } from '../testing/testLab';

/** The real server rs1 of a fresh DR lab, with `files` written first; `run` types a line there. */
function labShell(files: Record<string, string> = {}) {
  const lab = new TestLab('dr');
  for (const [path, text] of Object.entries(files)) lab.writeFile('rs1', path, text);
  return {
    lab,
    run: (src: string, o: { interruptAfterUs?: number } = {}) => lab.sh('rs1', src, o),
    read: (path: string) => lab.ok('rs1', ['cat', path]),
  };
}

const SEC = 1_000_000;

function run(src: string) {
  return labShell().run(src);
}

describe('control flow', () => {
  it.each([
    ['i=0; while [ $i -lt 3 ]; do echo $i; i=$((i+1)); done', '0\n1\n2\n'],
    ['i=0; until [ $i -ge 3 ]; do echo $i; ((i++)); done', '0\n1\n2\n'],
    ['for ((i=0;i<3;i++)); do echo $i; done', '0\n1\n2\n'],
    ['for i in 1 2 3 4 5; do [ $i -eq 2 ] && continue; [ $i -eq 4 ] && break; echo $i; done', '1\n3\n'],
    ['for i in a b; do for j in 1 2; do [ $j = 2 ] && continue 2; echo $i$j; done; done', 'a1\nb1\n'],
    ['for i in 1 2 3; do for j in a b; do break 2; done; echo inner; done; echo out=$i$j', 'out=1a\n'],
    ['for i in; do echo never; done; echo after; for i in 1 2; do :; done; echo $i', 'after\n2\n'],
    ['if false; then echo t; elif true; then echo elif; else echo else; fi', 'elif\n'],
    [
      'true && echo yes || echo no; false && echo yes || echo no; ! false; echo $?; ! ! true; echo $?',
      'yes\nno\n0\n0\n',
    ],
    ['x=5; [ $x -gt 3 ] && { echo big; echo really; }', 'big\nreally\n'],
    ['i=0; while :; do i=$((i+1)); [ $i -ge 5 ] && break; done; echo $i', '5\n'],
    ['set -- a b c; for x; do echo $x; done', 'a\nb\nc\n'],
  ])('%s', (src, expected) => {
    expect(run(src).out).toBe(expected);
  });

  it('accepts multi-line constructs as typed at a terminal', () => {
    const src =
      'a=1; if [ $a = 1 ]\nthen\n  echo multi\nfi\nfor i in 1 2\ndo\n  echo $i\ndone\necho a &&\necho b ||\necho c\necho x |\ntr x y';
    expect(run(src).out).toBe('multi\n1\n2\na\nb\ny\n');
  });

  it('complains about break and return outside loops and functions', () => {
    expect(run('break; echo $?')).toMatchObject({
      out: '0\n',
      err: "bash: break: only meaningful in a `for', `while', or `until' loop\n",
    });
    expect(run('return; echo $?')).toMatchObject({
      out: '2\n',
      err: "bash: return: can only `return' from a function or sourced script\n",
    });
  });
});

describe('case', () => {
  it.each([
    ['case abc in a*) echo A;; *) echo B;; esac', 'A\n'],
    [
      'case x in [a-z]) echo L;; esac; case 5 in [!0-9]) echo no;; [[:digit:]]) echo digit;; esac',
      'L\ndigit\n',
    ],
    ["case '*' in \"*\") echo star;; esac; case x in '*') echo no;; ?) echo one;; esac", 'star\none\n'],
    ['case foo in bar|foo) echo hit;& baz) echo fall;; qux) echo no;; esac', 'hit\nfall\n'],
    ['case a in a) echo 1;;& a) echo 2;; a) echo 3;; esac', '1\n2\n'],
    ['x="a*b"; case $x in "a*b") echo q;; esac; case aXb in $x) echo g;; esac', 'q\ng\n'],
    ['case stop in start) echo s;; stop) ;; esac; echo $?', '0\n'],
    ['case nothing in start) echo s;; esac; echo $?', '0\n'],
  ])('%s', (src, expected) => {
    expect(run(src).out).toBe(expected);
  });
});

describe('functions', () => {
  it.each([
    ['f() { local x=1; echo "in $x $1"; }; x=0; f arg; echo $x', 'in 1 arg\n0\n'],
    ['f() { return 3; }; f; echo $?; g() { echo g; }; g | cat', '3\ng\n'],
    ['fn() { echo "$#:$1:$2"; shift; echo "$#:$1"; }; fn a b c; echo "[$#]"', '3:a:b\n2:b\n[0]\n'],
    ['f() { echo "x=$x"; }; x=outer; x=inner f; echo $x', 'x=inner\nouter\n'],
    ['function g { echo kw; }; g; h() (echo sub; exit 3); h; echo $?', 'kw\nsub\n3\n'],
    ['f() { local a=1 b; b=2; echo $a$b; }; f; echo "[$a$b]"', '12\n[]\n'],
    ['f() { for i in 1 2 3; do [ $i = 2 ] && return 7; done; }; f; echo $? $i', '7 2\n'],
  ])('%s', (src, expected) => {
    expect(run(src).out).toBe(expected);
  });

  it('stops runaway recursion', () => {
    expect(run('f() { f; }; f').err).toBe('bash: f: maximum function nesting level exceeded (200)\n');
  });
});

describe('pipelines, subshells and redirections', () => {
  it.each([
    ['echo a | cat; echo b | { read x; echo "got $x"; }', 'a\ngot b\n'],
    ['x=1; echo 2 | read x; echo $x', '1\n'],
    ['{ echo a; echo b; } | wc -l', '2\n'],
    ['(x=5; echo $x); echo ${x:-unset}', '5\nunset\n'],
    ['(echo sub; exit 4); echo $?', 'sub\n4\n'],
    ['echo hi > /tmp/f; cat /tmp/f; echo more >> /tmp/f; cat /tmp/f; wc -l < /tmp/f', 'hi\nhi\nmore\n2\n'],
    ['echo one >&2 2>/dev/null; echo two 2>&1 >/dev/null', ''],
    ['{ echo out; echo err >&2; } 2>&1 | cat', 'out\nerr\n'],
    ['{ echo out; echo err >&2; } |& cat', 'out\nerr\n'],
    ['echo x &>/tmp/both; cat /tmp/both; : > /tmp/both; cat /tmp/both; echo end', 'x\nend\n'],
    ['printf "k1 v1\\nk2 v2\\n" | while read k v; do echo "$k=$v"; done', 'k1=v1\nk2=v2\n'],
    ['set -o pipefail; false | true; echo $?; set +o pipefail; false | true; echo $?', '1\n0\n'],
    ['for x in a b c; do echo $x; done > /tmp/loop; cat /tmp/loop', 'a\nb\nc\n'],
    ['read a b <<< "one two three"; echo "$a|$b"', 'one|two three\n'],
  ])('%s', (src, expected) => {
    expect(run(src).out).toBe(expected);
  });

  it('keeps stderr apart from stdout', () => {
    expect(run('echo out; echo err >&2')).toMatchObject({ out: 'out\n', err: 'err\n' });
  });

  it('fails a redirection into a missing folder before running the command', () => {
    const t = labShell();
    expect(t.run('echo hi > /x/y')).toMatchObject({
      status: 1,
      out: '',
      err: 'bash: /x/y: No such file or directory\n',
    });
    expect(t.run('echo hi > /tmp')).toMatchObject({ status: 1, err: 'bash: /tmp: Is a directory\n' });
    expect(t.run('cat < /nope')).toMatchObject({
      status: 1,
      err: 'bash: /nope: No such file or directory\n',
    });
    expect(t.run('x="a b"; echo > $x')).toMatchObject({ status: 1, err: 'bash: $x: ambiguous redirect\n' });
  });

  it('reports a write error from the file system the way bash does', () => {
    const t = labShell();
    // ip_forward takes a number: the kernel refuses the write itself, after the open succeeded.
    expect(t.run('echo abc > /proc/sys/net/ipv4/ip_forward')).toMatchObject({
      status: 1,
      err: 'bash: echo: write error: Invalid argument\n',
    });
  });

  it('writes a redirected file even when the loop is interrupted', () => {
    const t = labShell();
    const r = t.run('while true; do echo tick; sleep 1; done > /tmp/log', { interruptAfterUs: 2_500_000 });
    expect(r).toMatchObject({ status: 130, interrupted: true });
    expect(t.read('/tmp/log')).toBe('tick\ntick\ntick\n');
  });
});

describe('heredocs', () => {
  it('writes a heredoc into a file and runs it as a script', () => {
    const t = labShell();
    const r = t.run(
      'cat > s.sh <<\'EOF\'\n#!/bin/bash\necho "$0 got $# args: $*"\nexit 3\nEOF\nbash s.sh start now',
    );
    expect(t.read('/root/s.sh')).toBe('#!/bin/bash\necho "$0 got $# args: $*"\nexit 3\n');
    expect(r).toMatchObject({ out: 's.sh got 2 args: start now\n', status: 3, err: '' });
  });

  it.each([
    ['x=1\ncat <<EOF\na $HOME `echo b` \\$x $x "q" \'r\' \\a\nEOF', 'a /root b $x 1 "q" \'r\' \\a\n'],
    ["cat <<'EOF'\na $HOME `echo b`\nEOF", 'a $HOME `echo b`\n'],
    ['cat <<-EOF\n\t\ttabbed\n\tEOF', 'tabbed\n'],
    ['echo before; cat <<A; cat <<B\nfirst\nA\nsecond\nB', 'before\nfirst\nsecond\n'],
    ['x=5; cat <<EOF | tr a-z A-Z\nvalue $x\nEOF', 'VALUE 5\n'],
    ['while read line; do echo "L:$line"; done <<EOF\nfirst\nsecond\nEOF', 'L:first\nL:second\n'],
  ])('%s', (src, expected) => {
    expect(run(src).out).toBe(expected);
  });

  it('warns when the input ends before the delimiter and uses what it got', () => {
    expect(run('cat <<EOF\nabc')).toMatchObject({
      out: 'abc\n',
      err: "bash: warning: here-document at line 1 delimited by end-of-file (wanted `EOF')\n",
    });
  });
});

describe('errors', () => {
  it('reports an unknown command with status 127', () => {
    expect(run('nosuchcmd -x; echo $?')).toMatchObject({
      out: '127\n',
      err: 'bash: nosuchcmd: command not found\n',
    });
    expect(run('nosuchcmd 2>/dev/null; echo $?')).toMatchObject({ out: '127\n', err: '' });
  });

  it('reports syntax errors with status 2 and runs nothing of the line', () => {
    expect(run('echo a; done')).toMatchObject({
      status: 2,
      out: '',
      err: "bash: syntax error near unexpected token `done'\n",
    });
    expect(run("echo 'abc")).toMatchObject({
      status: 2,
      err: "bash: unexpected EOF while looking for matching `''\n",
    });
    expect(run('for i in 1 2; do echo $i')).toMatchObject({
      status: 2,
      err: 'bash: syntax error: unexpected end of file\n',
    });
    expect(run('done; echo $?').status).toBe(2);
  });

  it('keeps $? of a syntax error for the next command line', () => {
    const t = labShell();
    t.run('fi');
    expect(t.run('echo $?').out).toBe('2\n');
  });

  it('prefixes messages inside a script with its name and line', () => {
    const t = labShell({ '/root/s.sh': 'echo hi\nnosuch\nfi fi\necho never\n' });
    expect(t.run('bash s.sh')).toMatchObject({
      status: 2,
      out: 'hi\n',
      err: "s.sh: line 2: nosuch: command not found\ns.sh: line 3: syntax error near unexpected token `fi'\ns.sh: line 3: `fi fi'\n",
    });
  });

  it('treats a missing script like bash', () => {
    const t = labShell();
    expect(t.run('bash nope.sh')).toMatchObject({
      status: 127,
      err: 'bash: nope.sh: No such file or directory\n',
    });
    expect(t.run('./nope.sh')).toMatchObject({
      status: 127,
      err: 'bash: ./nope.sh: No such file or directory\n',
    });
    expect(t.run('source nope.sh')).toMatchObject({
      status: 1,
      err: 'bash: nope.sh: No such file or directory\n',
    });
    expect(t.run('./')).toMatchObject({ status: 126, err: 'bash: ./: Is a directory\n' });
  });

  it('needs the executable bit for ./script', () => {
    const t = labShell({ '/root/x.sh': 'echo "run as $0 $1"\n' });
    expect(t.run('./x.sh a')).toMatchObject({ status: 126, err: 'bash: ./x.sh: Permission denied\n' });
    expect(t.run('chmod +x x.sh; ./x.sh a; /root/x.sh b')).toMatchObject({
      status: 0,
      out: 'run as ./x.sh a\nrun as /root/x.sh b\n',
    });
  });
});

describe('the interactive session', () => {
  it('keeps variables, functions, the folder and $? between command lines', () => {
    const t = labShell();
    t.run('x=41; f() { echo $((x+1)); }; cd /tmp');
    t.run('false');
    expect(t.run('echo $?; f; pwd').out).toBe('1\n42\n/tmp\n');
    expect(t.lab.shell('rs1').cwd).toBe('/tmp');
    expect(t.lab.shell('rs1').prompt()).toBe('[root@rs1 tmp]# ');
    t.run('cd');
    expect(t.lab.shell('rs1').prompt()).toBe('[root@rs1 ~]# ');
    expect(t.lab.shell('rs1').getVar('x')).toBe('41');
  });

  it('says exit on leaving and reports it', () => {
    expect(run('echo a; exit 3; echo b')).toMatchObject({ out: 'a\n', err: 'exit\n', status: 3 });
    // Whether the shell itself ended is not shown by a lab host: the bare shell reports it.
    expect(driveBareShell('echo a; exit 3; echo b', SEC)).toMatchObject({ out: 'a\n', exited: true });
    expect(run('exit 300').status).toBe(44);
    expect(run('(exit 5); echo $?')).toMatchObject({ out: '5\n' });
    expect(driveBareShell('(exit 5); echo $?', SEC)).toMatchObject({ out: '5\n', exited: false });
  });

  it('honours set -e outside conditions', () => {
    const line = 'set -e; false || true; if false; then :; fi; false && true; echo ok; false; echo never';
    expect(run(line)).toMatchObject({ out: 'ok\n', status: 1 });
    expect(driveBareShell(line, SEC)).toMatchObject({ out: 'ok\n', exited: true });
  });

  it('traces commands under set -x', () => {
    expect(run('set -x; x=1; echo $x "a b"')).toMatchObject({
      out: '1 a b\n',
      err: "+ x=1\n+ echo 1 'a b'\n",
    });
  });
});
