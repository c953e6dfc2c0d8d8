/**
 * bash's /dev/tcp and /dev/udp through the lab runner (the NAT lab's client), with the messages
 * bash 4.2/5.x print (checked against a real bash on loopback), and curl -H on the wire.
 */
import { describe, expect, test } from 'vitest';
import { LabRuntime } from '../runtime/labRuntime';

const VIP = '172.16.132.18';

function nat() {
  const rt = LabRuntime.create('nat', { seed: 4 });
  return { rt, sh: (command: string) => rt.exec({ host: 'client', command }) };
}

/** TCP payloads the client sent, joined. */
function clientTcpText(rt: LabRuntime, from: number): string {
  let text = '';
  for (const e of rt.sim.trace.slice().slice(from)) {
    if (e.kind !== 'frame.tx' || e.host !== 'client') continue;
    const ip = e.eth.payload;
    if (ip.proto === 'ipv4' && ip.payload.proto === 'tcp') text += ip.payload.data ?? '';
  }
  return text;
}

describe('/dev/tcp and /dev/udp', () => {
  test('exec 3<>/dev/tcp: write a request with printf >&3, read the answer with cat <&3, close with 3>&-', () => {
    const { sh } = nat();
    expect(sh(`exec 3<>/dev/tcp/${VIP}/80`)).toMatchObject({ exit: 0, stdout: '', stderr: '' });
    expect(sh(`printf 'GET / HTTP/1.0\\r\\n\\r\\n' >&3`).exit).toBe(0);
    const r = sh('cat <&3');
    expect(r.stdout).toMatch(/^HTTP\/1\.1 200 OK\r\n/);
    expect(r.stdout).toMatch(/\r\n\r\nrs[12]\n$/);
    expect(sh('exec 3>&-').exit).toBe(0);
    expect(sh('cat <&3')).toMatchObject({ exit: 1, stderr: 'bash: 3: Bad file descriptor\n' });
  });

  test('one line: exec, printf and cat in a single command list', () => {
    const { sh } = nat();
    const r = sh(`exec 3<>/dev/tcp/${VIP}/80; printf 'GET / HTTP/1.0\\r\\n\\r\\n' >&3; cat <&3`);
    expect(r.stdout).toContain('HTTP/1.1 200 OK');
    expect(r.stderr).toBe('');
  });

  test('a refused connection: bash’s two lines, status 1, the command does not run', () => {
    const { sh } = nat();
    expect(sh(`echo hi > /dev/tcp/${VIP}/81`)).toMatchObject({
      exit: 1,
      stdout: '',
      stderr: `bash: connect: Connection refused\nbash: /dev/tcp/${VIP}/81: Connection refused\n`,
    });
    expect(sh(`exec 4<>/dev/tcp/${VIP}/81; echo $?`).stdout).toBe('1\n');
  });

  test('an unknown host or service, an unreachable network', () => {
    const { sh } = nat();
    expect(sh('echo > /dev/tcp/nosuchhost/80').stderr).toBe(
      'bash: nosuchhost: Name or service not known\nbash: /dev/tcp/nosuchhost/80: Invalid argument\n',
    );
    expect(sh(`echo > /dev/tcp/${VIP}/xyzsvc`).stderr).toBe(
      `bash: xyzsvc: Servname not supported for ai_socktype\nbash: /dev/tcp/${VIP}/xyzsvc: Invalid argument\n`,
    );
    expect(sh('cat < /dev/tcp/10.9.9.9/80').stderr).toBe(
      'bash: connect: Network is unreachable\nbash: /dev/tcp/10.9.9.9/80: Network is unreachable\n',
    );
    // A program (not bash) sees no such file.
    expect(sh(`echo hi | tee /dev/tcp/${VIP}/80`).stderr).toContain('No such file or directory');
  });

  test('/dev/tcp/HOST/http names the port by /etc/services; output redirection sends what echo wrote', () => {
    const { rt, sh } = nat();
    const n = rt.sim.trace.slice().length;
    expect(sh(`echo 'GET / HTTP/1.0' > /dev/tcp/${VIP}/http`).exit).toBe(0);
    expect(clientTcpText(rt, n)).toBe('GET / HTTP/1.0\n');
  });

  test('/dev/udp: each write is one datagram from the bound port', () => {
    const { rt, sh } = nat();
    const n = rt.sim.trace.slice().length;
    expect(sh(`exec 5<>/dev/udp/${VIP}/53; echo one >&5; echo two >&5; exec 5>&-`).exit).toBe(0);
    const sent = rt.sim.trace
      .slice()
      .slice(n)
      .flatMap((e) =>
        e.kind === 'frame.tx' &&
        e.host === 'client' &&
        e.eth.payload.proto === 'ipv4' &&
        e.eth.payload.payload.proto === 'udp'
          ? [e.eth.payload.payload]
          : [],
      );
    expect(sent.map((u) => [u.data, u.dstPort])).toEqual([
      ['one\n', 53],
      ['two\n', 53],
    ]);
    expect(sent[0]!.srcPort).toBe(sent[1]!.srcPort);
  });

  test('curl -H sends its headers (a given Host replaces the default one)', () => {
    const { rt, sh } = nat();
    const n = rt.sim.trace.slice().length;
    expect(sh(`curl -s -H 'X-Foo: bar' -H 'Host: example' ${VIP}`).exit).toBe(0);
    const req = clientTcpText(rt, n);
    expect(req).toMatch(/^GET \/ HTTP\/1\.1\r\n/);
    expect(req).toContain('\r\nX-Foo: bar\r\n');
    expect(req.match(/\r\nHost: /g)).toHaveLength(1);
    expect(req).toContain('\r\nHost: example\r\n');
  });
});
