import { describe, expect, test } from 'vitest';
import { LabRuntime } from '@/engine';
import { largeLoadCommands } from './largeLoad';

describe('large requests on the side-by-side view', () => {
  test('make the file once on each real server, then ab for the large page; the engine serves it', () => {
    const rt = LabRuntime.create('nat');
    const first = largeLoadCommands(rt.def, [], 2);
    expect(first.map((e) => e.host)).toEqual(['rs1', 'rs2', 'client']);
    expect(first.at(-1)!.command).toBe('ab -q -n 2 -c 2 http://172.16.132.18/large');
    for (const e of first) expect(rt.exec({ host: e.host, command: e.command }).exit).toBe(0);
    const again = largeLoadCommands(rt.def, first, 10);
    expect(again).toEqual([{ host: 'client', command: 'ab -q -n 10 -c 4 http://172.16.132.18/large' }]);
    const r = rt.exec({
      host: 'client',
      command: "curl -s -o /dev/null -w '%{size_download}' 172.16.132.18/large",
    });
    expect(r.stdout).toBe('1048576');
  });
});
