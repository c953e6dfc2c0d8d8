/** Command-line options of lvs-lab (README, "The headless lab runner"). */
export interface CliOptions {
  lab: string;
  bare: boolean;
  servers: number;
  clients: number;
  seed: number;
  json: boolean;
  pcap?: string;
  trace?: string;
  maxTimeS: number;
  file?: string;
  help: boolean;
  version: boolean;
}

export class UsageError extends Error {}

const WITH_VALUE = new Set(['--lab', '--seed', '--pcap', '--trace', '--max-time', '--servers', '--clients']);

/** A host count within labs.md's bounds ("Lab size"). */
function hostCount(option: string, value: string, min: number, max: number): number {
  if (!/^\d+$/.test(value) || Number(value) < min || Number(value) > max)
    throw new UsageError(`${option} needs a number from ${min} to ${max}, not '${value}'`);
  return Number(value);
}

export function parseOptions(argv: readonly string[]): CliOptions {
  const o: CliOptions = {
    lab: 'nat',
    bare: false,
    servers: 2,
    clients: 1,
    seed: 1,
    json: false,
    maxTimeS: 60,
    help: false,
    version: false,
  };
  for (let i = 0; i < argv.length; i++) {
    let a = argv[i]!;
    let value: string | undefined;
    const eq = a.indexOf('=');
    if (a.startsWith('--') && eq > 0) {
      value = a.slice(eq + 1);
      a = a.slice(0, eq);
    }
    if (WITH_VALUE.has(a) && value === undefined) {
      value = argv[++i];
      if (value === undefined) throw new UsageError(`option ${a} needs a value`);
    }
    switch (a) {
      case '--lab':
        if (!['nat', 'dr', 'tun', 'ha'].includes(value!))
          throw new UsageError(`unknown lab '${value}' (nat, dr, tun, ha)`);
        o.lab = value!;
        break;
      case '--seed':
        if (!/^\d+$/.test(value!) || Number(value) > 0xffffffff)
          throw new UsageError(`--seed needs a non-negative integer, not '${value}'`);
        o.seed = Number(value);
        break;
      case '--max-time':
        if (!/^\d+(\.\d+)?$/.test(value!) || Number(value) <= 0)
          throw new UsageError(`--max-time needs a positive number of seconds, not '${value}'`);
        o.maxTimeS = Number(value);
        break;
      case '--servers':
        o.servers = hostCount(a, value!, 2, 8);
        break;
      case '--clients':
        o.clients = hostCount(a, value!, 1, 8);
        break;
      case '--pcap':
        o.pcap = value!;
        break;
      case '--trace':
        o.trace = value!;
        break;
      case '--bare':
        o.bare = true;
        break;
      case '--json':
        o.json = true;
        break;
      case '--help':
      case '-h':
        o.help = true;
        break;
      case '--version':
      case '-V':
        o.version = true;
        break;
      default:
        if (a === '-' || !a.startsWith('-')) {
          if (o.file !== undefined)
            throw new UsageError(`only one transcript file may be given ('${o.file}', '${a}')`);
          o.file = a;
        } else throw new UsageError(`unknown option '${a}'`);
    }
  }
  return o;
}

export const USAGE = `Usage: lvs-lab [options] [FILE]

Run a lab transcript on LVS Lab's simulated Linux hosts. FILE (or -, or standard input)
holds one command per line, prefixed by the host: "director# ipvsadm -Ln" or
"[root@director ~]# ipvsadm -Ln".

Options:
  --lab nat|dr|tun|ha  which lab (default nat)
  --bare             start from the lab's bare state instead of the configured one
  --servers N        real servers in the lab, 2-8 (default 2)
  --clients M        client hosts in the lab, 1-8 (default 1)
  --seed N           seed of the run's random choices (default 1)
  --json             print one JSON object per command instead of a transcript
  --pcap FILE        write every frame of the run to a pcapng file
  --trace FILE       write the full event trace as JSON
  --max-time S       virtual seconds a command may run before it is interrupted (default 60)
  --help, --version
`;
