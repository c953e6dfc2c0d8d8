/**
 * Parsed command lines, kept by their source text. The parser is a pure function of the text and
 * its first line number (it reads no shell state: no aliases, no options), and the interpreter
 * never changes a syntax tree, so the same text typed again (a lab's setup commands at every
 * start, `curl` in a loop of the lab runner) runs the trees parsed the first time.
 */
import type { List } from './ast';
import { ShellSyntaxError } from './errors';
import { Parser } from './parser';

/** One command line of a source, as execSource meets it. */
export interface ParsedStep {
  /** The parser's warnings to print before it, and the line they are reported at. */
  warnings: string[];
  line: number;
  /** The command line, or the syntax error that ends the source (or neither: the end). */
  list: List | undefined;
  error: ShellSyntaxError | undefined;
}

/** Longer sources (scripts) are parsed each time: few repeat, and they would fill the cache. */
const MAX_SOURCE = 4096;
const MAX_ENTRIES = 512;
const cache = new Map<string, ParsedStep[]>();
/** The last source looked up, and its steps (a hit of the cache, without building its key). */
const last: { source: string | undefined; baseLine: number; steps: ParsedStep[] | undefined } = {
  source: undefined,
  baseLine: 0,
  steps: undefined,
};

/**
 * Every step of `source` from `baseLine`, parsed as execSource's loop would parse them one by
 * one; undefined when the source is not cached (too long, or the parser failed otherwise than
 * with a syntax error: the caller parses as it goes and meets that failure where it happens).
 */
export function parsedSteps(source: string, baseLine: number): readonly ParsedStep[] | undefined {
  // The same text as last time (the runner's `curl` line after line): no key to build and hash.
  if (source === last.source && baseLine === last.baseLine) return last.steps;
  if (source.length > MAX_SOURCE) return undefined;
  const key = `${baseLine}\n${source}`;
  let steps = cache.get(key);
  if (!steps) {
    steps = parse(source, baseLine);
    if (!steps) return undefined;
    if (cache.size >= MAX_ENTRIES) cache.clear();
    cache.set(key, steps);
  }
  last.source = source;
  last.baseLine = baseLine;
  last.steps = steps;
  return steps;
}

function parse(source: string, baseLine: number): ParsedStep[] | undefined {
  const steps: ParsedStep[] = [];
  const parser = new Parser(source, baseLine);
  for (;;) {
    let list: List | undefined;
    let error: ShellSyntaxError | undefined;
    try {
      list = parser.parseCompleteCommand();
    } catch (e) {
      if (!(e instanceof ShellSyntaxError)) return undefined;
      error = e;
    }
    const warnings = parser.lexer.warnings.splice(0);
    steps.push({ warnings, line: parser.lexer.line, list, error });
    if (!list) break;
  }
  return steps;
}
