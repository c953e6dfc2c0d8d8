export const CGI_ROOT = '/var/www/cgi-bin';

/** `/cgi-bin/NAME` → the script's path, as CentOS's `ScriptAlias /cgi-bin/ "/var/www/cgi-bin/"`. */
export function cgiScript(path: string): string | undefined {
  const m = /^\/cgi-bin\/([^/?]+)/.exec(path);
  return m ? `${CGI_ROOT}/${m[1]}` : undefined;
}

/**
 * A script's output as mod_cgi turns it into a response: CGI headers up to the first blank
 * line (`Status:` sets the code, the rest are passed on), then the body. Apache would stream the
 * body chunked; the lab sends it whole with its Content-Length once the script has exited.
 */
export function cgiResponse(
  out: string,
): { code: number; text: string; headers: string[]; body: string } | undefined {
  const m = /\r?\n\r?\n/.exec(out);
  if (!m) return undefined;
  const lines = out.slice(0, m.index).split(/\r?\n/);
  if (!lines.every((l) => /^[A-Za-z0-9-]+:/.test(l))) return undefined;
  const body = out.slice(m.index + m[0].length);
  let code = 200;
  let text = 'OK';
  const headers: string[] = [];
  for (const l of lines) {
    const [name = '', ...rest] = l.split(':');
    const value = rest.join(':').trim();
    if (name.toLowerCase() === 'status') {
      const s = /^(\d{3})\s*(.*)$/.exec(value);
      if (s) {
        code = Number(s[1]);
        text = s[2] ?? '';
      }
    } else if (name.toLowerCase() !== 'content-length') headers.push(`${name}: ${value}`);
  }
  if (!headers.some((h) => /^content-type:/i.test(h))) headers.push('Content-Type: text/plain');
  return { code, text, headers, body };
}
