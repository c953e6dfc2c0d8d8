import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { engine, loadEngine } from '@/store/engine';
import { buildHops } from '@/ui/model/frameHops';
import { eventText } from '@/ui/model/eventText';
import { eventWhy } from '@/ui/model/eventWhy';
import { isMessage } from '@/ui/model/message';
import type { Message } from '@/ui/model/message';
import en from './locales/en.json';
import zh from './locales/zh-CN.json';

type Tree = { [k: string]: string | Tree };

function flatten(t: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(t)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'string') out.set(key, v);
    else for (const [kk, vv] of flatten(v, key)) out.set(kk, vv);
  }
  return out;
}

const EN = flatten(en as Tree);
const ZH = flatten(zh as Tree);
const base = (k: string) => k.replace(/_(one|other|zero|few|many)$/, '');
const has = (m: Map<string, string>, k: string) => m.has(k) || m.has(`${k}_other`);
const vars = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

describe('the catalogs', () => {
  test('English and 简体中文 have the same keys and the same placeholders', () => {
    const enKeys = new Set([...EN.keys()].map(base));
    const zhKeys = new Set([...ZH.keys()].map(base));
    expect([...enKeys].filter((k) => !zhKeys.has(k))).toEqual([]);
    expect([...zhKeys].filter((k) => !enKeys.has(k))).toEqual([]);
    for (const [k, v] of EN) {
      const z = ZH.get(k) ?? ZH.get(`${base(k)}_other`);
      if (z !== undefined) expect(vars(z), k).toEqual(vars(v));
    }
  });

  test('every literal t("…") key in the UI exists', () => {
    const files: string[] = [];
    const walk = (d: string) => {
      for (const f of readdirSync(d)) {
        const p = join(d, f);
        if (statSync(p).isDirectory()) walk(p);
        else if (/\.tsx?$/.test(f) && !f.endsWith('.test.ts') && !f.endsWith('.test.tsx')) files.push(p);
      }
    };
    walk('src/ui');
    const missing: string[] = [];
    for (const f of files) {
      const src = readFileSync(f, 'utf8');
      for (const m of src.matchAll(/\b(?:t|msg)\(\s*'([a-zA-Z][\w.-]*)'/g)) {
        if (!has(EN, m[1]!)) missing.push(`${f}: ${m[1]}`);
      }
    }
    expect(missing).toEqual([]);
  });

  test('every event of every lab, and its why, renders from both catalogs', async () => {
    await loadEngine();
    const missing = new Set<string>();
    const check = (m: Message | undefined) => {
      if (!m) return;
      for (const cat of [EN, ZH]) if (!has(cat, m.key)) missing.add(m.key);
      for (const v of Object.values(m.params ?? {})) if (isMessage(v)) check(v);
    };
    const runs: [string, [string, string][]][] = [
      ['nat', [['client', 'curl -s 172.16.132.18']]],
      [
        'dr',
        [
          ['rs1', 'sysctl -w net.ipv4.conf.all.arp_ignore=0'],
          ['client', 'curl -s 192.168.99.188'],
        ],
      ],
      [
        'dr',
        [
          ['client', 'curl -s 192.168.99.188'],
          ['director', 'ip route del default'],
          ['client', 'curl -s --max-time 2 192.168.99.188'],
        ],
      ],
      [
        'tun',
        [
          ['rs1', 'ip link set tunl0 down'],
          ['client', 'curl -s --max-time 2 192.168.99.188'],
          ['client', 'curl -s --max-time 2 192.168.99.188'],
        ],
      ],
    ];
    for (const [lab, cmds] of runs) {
      const rt = engine().LabRuntime.create(lab);
      for (const [host, command] of cmds) rt.exec({ host, command });
      const hops = buildHops(rt.trace);
      for (const e of rt.trace) {
        check(eventText(e, hops));
        check(eventWhy(e));
      }
    }
    expect([...missing]).toEqual([]);
  });
});
