/**
 * MAC (Ethernet) addresses. The canonical text form is six lower-case two-digit hex groups
 * joined by colons ("52:54:00:00:01:00"), the form `ip link` prints.
 *
 * Errors: `parseMac` returns undefined on anything else (it accepts upper case and returns the
 * canonical form); `writeMac`/`macToBytes` throw an Error naming the bad text, because a bad
 * address inside a packet value is a bug in the caller.
 */
import { byteHex } from './bytes';
import type { Mac } from './types';

function nibble(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 97 && c <= 102) return c - 87;
  if (c >= 65 && c <= 70) return c - 55;
  return -1;
}

/** Writes the six bytes of `text` at out[off]; false when `text` is not xx:xx:xx:xx:xx:xx. */
function scanMac(text: string, out: Uint8Array, off: number): boolean {
  if (text.length !== 17) return false;
  for (let i = 0; i < 6; i++) {
    const p = i * 3;
    if (i < 5 && text.charCodeAt(p + 2) !== 58) return false; // ':'
    const hi = nibble(text.charCodeAt(p));
    const lo = nibble(text.charCodeAt(p + 1));
    if (hi < 0 || lo < 0) return false;
    out[off + i] = (hi << 4) | lo;
  }
  return true;
}

const scratch = new Uint8Array(6);

/** Strict parse; returns the canonical lower-case form, or undefined. */
export function parseMac(text: string): Mac | undefined {
  return scanMac(text, scratch, 0) ? formatMac(scratch, 0) : undefined;
}

export function isValidMac(text: string): boolean {
  return scanMac(text, scratch, 0);
}

/** Writes a MAC at buf[off]. Throws on malformed text. */
export function writeMac(buf: Uint8Array, off: number, mac: Mac): void {
  if (!scanMac(mac, buf, off)) throw new Error(`invalid MAC address "${mac}" (want xx:xx:xx:xx:xx:xx)`);
}

export function macToBytes(mac: Mac): Uint8Array {
  const out = new Uint8Array(6);
  writeMac(out, 0, mac);
  return out;
}

/** Reads six bytes at bytes[off] as canonical text. */
export function formatMac(bytes: Uint8Array, off = 0): Mac {
  return (
    byteHex(bytes[off] as number) +
    ':' +
    byteHex(bytes[off + 1] as number) +
    ':' +
    byteHex(bytes[off + 2] as number) +
    ':' +
    byteHex(bytes[off + 3] as number) +
    ':' +
    byteHex(bytes[off + 4] as number) +
    ':' +
    byteHex(bytes[off + 5] as number)
  );
}

function firstOctet(mac: Mac): number {
  return (nibble(mac.charCodeAt(0)) << 4) | nibble(mac.charCodeAt(1));
}

/** ff:ff:ff:ff:ff:ff. */
export function isBroadcastMac(mac: Mac): boolean {
  return mac.toLowerCase() === 'ff:ff:ff:ff:ff:ff';
}

/** Group bit (I/G, the low bit of the first octet) set; broadcast counts as multicast. */
export function isMulticastMac(mac: Mac): boolean {
  return isValidMac(mac) && (firstOctet(mac) & 1) === 1;
}

/** 00:00:00:00:00:00, what an ARP request carries as the target hardware address. */
export function isZeroMac(mac: Mac): boolean {
  return mac === '00:00:00:00:00:00';
}

/** Locally administered bit (U/L, 0x02 of the first octet) set, as in QEMU's 52:54:00:... */
export function isLocalMac(mac: Mac): boolean {
  return isValidMac(mac) && (firstOctet(mac) & 2) === 2;
}
