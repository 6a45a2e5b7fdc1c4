// The migration page for process owners: the versions of a process with their running instances,
// a plan to move one version's instances to the latest (which step becomes which, which instances
// move, which cannot and why), the move as a batch, and the batch's progress. Reads and posts to
// /api/migrations with the webapps' session.
'use strict';

const processKey = () => document.getElementById('process').value;
let latest = null;
let shown = null;

// POST with the webapps' session, refusals said in the page's message line.
async function post(path, body) {
  await signedIn;
  const answer = await fetch(path, {
    method: 'POST',
    credentials: 'same-origin',
    headers: {
      Accept: 'application/json',
      'Content-Type': 'application/json',
      'X-Requested-With': 'XMLHttpRequest',
    },
    body: JSON.stringify(body),
  });
  if (answer.status === 401) {
    say(t('Please sign in first.', '请先登录。'), true);
    throw new Error('not signed in');
  }
  if (!answer.ok) {
    let text = answer.statusText || 'HTTP ' + answer.status;
    try { text = (await answer.json()).message; } catch (ignored) { /* not JSON */ }
    say(text);
    throw new Error(text);
  }
  return answer.json();
}

const stepNames = (steps) => steps.map((step) => t(step.english, step.chinese)).join(', ');

// An instance as a person knows it: its opportunity; one without (a health check) by its process's
// name and when it started, in the reader's own time.
function instanceName(instance) {
  if (instance.opportunityId) return instance.opportunityId;
  const name = t(shown.dataset.en, shown.dataset.zh);
  if (!instance.started) return name;
  const at = new Date(instance.started);
  const two = (number) => String(number).padStart(2, '0');
  return name + t(', started ', '，开始于 ') + at.getFullYear() + '-' + two(at.getMonth() + 1)
    + '-' + two(at.getDate()) + ' ' + two(at.getHours()) + ':' + two(at.getMinutes());
}

// Camunda's own words behind the reasons, for whoever looks into them further: shown on hover.
const camundasWords = (reasons) => reasons.map((reason) => reason.detail).filter(Boolean).join('\n');

async function showVersions() {
  document.getElementById('message').hidden = true;
  ['instances-section', 'plan-section', 'progress-section'].forEach((id) => {
    document.getElementById(id).hidden = true;
  });
  const body = await (await api('/api/migrations/' + encodeURIComponent(processKey()))).json();
  shown = document.getElementById('process').selectedOptions[0];
  latest = body.latestVersion;
  const target = document.getElementById('versions');
  table(
    target,
    [t('Version', '版本'), t('Version tag', '版本标签'), t('Running', '运行中'), ''],
    [],
  );
  target.tHead.rows[0].cells[2].className = 'count';
  body.versions.forEach((version) => {
    const row = target.tBodies[0].insertRow();
    cells(row, [
      version.version + (version.latest ? t(' (latest)', '（最新）') : ''),
      version.versionTag || '',
      version.running,
    ]);
    row.cells[2].className = 'count';
    const actions = row.insertCell();
    if (version.running > 0) {
      const list = document.createElement('button');
      list.type = 'button';
      list.textContent = t('Show them', '查看');
      list.addEventListener('click', () => showInstances(version));
      actions.appendChild(list);
    }
    if (version.running > 0 && !version.latest) {
      const plan = document.createElement('button');
      plan.type = 'button';
      plan.className = 'plan';
      plan.dataset.version = version.version;
      plan.textContent = t('Plan the move to version ', '制定迁移到第 ') + latest + t('', ' 版的计划');
      plan.addEventListener('click', () => showPlan(version.version));
      actions.appendChild(plan);
    }
  });
}

function showInstances(version) {
  document.getElementById('instances-section').hidden = false;
  document.getElementById('instances-title').textContent =
    t('Running on version ', '运行于第 ') + version.version + t('', ' 版')
    + (version.running > version.instances.length
      ? t(' (the first ', '（前 ') + version.instances.length + t(')', ' 个）') : '');
  table(
    document.getElementById('instances'),
    [t('Opportunity', '商机'), t('Stands at', '当前步骤')],
    version.instances.map((instance) => [instanceName(instance), stepNames(instance.activities)]),
  );
}

