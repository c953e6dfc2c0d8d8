import { describe, expect, test } from 'vitest';
import { applyInput, emptyLine } from './lineEditor';

const type = (text: string, history: string[] = []) => applyInput(emptyLine(history.length), text, history);

describe('lineEditor', () => {
  test('typing and Enter submits the line', () => {
    const r = type('ipvsadm -Ln\r');
    expect(r.actions.filter((a) => a.kind === 'submit')).toEqual([{ kind: 'submit', line: 'ipvsadm -Ln' }]);
    expect(r.state.buffer).toBe('');
  });

  test('Enter with the cursor inside the line moves it to the end first, so output starts below the line', () => {
    const moved = type('ipvsadm -Ln\x1b[D\x1b[D\r');
    const i = moved.actions.findIndex((a) => a.kind === 'submit');
    expect(moved.actions[i]).toEqual({ kind: 'submit', line: 'ipvsadm -Ln' });
    const echo = moved.actions[i - 1]!;
    // Drawn again from its start and left with the cursor after its last character.
    expect(echo.kind === 'echo' && echo.text.endsWith('ipvsadm -Ln\x1b[K')).toBe(true);
    // At the end already: nothing to move.
    const r = type('ls\r');
    expect(r.actions.filter((a) => a.kind === 'echo')).toHaveLength(2);
  });

  test('backspace, left arrow and insert edit in place', () => {
    const r = type('ipvsadm -Lm\x7fn\x1b[D\x1b[D\x1b[Dx');
    expect(r.state.buffer).toBe('ipvsadm x-Ln');
  });

  test('↑ and ↓ walk the history', () => {
    const h = ['curl -s 172.16.132.18', 'ipvsadm -Ln'];
    let s = emptyLine(h.length);
    s = applyInput(s, '\x1b[A', h).state;
    expect(s.buffer).toBe('ipvsadm -Ln');
    s = applyInput(s, '\x1b[A', h).state;
    expect(s.buffer).toBe('curl -s 172.16.132.18');
    s = applyInput(s, '\x1b[B', h).state;
    expect(s.buffer).toBe('ipvsadm -Ln');
  });

  test('Ctrl-C drops the line; a multi-line paste submits each line', () => {
    expect(type('abc\x03').actions.some((a) => a.kind === 'interrupt')).toBe(true);
    const r = type('sysctl -a\r\nip neigh\n');
    expect(
      r.actions.filter((a) => a.kind === 'submit').map((a) => (a.kind === 'submit' ? a.line : '')),
    ).toEqual(['sysctl -a', 'ip neigh']);
  });
});
