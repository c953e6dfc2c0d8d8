/** print_largenum: the --stats/--rate number columns, abbreviated K/M/G/T unless --exact. */
export function largenum(n: number, exact: boolean): string {
  const s = String(n);
  if (exact) return s.padStart(s.length <= 8 ? 9 : s.length + 1);
  if (n < 1e8) return s.padStart(9);
  if (n < 1e9) return `${String(Math.floor(n / 1e3)).padStart(8)}K`;
  if (n < 1e11) return `${String(Math.floor(n / 1e6)).padStart(8)}M`;
  if (n < 1e14) return `${String(Math.floor(n / 1e9)).padStart(8)}G`;
  return `${String(Math.floor(n / 1e12)).padStart(8)}T`;
}
