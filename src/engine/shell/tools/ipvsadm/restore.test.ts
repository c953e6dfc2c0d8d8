/** -R / ipvsadm-restore: one argument list per stdin line (ipvsadm's config_stream.c). */
import { describe, expect, test } from 'vitest';
import { Director } from '../../../testing/director';
import { configStreamLines } from './restore';

const SAVED =
  '-A -t 192.168.0.100:80 -s rr\n' +
  '-a -t 192.168.0.100:80 -r 10.0.0.11:80 -m -w 1\n' +
  '-a -t 192.168.0.100:80 -r 10.0.0.12:8080 -m -w 2\n' +
  '-A -u 192.168.0.100:53 -s wlc -p 360\n' +
  '-a -u 192.168.0.100:53 -r 10.0.0.21:53 -g -w 1\n';

describe('the stdin tokenizer (config_stream_read)', () => {
  test('words split on blanks; ipvsadm words dropped anywhere; empty lines give no words', () => {
    expect(configStreamLines('ipvsadm -A  -t\t1.1.1.1:80\r\n\n  \n-C ipvsadm\n', 'p')).toEqual([
      ['p', '-A', '-t', '1.1.1.1:80'],
      ['p'],
      ['p'],
      ['p', '-C'],
    ]);
  });
  test("'#' starts no comment: ipvsadm only ever checks the blank after a word", () => {
    expect(configStreamLines('# saved\n-C # flush\n', 'p')).toEqual([
      ['p', '#', 'saved'],
      ['p', '-C', '#', 'flush'],
    ]);
  });
  test('a last line without newline counts; one ending in blanks at end of input is lost', () => {
    expect(configStreamLines('-C\n-L', 'p')).toEqual([
      ['p', '-C'],
      ['p', '-L'],
    ]);
    expect(configStreamLines('-C\n-L  ', 'p')).toEqual([['p', '-C']]);
  });
});

describe('ipvsadm -R', () => {
  test('restores what -S saved', () => {
    const d = new Director();
    expect(d.ipvsadm('-R', SAVED)).toEqual({ code: 0, out: '', err: '' });
    expect(d.ipvsadm('-Sn').out).toBe(SAVED);
  });

  test('a kernel error is printed and the restore goes on; the status is the last line’s', () => {
    const d = new Director().setup('-A -t 192.168.0.100:80 -s wrr');
    const r = d.ipvsadm('-R', SAVED);
    expect(r).toEqual({ code: 0, out: '', err: 'Service already exists\n' });
    expect(d.ipvsadm('-Sn').out).toBe(SAVED.replace('-s rr', '-s wrr'));
    const last = d.ipvsadm('-R', '-C\n-D -t 1.1.1.1:80\n');
    expect(last).toEqual({ code: 255, out: '', err: 'No such service\n' });
  });

  test('a line failing ipvsadm’s checks aborts the whole restore with exit 2', () => {
    const d = new Director();
    const r = d.ipvsadm('-R', '-A -t 10.0.0.1:80\n-A -t 10.0.0.2\n-A -t 10.0.0.3:80\n');
    expect(r).toEqual({ code: 2, out: '', err: 'Zero port specified for non-persistent service\n' });
    expect(d.ipvsadm('-Sn').out).toBe('-A -t 10.0.0.1:80 -s wlc\n');
  });

  test('a comment line ends the restore with the Try hint (exit 255)', () => {
    const d = new Director();
    const r = d.ipvsadm('-R', '-A -t 10.0.0.1:80\n# by hand\n-A -t 10.0.0.3:80\n');
    expect(r.code).toBe(255);
    expect(r.err).toBe("Try `ipvsadm -h' or 'ipvsadm --help' for more information.\n");
    expect(d.ipvsadm('-Sn').out).toBe('-A -t 10.0.0.1:80 -s wlc\n');
  });

  test('an unknown option in a line is reported and the restore goes on', () => {
    const d = new Director();
    const r = d.ipvsadm('-R', '-A -t 10.0.0.1:80 --bogus\n-A -t 10.0.0.2:80\n');
    expect(r).toEqual({ code: 0, out: '', err: '--bogus: unknown option\n' });
    expect(d.ipvsadm('-Sn').out).toBe('-A -t 10.0.0.2:80 -s wlc\n');
  });

  test('-L inside a restore lists; -R inside a restore is refused', () => {
    const d = new Director();
    const r = d.ipvsadm('-R', '-A -t 10.0.0.1:80\n-L -n --timeout\n-R\n-A -t 10.0.0.2:80\n');
    expect(r).toEqual({
      code: 255,
      out: 'Timeout (tcp tcpfin udp): 900 120 300\n',
      err: "Try `ipvsadm -h' or 'ipvsadm --help' for more information.\n",
    });
  });

  test('-R takes no options', () => {
    expect(new Director().ipvsadm('-R -n', SAVED)).toEqual({
      code: 2,
      out: '',
      err: "Illegal 'numeric' option with the 'restore' command\n",
    });
  });
});

describe('ipvsadm-restore', () => {
  test('reads stdin like ipvsadm -R', () => {
    const d = new Director();
    expect(d.restore(SAVED)).toEqual({ code: 0, out: '', err: '' });
    expect(d.save('-n').out).toBe(SAVED);
  });

  test('it does not clear the table first (the script is just `ipvsadm -R`)', () => {
    const d = new Director().setup('-A -u 10.9.9.9:53');
    const r = d.restore('-A -u 10.9.9.9:53\n');
    expect(r).toEqual({ code: 255, out: '', err: 'Service already exists\n' });
  });
});
