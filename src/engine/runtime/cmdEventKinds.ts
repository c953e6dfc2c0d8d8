import { fixedKind } from '../core/traceFixed';
import type { CmdEndEvent, CmdOutEvent, CmdStartEvent } from './labRuntime';

/*
 * A command's own events (every command has a start, usually an output and an end), pushed as
 * their values (traceFixed.ts): no event object and no key walk per command. Stored as `emit`
 * stored the literals, whose key order these lists keep.
 */
export const CMD_START = fixedKind<CmdStartEvent>()('cmd.start', ['host', 'command', 'index']);
export const CMD_OUT = fixedKind<CmdOutEvent>()('cmd.out', ['host', 'index', 'stream', 'text']);
export const CMD_END = fixedKind<CmdEndEvent>()('cmd.end', ['host', 'index', 'exit', 'interrupted']);