function renderPlan(plan) {
  document.getElementById('plan-section').hidden = false;
  document.getElementById('plan-title').textContent =
    t('Plan: version ', '计划：第 ') + plan.fromVersion + t(' to version ', ' 版迁移到第 ')
    + plan.toVersion + t('', ' 版');
  const problems = document.getElementById('plan-problems');
  problems.hidden = plan.planProblems.length === 0;
  problems.textContent = t('The plan is not valid: ', '计划无效：')
    + plan.planProblems.map((reason) => t(reason.english, reason.chinese)).join(' ');
  problems.title = camundasWords(plan.planProblems);
  // The steps that change: renamed, or mapped to another id; the others stay as they are.
  const changed = plan.instructions.filter((instruction) => instruction.from !== instruction.to
    || instruction.fromEnglish !== instruction.toEnglish
    || instruction.fromChinese !== instruction.toChinese);
  table(
    document.getElementById('instructions'),
    [t('Step of version ', '第 ') + plan.fromVersion + t('', ' 版的步骤'),
      t('becomes, in version ', '对应第 ') + plan.toVersion + t('', ' 版的')],
    changed.map((instruction) => [t(instruction.fromEnglish, instruction.fromChinese),
      t(instruction.toEnglish, instruction.toChinese)]),
  );
  document.getElementById('unchanged').textContent = plan.instructions.length
    ? t('The other ', '其余 ') + (plan.instructions.length - changed.length)
      + t(' steps and events stay as they are.', ' 个步骤和事件保持不变。')
    : '';
  document.getElementById('movable-title').textContent =
    t('Can move: ', '可以迁移：') + plan.movable.length;
  table(
    document.getElementById('movable'),
    [t('Opportunity', '商机'), t('Stands at', '当前步骤')],
    plan.movable.map((instance) => [instanceName(instance), stepNames(instance.activities)]),
  );
  document.getElementById('refused-title').textContent =
    t('Cannot move: ', '无法迁移：') + plan.refused.length;
  table(
    document.getElementById('refused'),
    [t('Opportunity', '商机'), t('Stands at', '当前步骤'), t('Why', '原因')],
    plan.refused.map((refused) => [
      instanceName(refused.instance),
      stepNames(refused.instance.activities),
      refused.reasons.map((reason) => t(reason.english, reason.chinese)).join(' '),
    ]),
  );
  Array.from(document.getElementById('refused').tBodies[0].rows).forEach((row, i) => {
    row.cells[2].className = 'reasons';
    row.cells[2].title = camundasWords(plan.refused[i].reasons);
  });
}

async function showPlan(fromVersion) {
  document.getElementById('progress-section').hidden = true;
  const plan = await post('/api/migrations/' + encodeURIComponent(processKey()),
    { fromVersion, dryRun: true });
  renderPlan(plan);
  const run = document.getElementById('run');
  run.hidden = plan.movable.length === 0;
  run.disabled = false;
  run.textContent = t('Move ', '迁移 ') + plan.movable.length
    + t(' to version ', ' 个实例到第 ') + plan.toVersion + t('', ' 版');
  run.onclick = () => move(fromVersion);
  document.getElementById('plan-section').scrollIntoView();
}

async function move(fromVersion) {
  const run = document.getElementById('run');
  run.disabled = true;
  const plan = await post('/api/migrations/' + encodeURIComponent(processKey()),
    { fromVersion, dryRun: false });
  renderPlan(plan);
  run.hidden = true;
  if (plan.batchId) follow(plan.batchId);
}

async function follow(batchId) {
  document.getElementById('progress-section').hidden = false;
  const path = '/api/migrations/' + encodeURIComponent(processKey()) + '/batches/'
    + encodeURIComponent(batchId);
  const progress = await (await api(path)).json();
  const bar = document.getElementById('progress-bar');
  bar.max = Math.max(progress.total, 1);
  bar.value = progress.completed;
  document.getElementById('progress').textContent = progress.finished
    ? t('Done: ', '已完成：') + progress.total + t(' moved.', ' 个实例已迁移。')
    : t('Moved ', '已迁移 ') + progress.completed + t(' of ', ' / ') + progress.total
      + (progress.failed ? t(', failed: ', '，失败：') + progress.failed
        + t(' (see the incidents in Cockpit)', '（请在 Cockpit 查看事件）') : '');
  if (progress.finished) {
    const done = document.getElementById('progress').textContent;
    await showVersions();
    document.getElementById('progress-section').hidden = false;
    document.getElementById('progress').textContent = done;
    return;
  }
  setTimeout(() => follow(batchId), 1000);
}

const asked = new URLSearchParams(location.search).get('process');
if (asked) document.getElementById('process').value = asked;
document.getElementById('choice').addEventListener('submit', (event) => {
  event.preventDefault();
  history.replaceState(null, '', '?process=' + encodeURIComponent(processKey()));
  showVersions();
});
showVersions();
