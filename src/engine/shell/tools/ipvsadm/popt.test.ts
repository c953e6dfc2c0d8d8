/** The libpopt behaviour ipvsadm's command line depends on. */
import { describe, expect, test } from 'vitest';
import type { PoptEvent } from './popt';
import { Popt } from './popt';

/** Every event as `tag[=arg]`, `!CODE(badOption)` or leftover words at the end. */
function events(...words: string[]): string[] {
  const p = new Popt(['ipvsadm', ...words]);
  const out: string[] = [];
  for (let ev: PoptEvent = p.getNextOpt(); ev.kind !== 'end'; ev = p.getNextOpt()) {
    if (ev.kind === 'error') {
      out.push(`!${ev.code}(${p.badOption()})`);
      break;
    }
    out.push(ev.arg === undefined ? ev.opt.tag : `${ev.opt.tag}=${ev.arg}`);
  }
  for (let a = p.getArg(); a !== undefined; a = p.getArg()) out.push(`arg:${a}`);
  return out;
}

describe('popt', () => {
  test('bundled short options and attached arguments', () => {
    expect(events('-Ln')).toEqual(['L', 'n']);
    expect(events('-lnc')).toEqual(['l', 'n', 'c']);
    expect(events('-At1.2.3.4:80', '-sr')).toEqual(['A', 't=1.2.3.4:80', 's=r']);
    expect(events('-at', '1.2.3.4:80', '-mw3')).toEqual(['a', 't=1.2.3.4:80', 'm', 'w=3']);
  });
  test('long options with a separate or an = argument', () => {
    expect(events('--list', '--tcp-service=1.2.3.4:80', '--scheduler', 'rr')).toEqual([
      'L',
      't=1.2.3.4:80',
      's=rr',
    ]);
  });
  test('-p: an optional argument, taken unless the next word starts with -', () => {
    expect(events('-A', '-p', '600')).toEqual(['A', 'p=600']);
    expect(events('-A', '-p', '-s', 'rr')).toEqual(['A', 'p', 's=rr']);
    expect(events('-A', '-p')).toEqual(['A', 'p']);
    expect(events('-A', '-p600', '-p=60', '--persistent=5')).toEqual(['A', 'p=600', 'p=60', 'p=5']);
  });
  test('a required argument is the next word whatever it looks like', () => {
    expect(events('-A', '-t', '-s', 'rr')).toEqual(['A', 't=-s', 'arg:rr']);
  });
  test('one = after a short option is skipped', () => {
    expect(events('-L=n')).toEqual(['L', 'n']);
    expect(events('-L=')).toEqual(['L', '!BADOPT(-L=)']);
  });
  test('errors name the whole word', () => {
    expect(events('-Lq')).toEqual(['L', '!BADOPT(-Lq)']);
    expect(events('--lis')).toEqual(['!BADOPT(--lis)']);
    expect(events('-A', '-t')).toEqual(['A', '!NOARG(-t)']);
    // A single dash never names a long option: -list is -l -i -s t.
    expect(events('-list')).toEqual(['l', 'i', 's=t']);
  });
  test('leftovers: plain words, a lone -, everything after --', () => {
    expect(events('x', '-L', '-', '--', '-n', 'y')).toEqual(['L', 'arg:x', 'arg:-', 'arg:-n', 'arg:y']);
  });
});
