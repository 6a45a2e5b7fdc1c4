// Starts the script's opportunity from the Tasklist start form as its account manager. Usage: node start.js <opportunityId>
const { chromium } = require('playwright-core');
const w = require('./walk.js');
(async () => {
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
  w.setBrowser(browser);
  const id = process.argv[2];
  const start = w.script.start;
  const page = await w.session(start.accountManager);
  await page.click('a:has-text("Start process")');
  await page.waitForTimeout(1500);
  await page.click('a:has-text("Opportunity to delivery")');
  await page.waitForTimeout(3000);
  await page.screenshot({ path: '/tmp/pw/shots/start-form.png', fullPage: true });
  // The embedded start form names each control after its variable.
  for (const [name, value] of Object.entries({ ...start, opportunityId: id })) {
    const control = page.locator('#' + name);
    const tag = await control.evaluate(e => e.tagName + ':' + (e.type || ''));
    if (tag.startsWith('SELECT')) {
      const option = await control.locator('option').evaluateAll((options, v) =>
        options.find(o => o.value === v || o.value.endsWith(':' + v)).value, value);
      await control.selectOption(option);
    } else if (tag.endsWith('checkbox')) {
      await control.setChecked(value);
    } else {
      await control.fill(String(value));
    }
  }
  await page.screenshot({ path: '/tmp/pw/shots/start-filled.png', fullPage: true });
  await page.click('button:has-text("Start")');
  await page.waitForTimeout(3000);
  await page.screenshot({ path: '/tmp/pw/shots/started.png', fullPage: true });
  console.log(JSON.stringify(await w.rest(start.accountManager, `/task?processInstanceBusinessKey=${id}`)).slice(0, 300));
  await browser.close();
})().catch(e => { console.error(e); process.exit(1); });
