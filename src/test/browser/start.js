// Starts an opportunity from the Tasklist start form as alice. Usage: node start.js <opportunityId>
const { chromium } = require('playwright-core');
const w = require('./walk.js');
(async () => {
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
  w.setBrowser(browser);
  const id = process.argv[2];
  const page = await w.session('alice');
  await page.click('a:has-text("Start process")');
  await page.waitForTimeout(1500);
  await page.click('a:has-text("Opportunity to delivery")');
  await page.waitForTimeout(3000);
  await page.screenshot({ path: '/tmp/pw/shots/start-form.png', fullPage: true });
  await page.getByLabel('Opportunity id').fill(id);
  await page.getByLabel('Customer name').fill('Shanghai Metro / 上海地铁');
  await page.getByLabel('Title / 商机标题').fill('Passenger analytics');
  await w.selectOption(page, 'Customer tier', 'Key');
  await page.getByLabel('Estimated value').fill('2000000');
  await w.selectOption(page, 'Technical complexity', 'Medium');
  await w.selectOption(page, 'Source', 'Sales / 销售');
  await page.getByLabel('Account manager').fill('alice');
  await page.screenshot({ path: '/tmp/pw/shots/start-filled.png', fullPage: true });
  await page.click('button:has-text("Start")');
  await page.waitForTimeout(3000);
  await page.screenshot({ path: '/tmp/pw/shots/started.png', fullPage: true });
  console.log(JSON.stringify(await w.rest('alice', `/task?processInstanceBusinessKey=${id}`)).slice(0, 300));
  await browser.close();
})().catch(e => { console.error(e); process.exit(1); });
