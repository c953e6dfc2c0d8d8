/**
 * The params of sed, nq and wlc (the winner's cost and weight), made with `new` (explain.ts:
 * plainParams says why); one class, so the three share one object shape.
 */
export class CostWeightParams {
  [name: string]: string | number | boolean;
  declare readonly cost: number;
  declare readonly weight: number;
  // Declared, not defined: plain stores, no class-field definitions per object.
  constructor(cost: number, weight: number) {
    this.cost = cost;
    this.weight = weight;
  }
}
