import { describe, expect, test } from 'vitest';
import { LabRuntime } from '../runtime/labRuntime';

describe('large files made with dd, fallocate and head -c', () => {
  test('served with their Content-Length, in ceil(size / 1448) data segments', () => {
    const rt = LabRuntime.create('dr');
    for (const rs of ['rs1', 'rs2']) {
      expect(
        rt.exec({ host: rs, command: 'dd if=/dev/zero of=/var/www/html/big bs=1M count=1' }).stderr,
      ).toMatch(/^1\+0 records in\n1\+0 records out\n1048576 bytes \(1\.0 MB\) copied, /);
      expect(rt.exec({ host: rs, command: 'fallocate -l 100K /var/www/html/f' }).exit).toBe(0);
      expect(rt.exec({ host: rs, command: 'head -c 5000 /var/www/html/big > /var/www/html/h' }).exit).toBe(0);
    }
    const from = rt.trace.length;
    const r = rt.exec({
      host: 'client',
      command: "curl -s -o /dev/null -w '%{http_code} %{size_download}' 192.168.99.188/big",
    });
    expect(r.stdout).toBe('200 1048576');
    const data = rt.trace
      .slice(from)
      .filter((e) => e.kind === 'frame.tx' && (e.host === 'rs1' || e.host === 'rs2'))
      .map(
        (e) =>
          (e as unknown as { eth: { payload: { payload?: { data?: string } } } }).eth.payload.payload?.data ??
          '',
      )
      .filter((d) => d !== '');
    // The first segment carries the headers too; the body alone needs ceil(1048576 / 1448) = 725.
    expect(data.length).toBeGreaterThanOrEqual(725);
    expect(data.length).toBeLessThanOrEqual(726);
    expect(rt.exec({ host: 'client', command: 'curl -sI 192.168.99.188/f' }).stdout).toContain(
      'Content-Length: 102400\r\n',
    );
    expect(rt.exec({ host: 'client', command: 'curl -sI 192.168.99.188/h' }).stdout).toContain(
      'Content-Length: 5000\r\n',
    );
  });

  test('a body of many segments arrives whole and in order; a one-segment body as it was sent', () => {
    const rt = LabRuntime.create('dr');
    for (const rs of ['rs1', 'rs2'])
      expect(rt.exec({ host: rs, command: 'seq 1 3000 > /var/www/html/n' }).exit).toBe(0);
    const want = rt.exec({ host: 'rs1', command: 'cat /var/www/html/n' }).stdout;
    expect(want.length).toBeGreaterThan(4 * 1448);
    expect(rt.exec({ host: 'client', command: 'curl -s 192.168.99.188/n' }).stdout).toBe(want);
    expect(rt.exec({ host: 'client', command: 'curl -s 192.168.99.188' }).stdout).toMatch(/^rs[12]\n$/);
    expect(rt.exec({ host: 'client', command: 'curl -s 192.168.99.188/n' }).stdout).toBe(want);
  });

  test('bad operands fail as the real tools do', () => {
    const rt = LabRuntime.create('nat');
    expect(rt.exec({ host: 'client', command: 'dd bogus' })).toMatchObject({
      exit: 1,
      stderr: "dd: unrecognized operand 'bogus'\nTry 'dd --help' for more information.\n",
    });
    expect(rt.exec({ host: 'client', command: 'dd if=/dev/zero of=/tmp/x bs=1G count=1' }).stderr).toBe(
      "dd: error writing '/tmp/x': No space left on device\n",
    );
    expect(rt.exec({ host: 'client', command: 'fallocate -l 1x /tmp/y' }).stderr).toBe(
      'fallocate: invalid length value specified\n',
    );
  });
});
