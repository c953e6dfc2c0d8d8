// Reading a V8 CPU profile (Profiler.stop's result) for the bench's profiling scripts.

/** Inclusive sampled time per function (name, file:line), counted once per sample. */
export function printInclusive(profile, top = Number(process.env.TOP ?? 40)) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const incl = new Map();
  for (let i = 0; i < profile.samples.length; i++) {
    const dt = profile.timeDeltas[i + 1] ?? 0;
    const seen = new Set();
    for (let id = profile.samples[i]; id !== undefined; id = parent.get(id)) {
      const f = byId.get(id).callFrame;
      if (!f.url) continue;
      const key = `${f.functionName || '(anon)'} ${f.url.split('/').pop()}:${f.lineNumber + 1}`;
      if (seen.has(key)) continue;
      seen.add(key);
      incl.set(key, (incl.get(key) ?? 0) + dt);
    }
  }
  console.log('---');
  for (const [k, us] of [...incl].sort((a, b) => b[1] - a[1]).slice(0, top))
    console.log(`${(us / 1000).toFixed(1).padStart(8)} ms  ${k}`);
}

/** Self samples per source line of the functions named `name` (V8's positionTicks), most first. */
export function printLines(profile, name) {
  const lines = new Map();
  for (const n of profile.nodes) {
    if (n.callFrame.functionName !== name) continue;
    for (const t of n.positionTicks ?? []) lines.set(t.line, (lines.get(t.line) ?? 0) + t.ticks);
  }
  const self = [...lines].sort((a, b) => b[1] - a[1]);
  console.log(`--- ${name}: self samples by line`);
  for (const [line, ticks] of self.slice(0, 15)) console.log(`${String(ticks).padStart(6)}  line ${line}`);
}
