// The share link for the seed article's NAT experiment typed in full (src/cli/fixtures/seed-nat.txt,
// from the bare lab; the endless curl loop stopped after 5 s of virtual time, as Ctrl-C logs it).
// Prints its length; the contract wants such a lab in a link under 2,000 characters.
import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { getLab } from '@/engine';
import { parseTranscript } from '@/cli/transcript';
import { catalogFromEngine } from '@/embed/labHosts';
import { decodeShare, encodeShare } from '@/embed/shareString';
import { formatUrlParams } from '@/embed/urlParams';

test('the seed NAT experiment fits in a share link under 2,000 characters', () => {
  const hosts = getLab('nat')!.hosts.map((h) => h.name);
  const commands = parseTranscript(readFileSync('src/cli/fixtures/seed-nat.txt', 'utf8'), hosts, () => true);
  const log = commands.map((c) =>
    /while true/.test(c.command)
      ? { host: c.host, command: c.command.trim(), maxTimeUs: 5_000_000 }
      : { host: c.host, command: c.command },
  );
  const catalog = catalogFromEngine({ getLab });
  const share = {
    labId: 'nat' as const,
    seed: 1,
    bare: true,
    servers: 2,
    clients: 1,
    log,
    lang: 'zh-CN' as const,
  };
  const state = encodeShare(share, catalog);
  const link = `https://courses.example.edu/course/lvs/${formatUrlParams({ lab: 'nat', state })}`;
  console.warn(
    `seed NAT experiment: ${log.length} commands; share string ${state.length} chars; link ${link.length} chars`,
  );
  expect(log).toHaveLength(13);
  expect(decodeShare(state, catalog)?.log).toEqual(log);
  expect(link.length).toBeLessThan(2000);
});
