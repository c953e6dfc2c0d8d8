import { describe, expect, it } from 'vitest';
import { TestLab } from '../../testing/testLab';
import { applyMode } from './files';
import { breToJs } from './grep';
import { parseInterval } from './sleep';

/** A lab host with two small files in root's home, where the shell starts. */
function run(src: string) {
  const lab = new TestLab('nat');
  const h = lab.host('rs1');
  h.files.set('/root/a.txt', 'l1\nl2\nl3\n');
  h.files.set('/root/b.txt', 'x\n');
  return lab.sh('rs1', src);
}

describe('text filters', () => {
  it.each([
    ['cat a.txt b.txt; cat < b.txt; echo piped | cat - b.txt', 'l1\nl2\nl3\nx\nx\npiped\nx\n'],
    ['cat -n b.txt', '     1\tx\n'],
    [
      'seq 3; seq 2 4; seq 1 2 7; seq -s, 3; seq 5 -1 3; seq -w 8 10',
      '1\n2\n3\n2\n3\n4\n1\n3\n5\n7\n1,2,3\n5\n4\n3\n08\n09\n10\n',
    ],
    ['seq 0.5 0.5 1.5', '0.5\n1.0\n1.5\n'],
    [
      'echo "a b c" | wc -w; printf "x\\ny\\n" | wc -l; echo hello | wc -c; echo hi | wc; wc a.txt; wc -l a.txt b.txt',
      '3\n2\n6\n      1       1       3\n3 3 9 a.txt\n 3 a.txt\n 1 b.txt\n 4 total\n',
    ],
    [
      "printf 'b\\na\\nc\\n' | sort; printf '3\\n10\\n2\\n' | sort -n; printf 'b\\na\\n' | sort -r",
      'a\nb\nc\n2\n3\n10\nb\na\n',
    ],
    ["printf 'a\\na\\nb\\n' | uniq; printf 'a\\na\\nb\\n' | uniq -c", 'a\nb\n      2 a\n      1 b\n'],
    [
      "printf 'a:b:c\\n' | cut -d: -f2; printf 'abcdef\\n' | cut -c2-4; echo hello | tr a-z A-Z; echo hello | tr -d l",
      'b\nbcd\nHELLO\nheo\n',
    ],
    ['head -2 a.txt; tail -n 1 a.txt; tail -n +2 a.txt; head -c 2 a.txt; echo', 'l1\nl2\nl3\nl2\nl3\nl1\n'],
    [
      "printf 'foo\\nbar\\nbaz\\n' | grep ba; printf 'foo\\nbar\\n' | grep -v foo; printf 'foo\\nbar\\n' | grep -c o",
      'bar\nbaz\nbar\n1\n',
    ],
    [
      "printf 'Foo\\n' | grep -i foo; printf 'a1\\nb2\\n' | grep -n '[0-9]'; grep -H l2 a.txt; grep -l x a.txt b.txt",
      'Foo\n1:a1\n2:b2\na.txt:l2\nb.txt\n',
    ],
    [
      "printf 'ab\\nabab\\n' | grep -E '(ab){2}'; printf 'a(b\\n' | grep 'a(b'; printf 'word words\\n' | grep -ow word",
      'abab\na(b\nword\n',
    ],
    ['echo hi | tee /tmp/t1 | cat; cat /tmp/t1', 'hi\nhi\n'],
  ])('%s', (src, expected) => {
    expect(run(src).out).toBe(expected);
  });

  it('reports missing files and bad operands like GNU', () => {
    expect(run('cat nope a.txt')).toMatchObject({
      status: 1,
      out: 'l1\nl2\nl3\n',
      err: 'cat: nope: No such file or directory\n',
    });
    expect(run('seq')).toMatchObject({
      status: 1,
      err: "seq: missing operand\nTry 'seq --help' for more information.\n",
    });
    expect(run('grep x nope; echo $?').out).toBe('2\n');
    expect(run('printf "a\\n" | grep -q a && echo quiet').out).toBe('quiet\n');
  });
});

