/**
 * curl 7.29.0 (CentOS 7) over the simulated TCP stack (apps/curl.ts does the HTTP exchange).
 * The command waits on the virtual clock until the transfer ends; Ctrl-C closes the connection.
 * The progress meter (printed only when output goes to a file) is not reproduced.
 */
import { SEC } from '../../../core/sim';
import { requestHead, startCurl } from '../../../apps/curl';
import type { CurlHandle, CurlRequest, CurlResult } from '../../../apps/curl';
import type { Host } from '../../../stack/host';
import type { Network } from '../../../stack/network';
import { resolvePath } from '../../paths';
import type { CommandContext, CommandImpl } from '../../types';
import type { Gen } from '../../runtime';
import { ToolExit } from '../common/toolExit';
import { curlOptsOf } from './curlArgs';
import type { CurlOpts } from './curlArgs';
import { parseUrl, resolveHost } from './curlUrl';
import { writeOut } from './curlWriteOut';
import { bindFor, verboseBind } from './curlBind';
import type { Bound } from './curlBind';
import type { CurlTarget } from './curlUrl';
import { untilDone } from '../../untilDone';
import { inetAton } from '../common/inet';

const TRY = "curl: try 'curl --help' or 'curl --manual' for more information\n";

interface Done {
  exit: number;
  error?: string;
}

function reportError(ctx: CommandContext, o: CurlOpts, d: Done): void {
  if (d.error === undefined) return;
  if (o.verbose) ctx.err(`* ${d.error}\n* Closing connection 0\n`);
  if (!o.silent || o.showError) ctx.err(`curl: (${d.exit}) ${d.error}\n`);
}

/** What -v shows up to the response: the connect (and bind), then the request as sent. */
function verboseRequest(
  ctx: CommandContext,
  t: CurlTarget,
  ip: string,
  head: string[],
  r: CurlResult,
  bound: Extract<Bound, { ok: true }> | undefined,
): void {
  ctx.err(`* About to connect() to ${t.host} port ${t.port} (#0)\n*   Trying ${ip}...\n`);
  if (bound) ctx.err(verboseBind(bound, r.local?.port));
  const connected = r.connectUs !== undefined;
  if (!connected) {
    // A refused or unreachable connect: 7.29 names the errno on a line of its own first.
    const reason = r.exit === 7 ? /; (.*)$|: ([^:]*)$/.exec(r.error ?? '') : null;
    if (reason && r.local) ctx.err(`* ${reason[1] ?? reason[2] ?? ''}\n`);
    return;
  }
  ctx.err(`* Connected to ${t.host} (${ip}) port ${t.port} (#0)\n`);
  ctx.err(head.map((l) => `> ${l}\n`).join('') + '> \n');
}

/** 7.29 words every connect failure as `Failed connect to HOST:PORT; REASON`. */
function curl729Error(error: string, t: CurlTarget): string {
  const m = /^Failed to connect to [^:]*: (.*)$/.exec(error);
  return m ? `Failed connect to ${t.host}:${t.port}; ${m[1] ?? ''}` : error;
}

function headerLines(r: CurlResult): string[] {
  return r.headers.split('\r\n').slice(0, -2);
}

/** Deliver a finished transfer: headers/body to stdout or the -o file, errors, exit code. */
function deliver(
  ctx: CommandContext,
  o: CurlOpts,
  t: CurlTarget,
  r: CurlResult,
  ip: string,
  elapsedUs: number,
): number {
  if (o.verbose && (r.exit === 0 || r.headers !== '')) {
    ctx.err(
      headerLines(r)
        .map((l) => `< ${l}\n`)
        .join('') + '< \n',
    );
  }
  if (r.exit !== 0 && r.exit !== 130) {
    reportError(ctx, o, { exit: r.exit, error: curl729Error(r.error ?? '', t) });
    return r.exit;
  }
  if (o.fail && (r.status ?? 0) >= 400) {
    const reason = headerLines(r)[0]?.replace(/^HTTP\/1\.[01] /, '') ?? '';
    reportError(ctx, o, { exit: 22, error: `The requested URL returned error: ${reason}` });
    return 22;
  }
  let data = o.head ? r.headers : o.include ? r.headers + r.body : r.body;
  const file = o.output ?? (o.remoteName ? (t.path.split('?')[0] ?? '').split('/').pop() : undefined);
  if (o.remoteName && o.output === undefined && file === '') {
    reportError(ctx, o, { exit: 23, error: 'Remote file name has no length!' });
    return 23;
  }
  if (file !== undefined && file !== '-') {
    const err = ctx.fs.write(resolvePath(ctx.cwd, file), data, false);
    if (err !== undefined) {
      if (!o.silent) ctx.err(`Warning: Failed to create the file ${file}: ${err}\n`);
      reportError(ctx, o, { exit: 23, error: `Failed writing body (0 != ${data.length})` });
      return 23;
    }
    data = '';
  }
  ctx.out(data);
  if (o.verbose) ctx.err(`* Connection #0 to host ${t.host} left intact\n`);
  if (o.writeOut !== undefined) ctx.out(writeOut(o.writeOut, r, ip, t, elapsedUs));
  return 0;
}

