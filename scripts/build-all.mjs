#!/usr/bin/env node
// `npm run build`: every build the project ships, one after the other.
//   dist/app       the hosted app (production: service worker, manifest, no test API)
//   dist/test      the same app with window.__lvsLab, for the e2e suite
//   dist/lvs-lab.html   the whole app in one file (runs from file://)
//   the <lvs-lab> embed script (vite.embed.config.ts), then the headless CLI (dist/cli)
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const steps = [
  ['build'],
  ['build', '--mode', 'test'],
  ['build', '--config', 'vite.single.config.ts'],
  ...(existsSync('vite.embed.config.ts') ? [['build', '--config', 'vite.embed.config.ts']] : []),
  ['build', '--config', 'vite.cli.config.ts'],
];
for (const args of steps) {
  console.warn(`\n> vite ${args.join(' ')}`);
  execFileSync('npx', ['vite', ...args], { stdio: 'inherit' });
  // The hosted app's budget for JavaScript before the topology (scripts/check-initial-js.mjs).
  if (args.length === 1)
    execFileSync('node', ['scripts/check-initial-js.mjs', 'dist/app'], { stdio: 'inherit' });
}
