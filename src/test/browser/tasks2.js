// Every further task to DELIVERED, each by the demo user who owns it. Usage: node tasks2.js <opportunityId>
const { chromium } = require('playwright-core');
const w = require('./walk.js');
(async () => {
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
  w.setBrowser(browser);
  const id = process.argv[2];
  const pages = {};
  const as = async user => pages[user] || (pages[user] = await w.session(user));
  for (const [user, group] of [['alice', 'sales'], ['bob', 'tech'], ['carol', 'delivery']]) {
    const page = await as(user);
    const tasks = await w.rest(user, `/task?processInstanceBusinessKey=${id}&taskDefinitionKey=SignCollaborationAgreement&candidateGroup=${group}`);
    await w.openTask(page, user, id, 'SignCollaborationAgreement', t => t.id === tasks[0].id);
    await page.getByLabel('Approve the agreement').check();
    await w.complete(page, '04-sign-' + group);
  }
  let page = await as('bob');
  await w.openTask(page, 'bob', id, 'DesignSolution');
  await page.getByLabel('Solution summary').fill('Streaming analytics on the metro data lake');
  await page.getByLabel('Estimated effort').fill('120');
  await w.complete(page, '05-design');
  page = await as('alice');
  await w.openTask(page, 'alice', id, 'PrepareOffer');
  await page.getByLabel('Offer value').fill('2100000');
  await w.complete(page, '06-offer');
  page = await as('bob');
  await w.openTask(page, 'bob', id, 'SupportNegotiation');
  await page.getByLabel('Technical commitments').fill('99.9 % availability');
  await w.complete(page, '07-support');
  page = await as('alice');
  await w.openTask(page, 'alice', id, 'NegotiateDeal');
  await w.selectOption(page, 'Negotiation outcome', 'Won / 赢单');
  await page.waitForTimeout(500);
  await page.getByLabel('Contract value').fill('2000000');
  await w.complete(page, '08-negotiate');
  page = await as('carol');
  await w.openTask(page, 'carol', id, 'PlanDelivery');
  await page.getByLabel('Number of two-week sprints').fill('2');
  await w.complete(page, '09-plan');
  for (const n of [1, 2]) {
    await w.openTask(page, 'carol', id, 'ReviewSprint');
    await w.selectOption(page, 'Sprint status', 'On track');
    await page.getByLabel('Sprint notes').fill('Sprint ' + n + ' done');
    await w.complete(page, '10-sprint-' + n);
  }
  page = await as('alice');
  await w.openTask(page, 'alice', id, 'AcceptDelivery');
  await page.getByLabel('Customer accepted').check();
  await page.waitForTimeout(500);
  await page.getByLabel('Realized revenue').fill('2000000');
  await w.complete(page, '11-accept');
  for (const [user, group, hours, cost] of [['sam', 'sales', '120', '30000'], ['tina', 'tech', '300', '90000'], ['carol', 'delivery', '80', '20000']]) {
    page = await as(user);
    const tasks = await w.rest(user, `/task?processInstanceBusinessKey=${id}&taskDefinitionKey=ReportDepartmentInput&candidateGroup=${group}`);
    await w.openTask(page, user, id, 'ReportDepartmentInput', t => t.id === tasks[0].id);
    await page.getByLabel('Input hours').fill(hours);
    await page.getByLabel('Input cost').fill(cost);
    await w.complete(page, '12-input-' + group);
  }
  const ratings = { alice: { sam: 2, bob: 5, carol: 4 }, sam: { alice: 5, bob: 5, carol: 4 },
    bob: { alice: 4, sam: 2, carol: 3 }, carol: { alice: 5, sam: 3, bob: 4 } };
  for (const rater of Object.keys(ratings)) {
    page = await as(rater);
    await w.openTask(page, rater, id, 'EvaluatePeers', t => t.assignee === rater);
    await page.waitForTimeout(1000);
    for (const [ratee, score] of Object.entries(ratings[rater])) {
      await page.selectOption('#rating-' + ratee, { label: String(score) });
    }
    await page.fill('#comments', 'Good collaboration');
    await w.complete(page, '13-evaluate-' + rater);
  }
  await new Promise(r => setTimeout(r, 4000));
  page = await as('grace');
  await w.openTask(page, 'grace', id, 'ApproveIncentives');
  await page.getByLabel('Approve the incentive statement').check();
  await w.complete(page, '14-approve');
  console.log('left', JSON.stringify(await w.rest('olivia', `/task?processInstanceBusinessKey=${id}`)));

  await browser.close();
})().catch(e => { console.error(e); process.exit(1); });
