/** A share link of 100 typed commands (a mix of requests, ipvsadm and sysctl), made by the app itself. */
export async function hundredCommandLink(browser, testBase) {
  const ctx = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await ctx.newPage();
  await page.goto(`${testBase}?lab=nat&paused=1`);
  await page.waitForFunction(() => window.__lvsLab?.ready);
  await page.evaluate(() => {
    const a = window.__lvsLab;
    const mix = [
      ['client', 'curl -s 172.16.132.18'],
      ['director', 'ipvsadm -Ln --stats'],
      ['rs1', 'sysctl net.ipv4.conf.all.arp_ignore'],
      ['director', 'ipvsadm -E -t 172.16.132.18:80 -s wrr'],
      ['rs2', 'ip addr show eth0'],
    ];
    for (let i = 0; i < 100; i++) a.run(...mix[i % mix.length]);
  });
  await page.getByRole('button', { name: 'Share' }).click();
  const link = await page.getByRole('textbox', { name: 'Share link' }).inputValue();
  await ctx.close();
  return new URL(link).hash;
}
