#!/usr/bin/env node
// Fails when the hosted app's JavaScript on the path to the topology drawn (the entry script,
// every chunk it imports statically, and the message catalogs, gzipped) is over budget: a direct
// import of a lazy chunk (the engine, the app shell, d3's zoom) would otherwise creep back
// unnoticed. Run by `npm run build` after the app is built.
import { staticInitialJs, topologyPathJs } from '../bench/ui/initialJs.mjs';

const BUDGET_KB = 150;
const dist = process.argv[2] ?? 'dist/app';
const names = (js) => js.files.map((f) => f.replace(/^assets\//, '')).join(', ');
const initial = staticInitialJs(dist);
console.warn(
  `initial JavaScript of ${dist}, gzipped: ${(initial.gz / 1024).toFixed(1)} KB (${names(initial)})`,
);
const path = topologyPathJs(dist);
const kb = path.gz / 1024;
console.warn(`JavaScript on the path to the topology drawn, gzipped: ${kb.toFixed(1)} KB of ${BUDGET_KB} KB`);
if (kb > BUDGET_KB) {
  console.error(`over budget by ${(kb - BUDGET_KB).toFixed(1)} KB: a static import pulls a lazy chunk in?`);
  process.exit(1);
}
