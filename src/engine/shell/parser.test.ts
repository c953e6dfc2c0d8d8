import { describe, expect, it } from 'vitest';
import type { List, SimpleCommand } from './ast';
import { ShellSyntaxError } from './errors';
import { Parser } from './parser';
import { isCompleteSource } from './shell';

function parseAll(src: string): List[] {
  const p = new Parser(src);
  const out: List[] = [];
  for (let l = p.parseCompleteCommand(); l; l = p.parseCompleteCommand()) out.push(l);
  return out;
}

function firstSimple(src: string): SimpleCommand {
  const cmd = parseAll(src)[0]?.items[0]?.andor.first.commands[0];
  if (cmd?.type !== 'simple') throw new Error('not a simple command');
  return cmd;
}

function syntaxError(src: string): ShellSyntaxError {
  try {
    parseAll(src);
  } catch (e) {
    if (e instanceof ShellSyntaxError) return e;
    throw e;
  }
  throw new Error(`no syntax error in ${JSON.stringify(src)}`);
}

describe('parser', () => {
  it('splits a line into and-or lists, pipelines and commands', () => {
    const [list] = parseAll('a | b && c || ! d; e');
    expect(list?.items).toHaveLength(2);
    const ao = list?.items[0]?.andor;
    expect(ao?.first.commands).toHaveLength(2);
    expect(ao?.rest.map((r) => r.op)).toEqual(['&&', '||']);
    expect(ao?.rest[1]?.pipeline.negated).toBe(true);
  });

  it('returns one command line at a time', () => {
    expect(parseAll('echo a\n\n# comment\necho b\n')).toHaveLength(2);
  });

  it('separates prefix assignments, words and redirections', () => {
    const c = firstSimple('A=1 B+=2 cmd x 2>&1 >out y');
    expect(c.assigns.map((a) => [a.name, a.append])).toEqual([
      ['A', false],
      ['B', true],
    ]);
    expect(c.words.map((w) => w.raw)).toEqual(['cmd', 'x', 'y']);
    expect(c.redirects.map((r) => [r.op, r.fd, r.target.raw])).toEqual([
      ['>&', 2, '1'],
      ['>', undefined, 'out'],
    ]);
  });

  it('treats keywords as words outside command position', () => {
    expect(firstSimple('echo if then done esac').words.map((w) => w.raw)).toEqual([
      'echo',
      'if',
      'then',
      'done',
      'esac',
    ]);
  });

  it('parses the compound commands', () => {
    const kinds = parseAll(
      'if a; then b; elif c; then d; else e; fi\nwhile a; do b; done\nuntil a; do b; done\nfor i in 1 2; do b; done\n' +
        'for ((i=0;i<2;i++)); do b; done\ncase x in a|b) c;; *) d;& e) f;;& esac\n{ a; }\n( a )\n((1+1))\nf() { a; }\nfunction g { a; }',
    ).map((l) => {
      const c = l.items[0]?.andor.first.commands[0];
      return c?.type === 'compound' ? c.body.type : c?.type;
    });
    expect(kinds).toEqual([
      'if',
      'while',
      'until',
      'for',
      'arithfor',
      'case',
      'group',
      'subshell',
      'arith',
      'function',
      'function',
    ]);
  });

  it('reads case items with alternatives and all three terminators', () => {
    const c = parseAll('case $1 in\n(start|go) echo s ;;\nstop) ;&\n*) echo u ;;&\nesac')[0]?.items[0]?.andor
      .first.commands[0];
    if (c?.type !== 'compound' || c.body.type !== 'case') throw new Error('no case');
    expect(
      c.body.items.map((i) => [i.patterns.map((p) => p.raw), i.terminator, i.body.items.length]),
    ).toEqual([
      [['start', 'go'], ';;', 1],
      [['stop'], ';&', 0],
      [['*'], ';;&', 1],
    ]);
  });

  it('reads heredoc bodies after the line that opens them', () => {
    const c = firstSimple("cat > f <<'EOF'\n$x `y`\nEOF\n");
    expect(c.redirects[1]?.heredoc).toMatchObject({ quoted: true, body: { raw: '$x `y`\n' } });
    const d = firstSimple('cat <<-END\n\t\tindented $x\n\tEND\n');
    expect(d.redirects[0]?.heredoc?.quoted).toBe(false);
    expect(d.redirects[0]?.heredoc?.body.raw).toBe('indented $x\n');
  });

  it('reads two heredocs on one line in order', () => {
    const c = firstSimple('cmd <<A <<B\na\nA\nb\nB\n');
    expect(c.redirects.map((r) => r.heredoc?.body.raw)).toEqual(['a\n', 'b\n']);
  });

  it('reports syntax errors as bash words them', () => {
    expect(syntaxError('done').message).toBe("syntax error near unexpected token `done'");
    expect(syntaxError('echo a; ; b').message).toBe("syntax error near unexpected token `;'");
    expect(syntaxError('echo >\n').message).toBe("syntax error near unexpected token `newline'");
    expect(syntaxError('if true; then fi').message).toBe("syntax error near unexpected token `fi'");
    expect(syntaxError('echo )').message).toBe("syntax error near unexpected token `)'");
    expect(syntaxError('echo $(echo(x+1))').message).toBe("syntax error near unexpected token `x+1'");
    expect(syntaxError('echo $(for x in a)').message).toBe("syntax error near unexpected token `)'");
  });

  it('marks errors that more input would fix as incomplete', () => {
    expect(syntaxError("echo 'abc")).toMatchObject({
      incomplete: true,
      message: "unexpected EOF while looking for matching `''",
    });
    expect(syntaxError('echo "abc').message).toBe('unexpected EOF while looking for matching `"\'');
    expect(syntaxError('echo `abc').message).toBe("unexpected EOF while looking for matching ``'");
    expect(syntaxError('echo $(abc').message).toBe("unexpected EOF while looking for matching `)'");
    expect(syntaxError('echo ${abc').message).toBe("unexpected EOF while looking for matching `}'");
    expect(syntaxError('for i in 1; do')).toMatchObject({
      incomplete: true,
      message: 'syntax error: unexpected end of file',
    });
    expect(syntaxError('done').incomplete).toBe(false);
  });

  it('keeps line numbers for messages', () => {
    expect(syntaxError('echo a\necho b\nfi').line).toBe(3);
    const [, second] = parseAll('echo a\n\necho b');
    const cmd = second?.items[0]?.andor.first.commands[0];
    expect(cmd?.type === 'simple' && cmd.line).toBe(3);
  });
});

