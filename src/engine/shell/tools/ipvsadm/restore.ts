/**
 * -R: ipvsadm's config_stream_read and restore_table. Each line of standard input becomes one
 * argument list (argv[0] first); words equal to `ipvsadm` are dropped. Its comment handling only
 * ever looks at the whitespace after a word, so '#' starts no comment: a '#' is a word like any
 * other. A line that ends in blanks at end of input is lost, and ends the restore.
 */

const BLANK = new Set([' ', '\t', '\n', '\r']);

/** One config_stream_read: the line's words, or undefined where it returns NULL (end of the restore). */
function readLine(input: string, at: { pos: number }): string[] | undefined {
  const words: string[] = [];
  for (;;) {
    if (at.pos >= input.length) return words.length === 0 ? undefined : words;
    if (BLANK.has(input[at.pos]!)) {
      // fscanf matched no word: skip blanks by hand; a newline ends the line, end of input drops it.
      for (;;) {
        if (at.pos >= input.length) return undefined;
        const c = input[at.pos++]!;
        if (c === '\n') return words;
        if (!BLANK.has(c)) {
          at.pos--;
          break;
        }
      }
      continue;
    }
    const start = at.pos;
    while (at.pos < input.length && !BLANK.has(input[at.pos]!)) at.pos++;
    const word = input.slice(start, at.pos);
    if (word !== 'ipvsadm') words.push(word);
    const tail = at.pos < input.length ? input[at.pos++] : undefined;
    if (tail === '\n') return words;
  }
}

/** Every argument list config_stream_read hands to restore_table, argv[0] included. */
export function configStreamLines(input: string, program: string): string[][] {
  const lines: string[][] = [];
  const at = { pos: 0 };
  for (let words = readLine(input, at); words !== undefined; words = readLine(input, at)) {
    lines.push([program, ...words]);
  }
  return lines;
}

/** restore_table: run every line with more than argv[0]; the status is the last line's. */
export function restoreTable(input: string, program: string, run: (argv: string[]) => number): number {
  let result = 0;
  for (const argv of configStreamLines(input, program)) {
    if (argv.length > 1) result = run(argv);
  }
  return result;
}
