/** A read position in source text, with line numbers (for `line N:` messages). */
export class Cursor {
  pos: number;
  /** The text ends in a backslash (or backslash-newline) that asks for another line. */
  danglingBackslash = false;
  private lastPos = 0;
  private lastLine: number;

  constructor(
    readonly src: string,
    readonly baseLine = 1,
    pos = 0,
  ) {
    this.pos = pos;
    this.lastLine = baseLine;
  }

  get eof(): boolean {
    return this.pos >= this.src.length;
  }

  /** The character `ahead` places after the position ('' past the end). */
  peek(ahead = 0): string {
    return this.src.charAt(this.pos + ahead);
  }

  startsWith(s: string): boolean {
    return this.src.startsWith(s, this.pos);
  }

  /** Line number of `pos` (incremental: cheap for the forward scans the lexer makes). */
  lineAt(pos = this.pos): number {
    if (pos < this.lastPos) {
      this.lastPos = 0;
      this.lastLine = this.baseLine;
    }
    let line = this.lastLine;
    for (let i = this.lastPos; i < pos && i < this.src.length; i++) {
      if (this.src.charCodeAt(i) === 10) line++;
    }
    this.lastPos = pos;
    this.lastLine = line;
    return line;
  }
}
