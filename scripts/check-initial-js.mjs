#!/usr/bin/env node
// Fails when the hosted app's initial JavaScript (the entry script and every chunk it imports
// statically, gzipped) is over budget: a direct import of a lazy chunk (the engine, d3's zoom)
// would otherwise creep back unnoticed. Run by `npm run build` after the app is built.
import { staticInitialJs } from '../bench/ui/initialJs.mjs';

const BUDGET_KB = 150;
const dist = process.argv[2] ?? 'dist/app';
const js = staticInitialJs(dist);
const kb = js.gz / 1024;
const list = js.files.map((f) => f.replace(/^assets\//, '')).join(', ');
console.warn(`initial JavaScript of ${dist}, gzipped: ${kb.toFixed(1)} KB of ${BUDGET_KB} KB (${list})`);
if (kb > BUDGET_KB) {
  console.error(`over budget by ${(kb - BUDGET_KB).toFixed(1)} KB: a static import pulls a lazy chunk in?`);
  process.exit(1);
}
