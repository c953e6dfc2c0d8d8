/**
 * Output files written as the run goes, so a run of any length can be saved (no single giant
 * string or buffer): the trace as a JSON array with one event per line, pcapng block by block.
 */
import { closeSync, openSync, writeSync } from 'node:fs';
import { UsageError } from './options';

/** Writes are gathered up to this many characters (or bytes) before they reach the file. */
const FLUSH_AT = 1 << 20;

function open(path: string): number {
  try {
    return openSync(path, 'w');
  } catch (e) {
    throw new UsageError(`cannot write ${path}: ${(e as NodeJS.ErrnoException).code ?? 'error'}`);
  }
}

/** A JSON array, one element per line: `[`, `{…},`, …, `{…}`, `]`. The file is valid JSON once closed. */
export class JsonArrayWriter {
  private readonly fd: number;
  private count = 0;
  private pending = '';

  constructor(path: string) {
    this.fd = open(path);
    this.pending = '[';
  }

  add(items: Iterable<unknown>): void {
    for (const item of items) {
      this.pending += `${this.count++ === 0 ? '\n' : ',\n'}${JSON.stringify(item)}`;
      if (this.pending.length >= FLUSH_AT) this.flush();
    }
    this.flush();
  }

  get written(): number {
    return this.count;
  }

  close(): void {
    this.pending += this.count === 0 ? ']\n' : '\n]\n';
    this.flush();
    closeSync(this.fd);
  }

  private flush(): void {
    if (this.pending !== '') writeSync(this.fd, this.pending);
    this.pending = '';
  }
}

/** A binary file written in blocks. */
export class BlockWriter {
  private readonly fd: number;

  constructor(path: string) {
    this.fd = open(path);
  }

  add(blocks: readonly Uint8Array[]): void {
    let batch: Uint8Array[] = [];
    let size = 0;
    for (const b of blocks) {
      batch.push(b);
      size += b.length;
      if (size >= FLUSH_AT) {
        this.write(batch, size);
        batch = [];
        size = 0;
      }
    }
    if (size > 0) this.write(batch, size);
  }

  close(): void {
    closeSync(this.fd);
  }

  private write(batch: Uint8Array[], size: number): void {
    const buf = new Uint8Array(size);
    let pos = 0;
    for (const b of batch) {
      buf.set(b, pos);
      pos += b.length;
    }
    writeSync(this.fd, buf);
  }
}
