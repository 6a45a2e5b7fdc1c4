// Qualify (alice), form the team and draft the agreement (erin) with the embedded forms. Usage: node tasks1.js <opportunityId>
const { chromium } = require('playwright-core');
const w = require('./walk.js');
(async () => {
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
  w.setBrowser(browser);
  const id = process.argv[2];
  let page = await w.session('alice');
  await w.openTask(page, 'alice', id, 'QualifyOpportunity');
  await page.getByLabel('Qualified / 商机合格').check();
  await w.complete(page, '01-qualify');

  page = await w.session('erin');
  await w.openTask(page, 'erin', id, 'FormTeam');
  await page.waitForTimeout(1500);
  await page.screenshot({ path: '/tmp/pw/shots/02-form-team-empty.png', fullPage: true });
  await page.selectOption('#solutionManager', { label: 'Bob Solution manager (bob)' }).catch(async e => {
    console.log('options', await page.locator('#solutionManager option').allTextContents()); throw e; });
  await page.selectOption('#deliveryManager', { label: await page.locator('#deliveryManager option', { hasText: '(carol)' }).first().textContent() });
  await page.locator('label.checkbox-inline', { hasText: '(sam)' }).locator('input').check();
  await w.complete(page, '02-form-team');

  await w.openTask(page, 'erin', id, 'DraftCollaborationAgreement');
  await page.waitForTimeout(1500);
  await page.fill('#share-SALES', '50');
  await page.fill('#share-TECH', '35');
  await page.fill('#share-DELIVERY', '15');
  await page.selectOption('#customerDataOwner', { label: 'Sales / 销售部' });
  await page.fill('#dataAccessRules', 'Sales owns the customer data; tech may analyse it anonymised.');
  await w.complete(page, '03-agreement');
  console.log(JSON.stringify((await w.rest('erin', `/task?processInstanceBusinessKey=${id}`)).map(t => t.name + ':' + (t.assignee || ''))));
  await browser.close();
})().catch(e => { console.error(e); process.exit(1); });
