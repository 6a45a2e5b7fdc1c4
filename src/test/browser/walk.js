// Works one opportunity in Tasklist with the forms, as the demo users: the helpers of start.js,
// tasks1.js and tasks2.js. What each step enters, and who enters it, is the Java script of the
// process (org.opencollab.script.WorkedOpportunity) written out to worked-opportunity.json.
const { chromium } = require('playwright-core');
const BASE = 'http://localhost:8080';
const script = require('./worked-opportunity.json');
// The steps of the script with this task key, in order.
const steps = key => script.steps.filter(s => s.taskKey === key);
const step = key => { const found = steps(key); if (found.length !== 1) throw new Error(`${found.length} steps ${key}`); return found[0]; };
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
  // Only notices on screen: Tasklist keeps its hidden "filters finished with failures" alert in the page.
  const err = page.locator('.alert-danger:visible, .notification.error:visible, [cam-notifications] .error:visible');
  if (await err.count()) { console.log('NOTICE', name, (await err.allInnerTexts()).join(' | ').slice(0, 400)); }
}
async function selectOption(page, label, optionText) {
  const field = page.locator(`.fjs-form-field:has(label:has-text("${label}")) .fjs-input-group`).first();
  await field.click();
  await page.waitForTimeout(300);
  await page.locator('.fjs-dropdownlist-item', { hasText: optionText }).first().click();
}
// Opens the task a step of the script completes: of its group, or assigned to its user.
async function openStep(page, id, s) {
  for (let tries = 0; tries < 30; tries++) {
    const group = s.group ? `&candidateGroup=${s.group}` : '';
    const tasks = (await rest(s.user, `/task?processInstanceBusinessKey=${id}&taskDefinitionKey=${s.taskKey}${group}`))
      .filter(t => s.group || !t.assignee || t.assignee === s.user);
    if (tasks.length) return openTask(page, s.user, id, s.taskKey, t => t.id === tasks[0].id);
    await new Promise(r => setTimeout(r, 1000)); // an asynchronous step of the process runs first
  }
  throw new Error(`${s.user} sees no ${s.taskKey}`);
}
module.exports = { rest, session, openTask, openStep, complete, selectOption, script, steps, step, setBrowser: b => browser = b, BASE };
