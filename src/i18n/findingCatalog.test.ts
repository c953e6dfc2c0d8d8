import { describe, expect, test } from 'vitest';
import { FINDING_KINDS, LabRuntime, scanFindings } from '@/engine';
import en from './locales/en.json';
import zh from './locales/zh-CN.json';

type Tree = { [k: string]: string | Tree };

function lookup(t: Tree, key: string): string | Tree | undefined {
  let cur: string | Tree | undefined = t;
  for (const part of key.split('.')) cur = typeof cur === 'object' ? cur[part] : undefined;
  return cur;
}

const vars = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]);

describe('finding sentences', () => {
  test.each([...FINDING_KINDS])('%s has a title and a why in both languages', (kind) => {
    for (const cat of [en, zh] as Tree[]) {
      expect(typeof lookup(cat, `finding.${kind}.title`), kind).toBe('string');
      expect(lookup(cat, `finding.${kind}.why`), kind).toBeDefined();
    }
  });

  test('the catalogs hold no finding kind the engine does not produce', () => {
    expect(Object.keys((en as Tree)['finding'] as Tree).sort()).toEqual([...FINDING_KINDS].sort());
  });

  test('every placeholder a finding sentence uses is one its title or why shares across languages', () => {
    for (const kind of FINDING_KINDS) {
      const e = JSON.stringify(lookup(en as Tree, `finding.${kind}`));
      const z = JSON.stringify(lookup(zh as Tree, `finding.${kind}`));
      expect(new Set(vars(z)), kind).toEqual(new Set(vars(e)));
    }
  });

  test('each finding found in a lab carries every parameter its sentences use', () => {
    const rt = LabRuntime.create('nat', { seed: 1 });
    const dir = (command: string) => rt.exec({ host: 'director', command });
    dir('ipvsadm -e -t 172.16.132.18:80 -r 192.168.99.140:888 -m -x 1');
    for (let i = 0; i < 3; i++) rt.exec({ host: 'client', command: 'curl -s 172.16.132.18' });
    dir('ipvsadm -e -t 172.16.132.18:80 -r 192.168.99.130:888 -m -w 0');
    dir('ipvsadm -e -t 172.16.132.18:80 -r 192.168.99.140:888 -m -w 0');
    rt.exec({ host: 'client', command: 'curl -s -m 1 172.16.132.18' });
    const found = scanFindings(rt.sim.trace.slice()).findings;
    expect(new Set(found.map((f) => f.kind)).size).toBeGreaterThanOrEqual(4);
    for (const f of found)
      for (const cat of [en, zh] as Tree[])
        for (const key of [`finding.${f.kind}.title`, f.why]) {
          const s = lookup(cat, key);
          expect(typeof s, key).toBe('string');
          for (const v of vars(s as string)) expect(f.params, `${key} {{${v}}}`).toHaveProperty(v!);
        }
  });
});
