/**
 * ab's command line (ApacheBench 2.3 as httpd-tools 2.4.6 ships it on CentOS 7): apr_getopt
 * short options, glued or separate arguments, exactly one URL at the end, usage() on error
 * with exit status 22 (EINVAL).
 */
import { ToolExit } from '../common/toolExit';

export interface AbOpts {
  requests: number;
  concurrency: number;
  timeLimitS?: number;
  keepalive: boolean;
  quiet: boolean;
  head: boolean;
  bindAddr?: string;
  headers: string[];
  noPercentiles: boolean;
  noConfidence: boolean;
  variableLength: boolean;
  keepGoing: boolean;
  url: string;
}

const WITH_ARG = 'nctsbTpuvxyzCHPAgXeBmZfE';
const FLAGS = 'lrkVhwiIdSq';
const SIMULATED = 'nctBHkqidSlrVh';

export const AB_USAGE = (prog: string): string =>
  `Usage: ${prog} [options] [http[s]://]hostname[:port]/path
Options are:
    -n requests     Number of requests to perform
    -c concurrency  Number of multiple requests to make at a time
    -t timelimit    Seconds to max. to spend on benchmarking
                    This implies -n 50000
    -s timeout      Seconds to max. wait for each response
                    Default is 30 seconds
    -b windowsize   Size of TCP send/receive buffer, in bytes
    -B address      Address to bind to when making outgoing connections
    -p postfile     File containing data to POST. Remember also to set -T
    -u putfile      File containing data to PUT. Remember also to set -T
    -T content-type Content-type header to use for POST/PUT data, eg.
                    'application/x-www-form-urlencoded'
                    Default is 'text/plain'
    -v verbosity    How much troubleshooting info to print
    -w              Print out results in HTML tables
    -i              Use HEAD instead of GET
    -x attributes   String to insert as table attributes
    -y attributes   String to insert as tr attributes
    -z attributes   String to insert as td or th attributes
    -C attribute    Add cookie, eg. 'Apache=1234'. (repeatable)
    -H attribute    Add Arbitrary header line, eg. 'Accept-Encoding: gzip'
                    Inserted after all normal header lines. (repeatable)
    -A attribute    Add Basic WWW Authentication, the attributes
                    are a colon separated username and password.
    -P attribute    Add Basic Proxy Authentication, the attributes
                    are a colon separated username and password.
    -X proxy:port   Proxyserver and port number to use
    -V              Print version number and exit
    -k              Use HTTP KeepAlive feature
    -d              Do not show percentiles served table.
    -S              Do not show confidence estimators and warnings.
    -q              Do not show progress when doing more than 150 requests
    -g filename     Output collected data to gnuplot format file.
    -e filename     Output CSV file with percentages served
    -r              Don't exit on socket receive errors.
    -h              Display usage information (this message)
    -Z ciphersuite  Specify SSL/TLS cipher suite (See openssl ciphers)
    -f protocol     Specify SSL/TLS protocol
                    (SSL3, TLS1, TLS1.1, TLS1.2 or ALL)
`;

const usage = (msg: string): never => {
  throw new ToolExit(22, `${msg}${AB_USAGE('ab')}`);
};

/** atoi: leading digits (after an optional sign), 0 when there are none. */
const atoi = (v: string): number => {
  const m = /^\s*([-+]?\d+)/.exec(v);
  return m ? Math.max(-2147483648, Math.min(2147483647, parseInt(m[1] ?? '0', 10))) : 0;
};

export function parseAbArgs(argv: readonly string[]): AbOpts {
  const o: AbOpts = {
    requests: 1,
    concurrency: 1,
    keepalive: false,
    quiet: false,
    head: false,
    headers: [],
    noPercentiles: false,
    noConfidence: false,
    variableLength: false,
    keepGoing: false,
    url: '',
  };
  let i = 0;
  for (; i < argv.length; i++) {
    const a = argv[i] ?? '';
    if (a === '--') {
      i++;
      break;
    }
    if (!a.startsWith('-') || a === '-') break;
    for (let j = 1; j < a.length; j++) {
      const c = a[j] ?? '';
      if (!WITH_ARG.includes(c) && !FLAGS.includes(c)) usage(`ab: illegal option -- ${c}\n`);
      let v: string | undefined;
      if (WITH_ARG.includes(c)) {
        v = a.slice(j + 1) || argv[++i];
        if (v === undefined) usage(`ab: option requires an argument -- ${c}\n`);
        j = a.length;
      }
      if (!SIMULATED.includes(c)) throw new ToolExit(1, `ab: option -${c} is not simulated in this lab\n`);
      apply(o, c, v ?? '');
    }
  }
  if (i !== argv.length - 1) usage('ab: wrong number of arguments\n');
  o.url = argv[i] ?? '';
  if (o.concurrency < 0 || o.concurrency > 20000) usage('ab: Invalid Concurrency [Range 0..20000]\n');
  if (o.concurrency > o.requests)
    usage('ab: Cannot use concurrency level greater than total number of requests\n');
  return o;
}

function apply(o: AbOpts, c: string, v: string): void {
  switch (c) {
    case 'n':
      o.requests = atoi(v);
      if (o.requests <= 0) throw new ToolExit(1, 'Invalid number of requests\n');
      return;
    case 'c':
      o.concurrency = atoi(v);
      return;
    case 't':
      o.timeLimitS = atoi(v);
      o.requests = 50000;
      return;
    case 'B':
      o.bindAddr = v;
      return;
    case 'H':
      o.headers.push(v);
      return;
    case 'k':
      o.keepalive = true;
      return;
    case 'q':
      o.quiet = true;
      return;
    case 'i':
      o.head = true;
      return;
    case 'd':
      o.noPercentiles = true;
      return;
    case 'S':
      o.noConfidence = true;
      return;
    case 'l':
      o.variableLength = true;
      return;
    case 'r':
      o.keepGoing = true;
      return;
    case 'V':
      throw new ToolExit(0, '', AB_BANNER);
    case 'h':
      usage('');
  }
}

/** CentOS 7's httpd-tools (2.4.6) stamps the revision; Debian's build prints a bare $Revision$. */
export const AB_BANNER = `This is ApacheBench, Version 2.3 <$Revision: 1430300 $>
Copyright 1996 Adam Twiss, Zeus Technology Ltd, http://www.zeustech.net/
Licensed to The Apache Software Foundation, http://www.apache.org/
`;
