#!/usr/bin/env node
// Finds a Chromium for Playwright, or installs one, and says what it does.
// Order: $CHROMIUM_PATH, /usr/bin/chromium, Playwright's own download. Where none is found it
// installs Debian's `chromium` when the machine has apt and root, else runs
// `npx playwright install chromium` (machines with internet access).
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';

const say = (m) => console.log(`[ensure-chromium] ${m}`);

function found() {
  const env = process.env.CHROMIUM_PATH;
  if (env && existsSync(env)) return env;
  if (existsSync('/usr/bin/chromium')) return '/usr/bin/chromium';
  try {
    const own = chromium.executablePath();
    if (own && existsSync(own)) return own;
  } catch {
    /* Playwright has no browser of its own here */
  }
  return undefined;
}

/** Chinese glyphs for the 简体中文 screenshots: a CJK font, installed the same way as Chromium. */
function ensureCjkFont() {
  let fonts = '';
  try {
    fonts = execSync('fc-list :lang=zh family', { encoding: 'utf8' });
  } catch {
    /* no fontconfig: nothing to check */
  }
  if (fonts.trim() !== '') return;
  const root = typeof process.getuid === 'function' && process.getuid() === 0;
  if (existsSync('/usr/bin/apt-get') && root) {
    say("no Chinese font found: installing Debian's fonts-wqy-microhei");
    execSync(
      'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq fonts-wqy-microhei',
      { stdio: 'inherit' },
    );
  } else say('no Chinese font found: 简体中文 screenshots will show boxes (install a CJK font)');
}

let path = found();
if (path) {
  say(`using ${path}`);
  ensureCjkFont();
  process.exit(0);
}
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
if (existsSync('/usr/bin/apt-get') && isRoot) {
  say("no Chromium found: installing Debian's chromium package with apt-get (this takes a minute)");
  execSync('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium', {
    stdio: 'inherit',
  });
} else {
  say('no Chromium found: running `npx playwright install chromium`');
  execSync('npx playwright install chromium', { stdio: 'inherit' });
}
path = found();
if (!path) {
  console.error('[ensure-chromium] could not find or install a Chromium');
  process.exit(1);
}
say(`using ${path}`);
ensureCjkFont();