describe('sleep', () => {
  it('accepts fractions and suffixes', () => {
    expect([
      parseInterval('0.5'),
      parseInterval('2s'),
      parseInterval('1m'),
      parseInterval('.5h'),
      parseInterval('1d'),
    ]).toEqual([500_000, 2_000_000, 60_000_000, 1_800_000_000, 86_400_000_000]);
    expect(parseInterval('x')).toBeUndefined();
    expect(parseInterval('1x')).toBeUndefined();
  });

  it('fails on invalid intervals like coreutils', () => {
    const bad = run('sleep x');
    expect(bad).toMatchObject({
      status: 1,
      err: "sleep: invalid time interval 'x'\nTry 'sleep --help' for more information.\n",
    });
    // Only the process start passed, no sleeping.
    expect(bad.tookUs).toBeLessThan(1100);
    expect(run('sleep')).toMatchObject({
      status: 1,
      err: "sleep: missing operand\nTry 'sleep --help' for more information.\n",
    });
  });
});

describe('names and files', () => {
  it.each([
    [
      'basename /a/b.sh .sh; basename -s .sh x.sh y.sh; basename /; basename a/b/; dirname /a/b; dirname a; dirname /',
      'b\nx\ny\n/\nb\n/a\n.\n/\n',
    ],
    ['hostname; echo "<h1>`hostname`</h1>"', 'rs1\n<h1>rs1</h1>\n'],
    ['mkdir -p /tmp/d/e; ls /tmp/d; touch /tmp/d/f; ls /tmp/d; rm /tmp/d/f; ls /tmp/d', 'e\ne  f\ne\n'],
    [
      'mkdir /tmp/m; rm -r /tmp/m; ls -d /tmp/m 2>&1; echo $?',
      "ls: cannot access '/tmp/m': No such file or directory\n2\n",
    ],
    [
      'chmod 755 a.txt; ls -l a.txt; chmod a-x,u+w a.txt; ls -l a.txt',
      '-rwxr-xr-x 1 root root     9 Jan  1 00:00 a.txt\n-rw-r--r-- 1 root root     9 Jan  1 00:00 a.txt\n',
    ],
  ])('%s', (src, expected) => {
    expect(run(src).out).toBe(expected);
  });

  it('reports failures with GNU wording', () => {
    expect(run('mkdir /nope/x').err).toBe(
      "mkdir: cannot create directory '/nope/x': No such file or directory\n",
    );
    expect(run('mkdir /tmp').err).toBe("mkdir: cannot create directory '/tmp': File exists\n");
    expect(run('rm nofile').err).toBe("rm: cannot remove 'nofile': No such file or directory\n");
    expect(run('rm /tmp').err).toBe("rm: cannot remove '/tmp': Is a directory\n");
    expect(run('touch /nope/x').err).toBe("touch: cannot touch '/nope/x': No such file or directory\n");
    expect(run('chmod +x nofile').err).toBe("chmod: cannot access 'nofile': No such file or directory\n");
    expect(run('rm -f nofile; echo $?').out).toBe('0\n');
  });

  it('computes modes', () => {
    expect(applyMode('+x', 0o644, false)).toBe(0o755);
    expect(applyMode('u+x', 0o644, false)).toBe(0o744);
    expect(applyMode('go-r', 0o644, false)).toBe(0o600);
    expect(applyMode('a=r', 0o755, false)).toBe(0o444);
    expect(applyMode('0700', 0o644, false)).toBe(0o700);
    expect(applyMode('zz', 0o644, false)).toBeUndefined();
  });

  it('translates basic regular expressions', () => {
    expect(breToJs('a\\(b\\)\\{2\\}')).toBe('a(b){2}');
    expect(breToJs('a(b)+')).toBe('a\\(b\\)\\+');
  });
});