/** A name looked up in /etc/hosts (its closure made here, not in beginFetch at every request). */
function byName(ctx: CommandContext, name: string): string | undefined {
  return resolveHost(name, () => ctx.fs.read('/etc/hosts'));
}

/** A transfer under way: what its delivery needs once it is done. */
interface Fetch {
  h: CurlHandle;
  req: CurlRequest;
  t: CurlTarget;
  ip: string;
  bound: Bound | undefined;
  started: number;
}

/**
 * One URL up to its transfer: the exit status when it fails before one starts, else the transfer
 * under way. Not a generator: the command's own generator waits for it (one frame fewer per URL).
 */
function beginFetch(ctx: CommandContext, host: Host, o: CurlOpts, url: string): number | Fetch {
  const u = parseUrl(url);
  if (!u.ok) {
    reportError(ctx, o, { exit: u.exit, error: u.error });
    return u.exit;
  }
  const t = u.target;
  const ip = inetAton(t.host) ?? byName(ctx, t.host);
  if (ip === undefined) {
    if (o.verbose)
      ctx.err(`* Could not resolve host: ${t.host}; Name or service not known\n* Closing connection 0\n`);
    if (!o.silent || o.showError)
      ctx.err(`curl: (6) Could not resolve host: ${t.host}; Name or service not known\n`);
    return 6;
  }
  const method = o.head ? 'HEAD' : (o.method ?? 'GET');
  if (method !== 'GET' && method !== 'HEAD')
    throw new ToolExit(1, `curl: only GET and HEAD requests are simulated in this lab\n`);
  const limitS = o.maxTimeS !== undefined && o.maxTimeS > 0 ? o.maxTimeS : undefined;
  const connectS = o.connectTimeoutS !== undefined && o.connectTimeoutS > 0 ? o.connectTimeoutS : undefined;
  const bound = bindFor(host, o);
  if (bound && !bound.ok) {
    if (o.verbose) ctx.err(`* About to connect() to ${t.host} port ${t.port} (#0)\n*   Trying ${ip}...\n`);
    reportError(ctx, o, { exit: 45, error: bound.error });
    return 45;
  }
  const started = host.sim.now;
  // Every field present (undefined when not asked for): one shape, and no spread of a throwaway
  // object per option; startCurl reads the optional ones as undefined either way.
  const req: CurlRequest = {
    ip,
    port: t.port,
    hostHeader: t.port === (t.https ? 443 : 80) ? t.host : `${t.host}:${t.port}`,
    path: t.path,
    method,
    headers: o.headers,
    maxTimeUs: limitS !== undefined ? limitS * SEC : undefined,
    connectTimeoutUs: connectS !== undefined ? connectS * SEC : undefined,
    bind: bound ? bound.bind : undefined,
  };
  return { h: startCurl(host, req), req, t, ip, bound, started };
}

/** The transfer is over (or was interrupted): deliver it. */
function endFetch(ctx: CommandContext, host: Host, o: CurlOpts, f: Fetch): number {
  const { h, req, t, ip, bound } = f;
  const r = h.result ?? { exit: 130, headers: '', body: '' };
  if (o.verbose) verboseRequest(ctx, t, ip, requestHead(req), r, bound?.ok ? bound : undefined);
  return deliver(ctx, o, t, r, ip, host.sim.now - f.started);
}

/**
 * Bound to its host by an arrow, not a generator made per host: each generator closure has its
 * own prototype, so a new runtime's curl runs would be objects of a new hidden class to the
 * JIT's code that drives programs (runProgram), which then deoptimised once per runtime.
 */
export function curlCommand(host: Host, _net: Network): CommandImpl {
  return (ctx) => curl(ctx, host);
}

function* curl(ctx: CommandContext, host: Host): Gen<number> {
  let o: CurlOpts;
  try {
    o = curlOptsOf(ctx.argv);
  } catch (e) {
    if (!(e instanceof ToolExit)) throw e;
    ctx.err(e.stderr);
    return e.status;
  }
  if (o.urls.length === 0) {
    ctx.err(`curl: no URL specified!\n${TRY}`);
    return 2;
  }
  let status = 0;
  // Indexed: a `for…of` kept an array iterator per request in this generator's frame.
  const urls = o.urls;
  for (let i = 0; i < urls.length; i++) {
    const url = urls[i]!;
    try {
      const f = beginFetch(ctx, host, o, url);
      if (typeof f === 'number') {
        status = f;
        continue;
      }
      const h = f.h;
      try {
        if (!h.done) yield untilDone(h);
      } finally {
        if (!h.done) h.interrupt();
      }
      status = endFetch(ctx, host, o, f);
    } catch (e) {
      if (!(e instanceof ToolExit)) throw e;
      ctx.err(e.stderr);
      return e.status;
    }
  }
  return status;
}
