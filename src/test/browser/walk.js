// Works one opportunity in Tasklist with the forms, as the demo users. Usage: node walk.js <step>
const { chromium } = require('playwright-core');
const BASE = 'http://localhost:8080';
const auth = u => 'Basic ' + Buffer.from(u + ':demo').toString('base64');
async function rest(user, path, method = 'GET', body) {
  const r = await fetch(BASE + '/engine-rest' + path, { method, headers: { Authorization: auth(user), 'Content-Type': 'application/json' }, body: body && JSON.stringify(body) });
  const text = await r.text(); try { return JSON.parse(text); } catch { return text; }
}
let browser;
async function session(user) {
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
  const page = await context.newPage();
  page.on('pageerror', e => console.log('PAGE ERROR', e.message));
  await page.goto(BASE + '/camunda/app/tasklist/default/');
  await page.fill('input[ng-model="username"]', user);
  await page.fill('input[ng-model="password"]', 'demo');
  await page.click('button[type="submit"]');
  await page.waitForTimeout(2500);
  return page;
}
async function openTask(page, user, id, key, filter = t => true) {
  const tasks = (await rest(user, `/task?processInstanceBusinessKey=${id}&taskDefinitionKey=${key}`)).filter(filter);
  if (!tasks.length) throw new Error(`${user} sees no ${key}`);
  const task = tasks[0];
  await page.goto(BASE + `/camunda/app/tasklist/default/#/?task=${task.id}`);
  await page.waitForTimeout(2500);
  const claim = page.locator('button:has-text("Claim")');
  if (await claim.count() && await claim.first().isVisible()) { await claim.first().click(); await page.waitForTimeout(1500); }
  return task;
}
async function complete(page, name) {
  await page.screenshot({ path: `/tmp/pw/shots/${name}.png`, fullPage: true });
  await page.click('button:has-text("Complete")');
  await page.waitForTimeout(2500);
  const err = page.locator('.alert-danger, .notification.error, [cam-notifications] .error');
  if (await err.count()) { console.log('NOTICE', name, (await err.allTextContents()).join(' | ').slice(0, 400)); }
}
async function selectOption(page, label, optionText) {
  const field = page.locator(`.fjs-form-field:has(label:has-text("${label}")) .fjs-input-group`).first();
  await field.click();
  await page.waitForTimeout(300);
  await page.locator('.fjs-dropdownlist-item', { hasText: optionText }).first().click();
}
module.exports = { rest, session, openTask, complete, selectOption, setBrowser: b => browser = b, BASE };
