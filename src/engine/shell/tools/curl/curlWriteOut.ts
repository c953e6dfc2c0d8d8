import { SEC } from '../../../core/sim';
import type { CurlResult } from '../../../apps/curl';
import type { CurlTarget } from './curlUrl';

const secs = (us: number | undefined): string => ((us ?? 0) / SEC).toFixed(3);

/** -w FORMAT: curl 7.29's %{variable} names (the ones a lab can fill), \n, \r, \t and %%. */
export function writeOut(
  fmt: string,
  r: CurlResult | undefined,
  ip: string,
  t: CurlTarget,
  elapsedUs: number,
): string {
  const size = r?.body.length ?? 0;
  const headerSize = r?.headers.length ?? 0;
  const code = String(r?.status ?? 0).padStart(3, '0');
  const ctype = /\r\ncontent-type:\s*([^\r]*)/i.exec(r?.headers ?? '')?.[1];
  const vars: Record<string, string> = {
    http_code: code,
    response_code: code,
    http_connect: '000',
    time_total: secs(elapsedUs),
    time_namelookup: secs(0),
    time_connect: secs(r?.connectUs),
    time_appconnect: secs(0),
    time_pretransfer: secs(r?.connectUs),
    time_starttransfer: secs(r?.firstByteUs),
    time_redirect: secs(0),
    remote_ip: ip,
    remote_port: String(t.port),
    local_ip: r?.local?.ip ?? '',
    local_port: String(r?.local?.port ?? 0),
    num_connects: String(r?.local ? 1 : 0),
    num_redirects: '0',
    size_download: String(size),
    size_upload: '0',
    size_header: String(headerSize),
    size_request: String(r?.requestBytes ?? 0),
    speed_download: (elapsedUs > 0 ? (size * SEC) / elapsedUs : 0).toFixed(3),
    speed_upload: '0.000',
    content_type: ctype ?? '',
    redirect_url: '',
    ssl_verify_result: '0',
    url_effective: `${t.https ? 'https' : 'http'}://${t.host}${t.port === (t.https ? 443 : 80) ? '' : `:${t.port}`}${t.path}`,
  };
  return fmt
    .replace(/%\{([a-z_]+)\}/g, (m, k: string) => vars[k] ?? m)
    .replace(/%%/g, '%')
    .replace(/\\n/g, '\n')
    .replace(/\\r/g, '\r')
    .replace(/\\t/g, '\t');
}
