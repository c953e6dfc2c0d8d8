/**
 * The word format of the trace's encoded objects (objectSlots.ts): what a header word's low bits
 * say, how a row marks a value that is not a tagged slot, and which objects are plain data.
 *
 * An object's words: its header, then the nested objects written for it (each with its own nested
 * ones), then its own words. A row marks those nested objects NEST, so a frame's IPv4 header, TCP
 * segment and option list cost no pointers. An object stored whole (no room for rows) that wrote
 * nested objects has a FORWARD header pointing at its whole header after them.
 */
import { VAR } from './traceRows';

/** Header low bits: a key list's object, an array, a row, a forward to the object's whole header. */
export const OBJECT = 0;
export const ARRAY = 1;
export const ROW = 2;
export const FORWARD = 3;
/**
 * In a row: the value is the object's next word as an unsigned 32-bit integer (a TCP sequence
 * number), 4 bytes instead of a pooled 8-byte number.
 */
export const RAW = VAR | (1 << 3);
/**
 * In a row: the value is a nested object written inside this one's words, after its header and
 * the nested objects before it (an IPv4 header's TCP segment): no 4-byte pointer to it.
 */
export const NEST = VAR | (2 << 3);
/** `rawAt` marks: a tagged slot, a raw integer, a nested object written in place. */
export const TAGGED = 0;
export const RAW_INT = 1;
export const NESTED = 2;
/** Integers from here to 2^32 - 1 are stored raw (below, a slot's integer payload holds them). */
export const RAW_MIN = 1 << 27;

/** A row's shape for an array of n elements (object rows use their key list's index). */
export const ARRAY_SHAPE = 1 << 29;
/** Plain data (encoded in row form); any other object is kept by reference. */
export function isPlain(v: object): boolean {
  const p = Object.getPrototypeOf(v) as unknown;
  return p === Object.prototype || p === null || (p === Array.prototype && Array.isArray(v));
}
