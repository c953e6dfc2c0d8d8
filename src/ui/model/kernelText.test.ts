import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { fuzzSeed } from '@/embed/fuzzSeed';
import type { TraceEvent } from '@/engine';
import { kernelText, OUTPUT_QUOTE, quoteOutput } from './kernelText';

const out = (text: string) =>
  ({ kind: 'cmd.out', t: 0, seq: 0, host: 'client', stream: 'stdout', text }) as unknown as TraceEvent;

describe("a command's output in an event's words", () => {
  test('short output is quoted whole, without its trailing newline', () => {
    expect(kernelText(out('rs1\n'))).toEqual({
      key: 'ev.kernel.cmdOut',
      params: { host: 'client', text: 'rs1' },
    });
  });

  test("`seq`'s 24 KB chunk is quoted by its start, marked as cut", () => {
    const text = Array.from({ length: 4000 }, (_, i) => `${i + 1}\n`).join('');
    const q = kernelText(out(text))!.params!['text'] as string;
    expect(q.endsWith('…')).toBe(true);
    expect(q.length).toBeLessThanOrEqual(OUTPUT_QUOTE + 1);
    expect(text.startsWith(q.slice(0, -1))).toBe(true);
  });

  test('fuzz: the quote is bounded, a prefix of the output, and cut only when the output is longer', () => {
    const seed = fuzzSeed();
    try {
      fc.assert(
        fc.property(
          fc.string({ unit: fc.constantFrom('y', ' ', '\n', '中', '1', '😀'), maxLength: 400 }),
          (text) => {
            const q = quoteOutput(text);
            expect(q.length).toBeLessThanOrEqual(OUTPUT_QUOTE + 1);
            const cut = q.endsWith('…');
            expect(cut).toBe(text.length > OUTPUT_QUOTE + 1);
            expect(text.startsWith(cut ? q.slice(0, -1) : q)).toBe(true);
            if (!cut) expect(q).toBe(text.trimEnd());
            expect(q).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
          },
        ),
        { numRuns: 2000, seed },
      );
    } catch (e) {
      throw new Error(`FUZZ_SEED=${seed}: ${(e as Error).message}`, { cause: e });
    }
  });
});
