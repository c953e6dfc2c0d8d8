#!/usr/bin/env node
// tshark checks the pcapng files the engine writes. Installs Debian's tshark when missing.
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';

if (existsSync('/usr/bin/tshark')) process.exit(0);
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
if (existsSync('/usr/bin/apt-get') && isRoot) {
  console.log("[ensure-tshark] installing Debian's tshark package with apt-get");
  execSync(
    'apt-get update -qq && echo "wireshark-common wireshark-common/install-setuid boolean false" | debconf-set-selections && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq tshark',
    { stdio: 'inherit' },
  );
} else {
  console.error(
    '[ensure-tshark] tshark is missing: install Wireshark’s tshark (e.g. `apt-get install tshark`)',
  );
  process.exit(1);
}
