// One line per figure: the value, its goal and the ratio value/goal (≤ 1.00 meets the goal).
export const pct = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
};
export const median = (xs) => pct(xs, 50);

export function figure(label, value, goal, unit, detail = '') {
  const ratio = goal ? `  ratio ${(value / goal).toFixed(2)} of goal ≤ ${goal} ${unit}` : '';
  const v = unit === 'KB' ? value.toFixed(1) : value.toFixed(unit === 'ms' && value < 100 ? 1 : 0);
  console.log(`  ${label}: ${v} ${unit}${ratio}${detail ? `  (${detail})` : ''}`);
}
