// Qualify, form the team and draft the agreement with the embedded forms, as the script's steps say. Usage: node tasks1.js <opportunityId>
const { chromium } = require('playwright-core');
const w = require('./walk.js');
const DEPARTMENTS = { SALES: 'Sales / 销售部' };
(async () => {
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
  w.setBrowser(browser);
  const id = process.argv[2];
  const qualify = w.step('QualifyOpportunity');
  let page = await w.session(qualify.user);
  await w.openStep(page, id, qualify);
  await page.getByLabel(qualify.variables.qualified ? 'Qualified / 合格' : 'Not qualified / 不合格', { exact: true }).check();
  await w.complete(page, '01-qualify');

  const team = w.step('FormTeam');
  page = await w.session(team.user);
  await w.openStep(page, id, team);
  await page.waitForTimeout(1500);
  await page.screenshot({ path: '/tmp/pw/shots/02-form-team-empty.png', fullPage: true });
  for (const role of ['solutionManager', 'deliveryManager']) {
    const option = page.locator(`#${role} option`, { hasText: `(${team.variables[role]})` }).first();
    await page.selectOption(`#${role}`, { label: await option.textContent() }).catch(async e => {
      console.log('options', await page.locator(`#${role} option`).allTextContents()); throw e; });
  }
  for (const member of team.variables.teamMembers) {
    const box = page.locator('label.checkbox-inline', { hasText: `(${member.userId})` }).locator('input');
    if (await box.count() && !(await box.first().isChecked())) await box.first().check();
  }
  await w.complete(page, '02-form-team');

  const agreement = w.step('DraftCollaborationAgreement');
  await w.openStep(page, id, agreement);
  await page.waitForTimeout(1500);
  for (const [department, share] of Object.entries(agreement.variables.departmentShares)) {
    await page.fill(`#share-${department}`, String(share));
  }
  for (const [department, commitment] of Object.entries(agreement.variables.departmentCommitments)) {
    await page.fill(`#people-${department}`, String(commitment.people));
    await page.fill(`#days-${department}`, String(commitment.days));
  }
  await page.selectOption('#customerDataOwner', { label: DEPARTMENTS[agreement.variables.customerDataOwner] });
  await page.fill('#dataAccessRules', agreement.variables.dataAccessRules);
  await w.complete(page, '03-agreement');
  console.log(JSON.stringify((await w.rest(agreement.user, `/task?processInstanceBusinessKey=${id}`)).map(t => t.name + ':' + (t.assignee || ''))));
  await browser.close();
})().catch(e => { console.error(e); process.exit(1); });
