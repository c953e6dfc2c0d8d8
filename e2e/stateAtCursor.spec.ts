import { expect, test } from './fixtures';
import { typeCommand } from './pages/terminal';

const ADD = 'ip addr add 192.168.99.199/32 dev eth0';
const FWD = 'sysctl -w net.ipv4.ip_forward=0';

test('scrubbing back shows the host card and the Controls as they were; acting there forks', async ({
  lab,
  api,
  page,
}) => {
  await lab.open('nat', '?paused=1');
  await typeCommand(page, 'director', ADD);
  await typeCommand(page, 'director', FWD);
  const card = lab.topology.locator('[data-host="director"]');
  await lab.tab('Controls').click();
  const forward = lab.inspector.getByRole('checkbox', { name: /net\.ipv4\.ip_forward/ });
  await expect(card).toContainText('192.168.99.199');
  await expect(forward).not.toBeChecked();

  // Before the sysctl -w: forwarding was on, the address already there.
  const [fwdAt] = await api.find('cmd.start', { host: 'director', command: FWD });
  await api.seek(fwdAt!);
  await expect(forward).toBeChecked();
  await expect(card).toContainText('192.168.99.199');

  // Before the ip addr add: the card has no .199 yet.
  const [addAt] = await api.find('cmd.start', { host: 'director', command: ADD });
  await api.seek(addAt!);
  await expect(card).not.toContainText('192.168.99.199');
  await expect(forward).toBeChecked();

  // Acting there forks the log: both later commands are gone, the new one takes their place.
  await forward.uncheck();
  await expect.poll(async () => (await api.state()).log).toEqual([{ host: 'director', command: FWD }]);
  await api.seek(Number.MAX_SAFE_INTEGER);
  await expect(card).not.toContainText('192.168.99.199');
  await expect(forward).not.toBeChecked();
});
