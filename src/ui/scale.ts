/** A linear map from [0, domainMax] to [0, rangeMax] (charts need nothing more than this). */
export function linear(domainMax: number, rangeMax: number): (v: number) => number {
  const k = domainMax > 0 ? rangeMax / domainMax : 0;
  return (v) => v * k;
}
