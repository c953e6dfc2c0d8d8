/** Virtual time for people: 850 µs, 1.200 ms, 3.000 s. */
export function formatMicros(us: number): string {
  const v = Math.round(us);
  if (v < 1000) return `${v} µs`;
  if (v < 1_000_000) return `${(v / 1000).toFixed(3)} ms`;
  return `${(v / 1_000_000).toFixed(3)} s`;
}

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KiB`;
  return `${(n / 1024 / 1024).toFixed(2)} MiB`;
}