describe('isComplete', () => {
  it.each([
    ['echo hello', true],
    ['', true],
    ['# just a comment', true],
    ["echo 'open", false],
    ['echo "open', false],
    ['echo $(date', false],
    ['echo `date', false],
    ['for i in 1 2 3', false],
    ['for i in 1 2 3; do', false],
    ['for i in 1 2 3; do echo $i', false],
    ['for i in 1 2 3; do echo $i; done', true],
    ['while true;do curl 172.16.132.18 ; sleep 0.5 ; done', true],
    ['while true', false],
    ['if true; then', false],
    ['if true; then echo; else', false],
    ['if true; then echo; fi', true],
    ['case $1 in', false],
    ['case $1 in\nstart)\n    echo a\n    ;;', false],
    ['case $1 in\nstart)\n    echo a\n    ;;\nesac', true],
    ['{ echo a', false],
    ['{ echo a; }', true],
    ['( echo a', false],
    ['f() {', false],
    ['echo a &&', false],
    ['echo a ||', false],
    ['echo a |', false],
    ['echo a \\', false],
    ['echo a \\\\', true],
    ['echo >', true],
    ['echo a; ;', true],
    ["cat > f <<'EOF'", false],
    ["cat > f <<'EOF'\n#!/bin/bash\necho hi", false],
    ["cat > f <<'EOF'\n#!/bin/bash\necho hi\nEOF", true],
    ['cat <<-EOF\n\tbody\n\tEOF', true],
    ['done', true],
    ['echo )', true],
    ["echo 'it''s'", true],
  ])('%j → %s', (src, complete) => {
    expect(isCompleteSource(src)).toBe(complete);
  });

  it('accepts the seed script typed line by line only once it is whole', () => {
    const lines = [
      'case $1 in',
      'start)',
      '    echo 1 > /proc/sys/net/ipv4/conf/all/arp_ignore',
      '    ;;',
      '*)',
      '    echo "Usage: $(basename $0) start|stop"',
      '    exit 1',
      '    ;;',
      'esac',
    ];
    const verdicts = lines.map((_, i) => isCompleteSource(lines.slice(0, i + 1).join('\n')));
    expect(verdicts).toEqual([false, false, false, false, false, false, false, false, true]);
  });
});
