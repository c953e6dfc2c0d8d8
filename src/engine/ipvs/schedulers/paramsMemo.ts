/**
 * Recent params objects of a scheduler whose params are one or two numbers, by value: a decision
 * whose params equal a recent one's gets the same object (params are read only). A decision's
 * record keeps its params, and a bounded trace keeps each record for a few chunks: one object
 * fewer per decision is that much less for the garbage collector to copy. A direct-mapped memo
 * of values, not state: a collision only makes the object again.
 */
const BITS = 10;
const SIZE = 1 << BITS;

export class ParamsMemo<P> {
  private readonly xs = new Float64Array(SIZE);
  private readonly ys = new Float64Array(SIZE);
  private readonly objs: (P | undefined)[] = new Array<P | undefined>(SIZE).fill(undefined);

  /** @param make the params of `x` and `y` (`y` 0 for one-number params) */
  constructor(private readonly make: (x: number, y: number) => P) {}

  /** The params of `x` and `y`: a recent object of equal values, else a new one. */
  of(x: number, y = 0): P {
    const at = (Math.imul(x | 0, 0x9e3779b1) ^ Math.imul(y | 0, 0x85ebca6b)) >>> (32 - BITS);
    const p = this.objs[at];
    // Object.is: -0 and NaN are values a scheduler's numbers never take, but compared exactly anyway.
    if (p !== undefined && Object.is(this.xs[at], x) && Object.is(this.ys[at], y)) return p;
    this.xs[at] = x;
    this.ys[at] = y;
    return (this.objs[at] = this.make(x, y));
  }
}
