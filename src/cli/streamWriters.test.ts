import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { BlockWriter, JsonArrayWriter } from './streamWriters';

const dir = mkdtempSync(join(tmpdir(), 'lvs-lab-stream-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('JsonArrayWriter', () => {
  test('an empty array is valid JSON', () => {
    const path = join(dir, 'empty.json');
    new JsonArrayWriter(path).close();
    expect(JSON.parse(readFileSync(path, 'utf8'))).toEqual([]);
  });

  test('items added in batches become one valid JSON array, one item per line', () => {
    const path = join(dir, 'many.json');
    const w = new JsonArrayWriter(path);
    const items = Array.from({ length: 30_000 }, (_, i) => ({
      seq: i,
      kind: 'x',
      text: 'é"\n'.repeat(i % 7),
    }));
    for (let i = 0; i < items.length; i += 7_000) w.add(items.slice(i, i + 7_000));
    expect(w.written).toBe(items.length);
    w.close();
    const text = readFileSync(path, 'utf8');
    expect(JSON.parse(text)).toEqual(items);
    const lines = text.split('\n');
    expect(lines[0]).toBe('[');
    expect(lines[1]).toBe(`${JSON.stringify(items[0])},`);
    expect(lines[items.length]).toBe(JSON.stringify(items[items.length - 1]));
    expect(lines.slice(-2)).toEqual([']', '']);
  });

  test('an unwritable path is a usage error, not a stack trace', () => {
    expect(() => new JsonArrayWriter(join(dir, 'no', 'such', 'dir.json'))).toThrow(/cannot write .*ENOENT/);
  });
});

describe('BlockWriter', () => {
  test('blocks are written in order, across flushes', () => {
    const path = join(dir, 'blocks.bin');
    const w = new BlockWriter(path);
    const blocks = Array.from({ length: 300 }, (_, i) => new Uint8Array(10_000).fill(i & 0xff));
    w.add(blocks.slice(0, 120));
    w.add(blocks.slice(120));
    w.close();
    const got = readFileSync(path);
    expect(got.length).toBe(3_000_000);
    for (let i = 0; i < 300; i++) expect(got[i * 10_000 + 5]).toBe(i & 0xff);
  });
});
