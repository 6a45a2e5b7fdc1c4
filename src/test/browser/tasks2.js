// Every further step of the script to DELIVERED, each by the demo user who owns it. Usage: node tasks2.js <opportunityId>
const { chromium } = require('playwright-core');
const w = require('./walk.js');
const OPTIONS = { WON: 'Won / 赢单', LOST: 'Lost / 丢单', ON_TRACK: 'On track', AT_RISK: 'At risk' };
// How each field of the script is entered in its form.
const FIELDS = {
  agreementApproved: (page, v) => page.getByLabel(v ? 'Approve / 同意' : 'Reject / 不同意', { exact: true }).check(),
  solutionSummary: (page, v) => page.getByLabel('Solution summary').fill(v),
  estimatedEffortDays: (page, v) => page.getByLabel('Estimated effort').fill(String(v)),
  offerValue: (page, v) => page.getByLabel('Offer value').fill(String(v)),
  technicalCommitments: (page, v) => page.getByLabel('Technical commitments').fill(v),
  negotiationOutcome: async (page, v) => { await w.selectOption(page, 'Negotiation outcome', OPTIONS[v]); await page.waitForTimeout(500); },
  contractValue: (page, v) => page.getByLabel('Contract value').fill(String(v)),
  sprintCount: (page, v) => page.getByLabel('Number of two-week sprints').fill(String(v)),
  sprintStatus: (page, v) => w.selectOption(page, 'Sprint status', OPTIONS[v]),
  sprintNotes: (page, v) => page.getByLabel('Sprint notes').fill(v),
  accepted: async (page, v) => { await page.getByLabel(v ? 'Accepted / 验收通过' : 'Not accepted / 未通过验收', { exact: true }).check(); await page.waitForTimeout(500); },
  realizedRevenue: (page, v) => page.getByLabel('Realized revenue').fill(String(v)),
  inputHours: (page, v) => page.getByLabel('Input hours').fill(String(v)),
  inputCost: (page, v) => page.getByLabel('Input cost').fill(String(v)),
  ratings: async (page, v) => {
    await page.waitForTimeout(1000);
    for (const [ratee, score] of Object.entries(v)) await page.selectOption('#rating-' + ratee, { label: String(score) });
  },
  comments: (page, v) => page.fill('#comments', v),
  incentivesApproved: (page, v) => page.locator('input[name="incentivesApproved"]').setChecked(v),
};
(async () => {
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
  w.setBrowser(browser);
  const id = process.argv[2];
  const pages = {};
  const as = async user => pages[user] || (pages[user] = await w.session(user));
  const first = w.script.steps.findIndex(s => s.taskKey === 'SignCollaborationAgreement');
  let n = 4;
  for (const s of w.script.steps.slice(first)) {
    const page = await as(s.user);
    await w.openStep(page, id, s);
    for (const [name, value] of Object.entries(s.variables)) {
      if (!FIELDS[name]) throw new Error(`no way to enter ${name} of ${s.taskKey}`);
      await FIELDS[name](page, value);
    }
    await w.complete(page, `${String(n++).padStart(2, '0')}-${s.taskKey}-${s.group || s.user}`);
  }
  console.log('left', JSON.stringify(await w.rest('olivia', `/task?processInstanceBusinessKey=${id}`)));

  await browser.close();
})().catch(e => { console.error(e); process.exit(1); });
