/**
 * TCP options (RFC 9293 §3.2, RFC 7323, RFC 2018): the list a Linux SYN carries is
 * mss, sackOk, ts, nop, wscale. Kinds 0 (eol) and 1 (nop) are one byte; every other kind is
 * type, length, data. A known kind with an unexpected length, and any unknown kind (SACK
 * blocks, TFO, MPTCP ...), is a `raw` option.
 *
 * The option area is padded with zero bytes to a multiple of 4. Zero is also eol, so a list
 * whose length is not a multiple of 4 decodes with a trailing { kind: 'eol' }; write lists
 * that are a multiple of 4 (Linux pads with nops) or end them with eol yourself.
 */
import type { ByteWriter } from './bytes';
import { bytesToHex } from './bytes';
import type { TcpOption } from './types';

/** The largest option area: data offset 15 words minus the fixed 20-byte header. */
export const TCP_MAX_OPTIONS_LEN = 40;

function optionLength(o: TcpOption): number {
  switch (o.kind) {
    case 'eol':
    case 'nop':
      return 1;
    case 'sackOk':
      return 2;
    case 'wscale':
      return 3;
    case 'mss':
      return 4;
    case 'ts':
      return 10;
    case 'raw':
      return 2 + (o.hex.length >>> 1);
  }
}

/**
 * The last two option lists measured and their lengths. A list is shared by many segments (the
 * stack's `nop, nop, TS` list for all sent in one millisecond, stack/tcpOptionsOut.ts) and every
 * segment is measured at each hop; reading `kind` from options of five shapes is a megamorphic
 * load per option. Lists are never written once in a packet (packets are data), so a list
 * compared by reference keeps its length.
 */
let list0: readonly TcpOption[] | undefined;
let len0 = 0;
let list1: readonly TcpOption[] | undefined;
let len1 = 0;

/** Bytes of the option area, padding included. Throws RangeError past 40 bytes. */
export function tcpOptionsLength(options: readonly TcpOption[]): number {
  if (options.length === 0) return 0;
  if (options === list0) return len0;
  if (options === list1) return len1;
  const n = measure(options);
  list1 = list0;
  len1 = len0;
  list0 = options;
  len0 = n;
  return n;
}

function measure(options: readonly TcpOption[]): number {
  let n = 0;
  for (const o of options) n += optionLength(o);
  if (n > TCP_MAX_OPTIONS_LEN)
    throw new RangeError(`TCP options take ${n} bytes, more than ${TCP_MAX_OPTIONS_LEN}`);
  return (n + 3) & ~3;
}

/** Writes the options and their zero padding. Throws on a misplaced eol or a raw option of kind 0/1. */
export function writeTcpOptions(w: ByteWriter, options: readonly TcpOption[], paddedLength: number): void {
  const start = w.pos;
  for (let i = 0; i < options.length; i++) {
    const o = options[i] as TcpOption;
    switch (o.kind) {
      case 'eol':
        if (i !== options.length - 1) throw new Error('TCP option eol must be the last option');
        w.u8(0);
        break;
      case 'nop':
        w.u8(1);
        break;
      case 'mss':
        w.u8(2);
        w.u8(4);
        w.u16(o.value);
        break;
      case 'wscale':
        w.u8(3);
        w.u8(3);
        w.u8(o.shift);
        break;
      case 'sackOk':
        w.u8(4);
        w.u8(2);
        break;
      case 'ts':
        w.u8(8);
        w.u8(10);
        w.u32(o.val);
        w.u32(o.ecr);
        break;
      case 'raw':
        if (o.type < 2) throw new Error(`raw TCP option cannot have kind ${o.type} (use eol/nop)`);
        w.u8(o.type);
        w.u8(2 + (o.hex.length >>> 1));
        w.hex(o.hex);
        break;
    }
  }
  w.zeros(paddedLength - (w.pos - start));
}

/**
 * Parses the option area bytes[start, end). Undefined when it cannot be represented exactly:
 * an option running past the end, a length below 2, or non-zero bytes after eol.
 */
export function readTcpOptions(b: Uint8Array, start: number, end: number): TcpOption[] | undefined {
  const out: TcpOption[] = [];
  let i = start;
  while (i < end) {
    const kind = b[i] as number;
    if (kind === 0) {
      for (let j = i + 1; j < end; j++) if (b[j] !== 0) return undefined;
      out.push({ kind: 'eol' });
      return out;
    }
    if (kind === 1) {
      out.push({ kind: 'nop' });
      i++;
      continue;
    }
    if (i + 1 >= end) return undefined;
    const len = b[i + 1] as number;
    if (len < 2 || i + len > end) return undefined;
    out.push(knownOption(b, i, kind, len) ?? { kind: 'raw', type: kind, hex: bytesToHex(b, i + 2, i + len) });
    i += len;
  }
  return out;
}

function knownOption(b: Uint8Array, i: number, kind: number, len: number): TcpOption | undefined {
  if (kind === 2 && len === 4)
    return { kind: 'mss', value: ((b[i + 2] as number) << 8) | (b[i + 3] as number) };
  if (kind === 3 && len === 3) return { kind: 'wscale', shift: b[i + 2] as number };
  if (kind === 4 && len === 2) return { kind: 'sackOk' };
  if (kind === 8 && len === 10) return { kind: 'ts', val: u32At(b, i + 2), ecr: u32At(b, i + 6) };
  return undefined;
}

function u32At(b: Uint8Array, i: number): number {
  return (
    (((b[i] as number) << 24) |
      ((b[i + 1] as number) << 16) |
      ((b[i + 2] as number) << 8) |
      (b[i + 3] as number)) >>>
    0
  );
}
