/** keepalived 1.3.5's parser: what each process logs for a given keepalived.conf (keepalived.md §1, §5). */
import { describe, expect, test } from 'vitest';
import { STOCK_KEEPALIVED_CONF } from '../stockConf';
import { completeVrrp } from './complete';
import { parseKeepalivedConf } from './parse';

const eth0 = (n: string): boolean => n === 'eth0';
const msgs = (text: string, proc: 'parent' | 'vrrp' | 'check') =>
  parseKeepalivedConf(text, proc, eth0).messages;

const INSTANCE = (body: string): string => `vrrp_instance VI_1 {
    interface eth0
    virtual_router_id 51
${body}
}
`;

describe('keepalived.conf parser', () => {
  test('the keyword tables are built once: parses one after another keep nothing of each other', () => {
    const other = `global_defs {\n  router_id LVS_B\n}\n${INSTANCE('    priority 300\n')}`;
    const fresh = JSON.stringify(parseKeepalivedConf(STOCK_KEEPALIVED_CONF, 'vrrp', eth0));
    const b = parseKeepalivedConf(other, 'vrrp', () => false);
    expect(b.config.global.routerId).toBe('LVS_B');
    expect(b.config.vrrpInstances.map((i) => i.name)).toEqual(['VI_1']);
    expect(b.messages.some((m) => m.startsWith('Cant find interface eth0'))).toBe(true);
    expect(b.config.global.vrrpStrict).toBe(false);
    // The stock file again, after the other: the same result as before it.
    expect(JSON.stringify(parseKeepalivedConf(STOCK_KEEPALIVED_CONF, 'vrrp', eth0))).toBe(fresh);
    expect(parseKeepalivedConf(other, 'check').config.virtualServers).toEqual([]);
  });

  test('the stock CentOS file parses without a message in any process', () => {
    for (const p of ['parent', 'vrrp', 'check'] as const) expect(msgs(STOCK_KEEPALIVED_CONF, p)).toEqual([]);
    const { config } = parseKeepalivedConf(STOCK_KEEPALIVED_CONF, 'check');
    expect(config.virtualServers.map((v) => [v.addr?.ip, v.addr?.port, v.delayLoop, v.lbKind])).toEqual([
      ['192.168.200.100', 443, 6, 'NAT'],
      ['10.10.10.2', 1358, 6, 'NAT'],
      ['10.10.10.3', 1358, 3, 'NAT'],
    ]);
    const v = parseKeepalivedConf(STOCK_KEEPALIVED_CONF, 'vrrp').config;
    expect(v.global.vrrpStrict).toBe(true);
    expect(v.vrrpInstances[0]).toMatchObject({ name: 'VI_1', initState: 'MASTER', vrid: 51, priority: 100 });
  });

  test('an unknown keyword is logged by every process that reads its level, and ignored', () => {
    const text = `foo_bar 1\n${INSTANCE('    bogus_kw 2')}virtual_server 10.0.0.1 80 {\n  nb_get_retry 3\n}\n`;
    expect(msgs(text, 'parent')).toEqual(["Unknown keyword 'foo_bar'"]);
    expect(msgs(text, 'vrrp')).toEqual(["Unknown keyword 'foo_bar'", "Unknown keyword 'bogus_kw'"]);
    expect(msgs(text, 'check')).toEqual(["Unknown keyword 'foo_bar'", "Unknown keyword 'nb_get_retry'"]);
  });

  test('nb_get_retry inside TCP_CHECK is unknown there; the default retry 1 stays', () => {
    const text = `virtual_server 10.0.0.1 80 {
  real_server 10.0.0.2 80 {
    TCP_CHECK {
      connect_timeout 3
      nb_get_retry 3
    }
  }
}
`;
    const r = parseKeepalivedConf(text, 'check');
    expect(r.messages).toEqual(["Unknown keyword 'nb_get_retry'"]);
    expect(r.config.virtualServers[0]!.realServers[0]!.checkers[0]).toMatchObject({
      kind: 'TCP_CHECK',
      retry: 1,
      connectTimeout: 3,
      delayBeforeRetry: 1,
    });
  });

  test('an unknown block’s closing brace closes the enclosing block early (process_stream)', () => {
    const text = INSTANCE('    mystery {\n        priority 10\n    }\n    priority 50');
    const r = parseKeepalivedConf(text, 'vrrp', eth0);
    expect(r.messages).toEqual([
      "Unknown keyword 'mystery'",
      "Unknown keyword 'priority'",
      "Unknown keyword '}'",
    ]);
    expect(r.config.vrrpInstances[0]!.priority).toBe(10);
  });

  test('the handlers’ own messages', () => {
    expect(msgs(INSTANCE('    state MASTR'), 'vrrp')).toEqual([
      "(VI_1): unknown state 'MASTR', defaulting to BACKUP",
    ]);
    expect(msgs(INSTANCE('    virtual_router_id 300'), 'vrrp')).toEqual([
      'VRRP Error : VRID not valid - must be between 1 & 255. reconfigure !',
    ]);
    expect(
      msgs(
        INSTANCE('    authentication {\n        auth_type PASS\n        auth_pass 123456789\n    }'),
        'vrrp',
      ),
    ).toEqual(['Truncating auth_pass to 8 characters']);
    expect(msgs(INSTANCE('    interface eth5'), 'vrrp')).toEqual([
      'Cant find interface eth5 for vrrp_instance VI_1 !!!',
    ]);
    expect(msgs('virtual_server 10.0.0.1 80 {\n  lb_kind DRR\n}\n', 'check')).toEqual([
      'PARSER : unknown [DRR] routing method.',
    ]);
    expect(msgs(INSTANCE('    virtual_ipaddress {\n        192.168.1.300\n    }'), 'vrrp')).toEqual([
      'VRRP parsed invalid IP 192.168.1.300. skipping IP...',
    ]);
    expect(msgs('vrrp_instance {\n}\n', 'vrrp')).toEqual(['vrrp_instance must have a name']);
    expect(msgs('global_defs\n{\n router_id x\n}\n{\n', 'parent')).toEqual(["Unexpected '{' - ignoring"]);
    expect(msgs('global_defs\n router_id x\n}\n', 'parent')).toEqual([
      "Missing '{' at beginning of configuration block",
    ]);
  });

  test('vrrp_complete_instance: defaults, warnings and the errors that stop the daemon', () => {
    const complete = (text: string) => completeVrrp(parseKeepalivedConf(text, 'vrrp', eth0).config, eth0);
    const master = complete(INSTANCE('    state MASTER\n    nopreempt'));
    expect(master.messages).toEqual(['(VI_1): Warning - nopreempt will not work with initial state MASTER']);
    expect(master.instances[0]).toMatchObject({
      priority: 255,
      initState: 'MASTER',
      nopreempt: false,
      accept: true,
    });
    expect(complete(INSTANCE('')).instances[0]).toMatchObject({ priority: 100, initState: 'BACKUP' });
    const strict = complete(
      `global_defs {\n vrrp_strict\n}\n${INSTANCE('    state MASTER\n    priority 100')}`,
    );
    expect(strict.messages).toEqual(['(VI_1): Cannot start in MASTER state if not address owner']);
    expect(strict.instances[0]).toMatchObject({ initState: 'BACKUP', accept: false });
    const noIf = complete('vrrp_instance VI_1 {\n    interface eth7\n    virtual_router_id 5\n}\n');
    expect([noIf.fatal, noIf.messages]).toEqual([true, ['VRRP_Instance(VI_1) Unknown interface !']]);
    const noVrid = complete('vrrp_instance VI_1 {\n    interface eth0\n}\n');
    expect([noVrid.fatal, noVrid.messages]).toEqual([
      true,
      ['VRRP_Instance(VI_1) the virtual id must be set!'],
    ]);
  });

  test('quoted values, comments and persistence_timeout alone', () => {
    const text = `vrrp_script chk_httpd {   # a comment
    script "killall -0 httpd"   ! another
    weight -20
}
virtual_server 10.0.0.1 80 {
    persistence_timeout
}
`;
    const v = parseKeepalivedConf(text, 'vrrp').config.vrrpScripts[0]!;
    expect(v).toMatchObject({
      name: 'chk_httpd',
      script: 'killall -0 httpd',
      weight: -20,
      interval: 1,
      fall: 1,
      rise: 1,
    });
    expect(parseKeepalivedConf(text, 'check').config.virtualServers[0]!.persistenceTimeout).toBe(360);
  });
});
