import { describe, expect, it } from 'vitest';
import { SEC } from '../../../core/sim';
import { TestLab, tookAbout } from '../../../testing/testLab';

function drReady(): TestLab {
  const s = new TestLab('dr');
  s.ok('router', 'sysctl -w net.ipv4.ip_forward=1');
  return s;
}

describe('curl', () => {
  it('fetches the page (the seed client loop body)', () => {
    const s = drReady();
    expect(s.sh('client', 'curl 192.168.99.140')).toMatchObject({ status: 0, out: 'rs1\n', err: '' });
    expect(s.sh('client', 'curl -s http://192.168.99.150:80/index.html')).toMatchObject({
      status: 0,
      out: 'rs2\n',
    });
  });

  it('-I prints the response headers', () => {
    const out = drReady().ok('client', 'curl -I 192.168.99.140');
    expect(out).toBe(
      'HTTP/1.1 200 OK\r\nDate: Mon, 05 Aug 2019 08:00:00 GMT\r\nServer: Apache/2.4.6 (CentOS)\r\nLast-Modified: Mon, 05 Aug 2019 08:00:00 GMT\r\nETag: "4-58f0c1a7b5f00"\r\nAccept-Ranges: bytes\r\nContent-Length: 4\r\nContent-Type: text/html; charset=UTF-8\r\n\r\n',
    );
  });

  it('-o writes the body to a file, -w prints the status', () => {
    const s = drReady();
    expect(s.sh('client', 'curl -s -o /tmp/page -w %{http_code} 192.168.99.140')).toMatchObject({
      status: 0,
      out: '200',
    });
    expect(s.host('client').files.get('/tmp/page')).toBe('rs1\n');
  });

  it('connection refused once httpd is stopped', () => {
    const s = drReady();
    s.ok('rs1', 'systemctl stop httpd');
    expect(s.sh('client', 'curl 192.168.99.140')).toMatchObject({
      status: 7,
      out: '',
      err: 'curl: (7) Failed connect to 192.168.99.140:80; Connection refused\n',
    });
    expect(s.sh('client', 'curl -s 192.168.99.140')).toMatchObject({ status: 7, err: '' });
    expect(s.sh('client', 'curl -sS 192.168.99.140').err).toBe(
      'curl: (7) Failed connect to 192.168.99.140:80; Connection refused\n',
    );
  });

  it('-m gives up with (28) on virtual time', () => {
    const s = drReady();
    const r = s.sh('client', 'curl -m 2 192.168.99.99');
    expect(r).toMatchObject({ status: 28, err: 'curl: (28) Connection timed out after 2001 milliseconds\n' });
    expect(tookAbout(r, 2 * SEC)).toBe(true);
  });

  it('Ctrl-C stops a hanging transfer', () => {
    const s = drReady();
    const r = s.sh('client', 'curl 192.168.99.99', { interruptAfterUs: SEC });
    expect(r.status).toBe(130);
    expect(s.host('client').sockets.connCount).toBe(0);
  });

  it.each([
    ['curl', 2, "curl: no URL specified!\ncurl: try 'curl --help' or 'curl --manual' for more information\n"],
    ['curl rs1', 6, 'curl: (6) Could not resolve host: rs1; Name or service not known\n'],
    ['curl http://', 3, 'curl: (3) <url> malformed\n'],
    ['curl ftp://1.2.3.4/', 1, 'curl: (1) Protocol ftp not supported or disabled in libcurl\n'],
    ['curl 1.2.3.4:8x', 3, "curl: (3) Port number ended with 'x'\n"],
    [
      'curl -m 0.5 1.2.3.4',
      2,
      "curl: option -m: expected a proper numerical parameter\ncurl: try 'curl --help' or 'curl --manual' for more information\n",
    ],
    [
      'curl -m',
      2,
      "curl: option -m: requires parameter\ncurl: try 'curl --help' or 'curl --manual' for more information\n",
    ],
    [
      'curl --bogus 1.2.3.4',
      2,
      "curl: option --bogus: is unknown\ncurl: try 'curl --help' or 'curl --manual' for more information\n",
    ],
    ['curl -f 192.168.99.140/nothere', 22, 'curl: (22) The requested URL returned error: 404 Not Found\n'],
  ])('%s → exit %i', (line, status, err) => {
    const r = drReady().sh('client', line);
    expect(r.err).toBe(err);
    expect(r.status).toBe(status);
  });

  it('localhost resolves through /etc/hosts', () => {
    expect(new TestLab('dr').ok('rs1', 'curl localhost')).toBe('rs1\n');
  });
});

it('words an unroutable destination as curl 7.29 does', () => {
  const s = new TestLab('dr');
  s.ok('client', 'ip route del default');
  expect(s.sh('client', 'curl 10.1.2.3')).toMatchObject({
    status: 7,
    err: 'curl: (7) Failed connect to 10.1.2.3:80; Network is unreachable\n',
  });
});
