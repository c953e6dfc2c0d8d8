/** iptables 1.4.21's two kinds of failure: xtables_error (exit 2, with the hint) and libiptc's (exit 1). */
import { ToolExit } from '../common/toolExit';

export const VERSION = 'v1.4.21';
const TRY = "Try `iptables -h' or 'iptables --help' for more information.\n";

/** xtables_error(PARAMETER_PROBLEM, ...): the message, then the hint. */
export function paramProblem(msg: string): never {
  throw new ToolExit(2, `iptables ${VERSION}: ${msg}\n${TRY}`);
}

/** A libiptc failure: `iptables: MESSAGE.` (EINVAL adds the dmesg hint). */
export function iptcError(msg: string): never {
  const hint =
    msg === 'Invalid argument' || msg === 'Bad policy name' ? " Run `dmesg' for more information." : '';
  throw new ToolExit(1, `iptables: ${msg}.${hint}\n`);
}

/** A table the lab does not load (nat, raw, security) or that does not exist. */
export function noTable(name: string): never {
  throw new ToolExit(
    3,
    `iptables ${VERSION}: can't initialize iptables table \`${name}': Table does not exist (do you need to insmod?)\n` +
      'Perhaps iptables or your kernel needs to be upgraded.\n',
  );
}
