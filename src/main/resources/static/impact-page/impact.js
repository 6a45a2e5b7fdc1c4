// The impact preview: a process owner chooses a decision, its edited file and a period; the page
// posts them to /api/decisions/{key}/impact with the webapps' session and shows the outcomes that
// change, each output by its label, and for the incentive policy the money per department and
// person. Nothing is deployed.
'use strict';

// The product's decisions, by key, as their models name them.
const DECISIONS = [
  ['techParticipation', 'Tech participation in negotiations / 技术参与商务谈判'],
  ['opportunityTriage', 'Triage opportunity / 商机分级'],
  ['arbitrationRouting', 'Route dispute / 争议分流'],
  ['incentivePolicy', 'Incentive policy / 激励政策'],
  ['serviceLevels', 'Service levels / 服务时限'],
  ['committeeRecusal', 'Stand aside from a dispute / 仲裁回避'],
  ['maturityLevels', 'Collaboration maturity levels / 协作成熟度'],
  ['healthWarnings', 'Collaboration health warnings / 协作预警'],
];
const LOCALE = ZH ? 'zh-CN' : 'en-GB';

(function pickers() {
  const select = document.getElementById('decision');
  DECISIONS.forEach(([key, name]) => {
    const option = document.createElement('option');
    option.value = key;
    option.textContent = side(name);
    select.appendChild(option);
  });
  const asked = new URLSearchParams(location.search).get('decision');
  if (asked) select.value = asked;
})();

// A value as a person reads it: a code in words, a text "English / 中文" on the reader's side.
function shown(value) {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return value.toLocaleString(LOCALE, { maximumFractionDigits: 6 });
  return reads(value);
}

// An outcome as lines "label: value", the outputs that change marked.
function outcome(cell, value, labels, changed) {
  const entries = value === null ? [] : Array.isArray(value) ? value : [value];
  if (entries.length === 0) {
    cell.textContent = t('no rule matches', '没有匹配的规则');
    return;
  }
  entries.forEach((entry) => {
    Object.entries(entry).forEach(([name, item]) => {
      const line = document.createElement('span');
      line.className = 'output' + (changed.includes(name) ? ' changed' : '');
      const label = document.createElement('span');
      label.className = 'output-label';
      label.textContent = side(labels[name] || name) + t(': ', '：');
      line.appendChild(label);
      line.appendChild(document.createTextNode(shown(item)));
      cell.appendChild(line);
    });
  });
}

function changesTable(answer) {
  const outputLabels = {};
  answer.outputs.forEach((output) => { outputLabels[output.name] = output.label || output.name; });
  const target = document.getElementById('changes');
  table(target,
    [t('Opportunity', '商机'), t('Evaluated', '评估时间'), t('Inputs recorded', '记录的输入'), t('Before', '修改前'), t('After the change', '修改后')],
    answer.changes.map(() => ['', '', '', '', '']));
  Array.from(target.tBodies[0].rows).forEach((row, i) => {
    const change = answer.changes[i];
    if (change.opportunityId) {
      const link = document.createElement('a');
      link.href = '/opportunities/' + encodeURIComponent(change.opportunityId);
      link.textContent = change.opportunityId;
      row.cells[0].appendChild(link);
    } else {
      row.cells[0].textContent = t('(no opportunity)', '（无商机）');
    }
    row.cells[1].textContent = when(change.evaluated);
    answer.inputs.forEach((input) => {
      if (!(input.id in change.inputs)) return;
      const line = document.createElement('span');
      line.className = 'output';
      line.textContent = side(input.label || input.id) + t(': ', '：') + shown(change.inputs[input.id]);
      row.cells[2].appendChild(line);
    });
    outcome(row.cells[3], change.before, outputLabels, change.changedOutputs);
    outcome(row.cells[4], change.after, outputLabels, change.changedOutputs);
  });
}

function money(value) {
  return Number(value).toLocaleString(LOCALE, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}

function signed(value, amount) {
  const number = Number(value);
  const text = amount ? money(value) : number.toLocaleString(LOCALE);
  return number > 0 ? '+' + text : text;
}

// Right-aligned figures, and a change coloured by its sign.
function figures(target, amountColumns, changeColumns) {
  Array.from(target.tBodies[0].rows).forEach((row) => {
    amountColumns.forEach((column) => row.cells[column].classList.add('amount'));
    changeColumns.forEach((column) => {
      const text = row.cells[column].textContent;
      if (text.startsWith('+')) row.cells[column].classList.add('up');
      if (text.startsWith('-')) row.cells[column].classList.add('down');
    });
  });
  amountColumns.forEach((column) => target.tHead.rows[0].cells[column].classList.add('amount'));
}

function moneyTables(effect) {
  document.getElementById('money-summary').textContent = t(
    count(effect.statements, 'statement', 'statements') + ' computed again with the edited policy; '
      + effect.changedStatements + ' of them ' + (effect.changedStatements === 1 ? 'changes.' : 'change.'),
    '已按修改后的政策重新计算 ' + effect.statements + ' 笔结算，其中 ' + effect.changedStatements + ' 笔发生变化。');
  const departments = document.getElementById('money-departments');
  table(departments,
    [t('Department', '部门'), t('KPI credit before', '修改前收益计入'), t('after', '修改后'), t('change', '变化'),
      t('Bonus pool before', '修改前奖金池'), t('after', '修改后'), t('change', '变化'),
      t('Loss before', '修改前损失'), t('after', '修改后'), t('change', '变化')],
    effect.departments.map((row) => [word(row.department),
      money(row.kpiCreditBefore), money(row.kpiCreditAfter), signed(row.kpiCreditChange, true),
      money(row.poolBefore), money(row.poolAfter), signed(row.poolChange, true),
      money(row.lossBefore), money(row.lossAfter), signed(row.lossChange, true)]));
  figures(departments, [1, 2, 3, 4, 5, 6, 7, 8, 9], [3, 6, 9]);
  const people = document.getElementById('money-people');
  table(people,
    [t('Person', '人员'), t('Department', '部门'), t('Bonus before (CNY)', '修改前奖金（元）'), t('after', '修改后'), t('change', '变化'),
      t('Collaboration stars before', '修改前协作之星'), t('after', '修改后'),
      t('Promotion points before', '修改前晋升加分'), t('after', '修改后'), t('change', '变化'),
      t('Judged a free rider before', '修改前被判搭便车'), t('after', '修改后')],
    effect.people.map((row) => [row.userId, word(row.department),
      money(row.bonusBefore), money(row.bonusAfter), signed(row.bonusChange, true),
      row.starsBefore, row.starsAfter,
      row.promotionPointsBefore, row.promotionPointsAfter, signed(row.promotionPointsChange, false),
      row.freeRiderFlagsBefore, row.freeRiderFlagsAfter]));
  figures(people, [2, 3, 4, 5, 6, 7, 8, 9, 10, 11], [4, 9]);
  const notRecomputed = document.getElementById('not-recomputed-section');
  notRecomputed.hidden = effect.notRecomputed.length === 0;
  table(document.getElementById('not-recomputed'),
    [t('Opportunity', '商机'), t('Kind', '类别'), t('Why', '原因')],
    effect.notRecomputed.map((row) => [row.opportunityId, word(row.kind), row.reason]));
  document.getElementById('money-section').hidden = false;
}

// "1 evaluation", "2 evaluations".
function count(number, one, many) {
  return number + ' ' + (number === 1 ? one : many);
}

function show(answer) {
  const decision = side(answer.decisionName || answer.decisionKey);
  document.getElementById('summary').textContent = t(
    decision + ': ' + count(answer.evaluations, 'evaluation', 'evaluations') + ' replayed, '
      + count(answer.changed, 'outcome changes', 'outcomes change'),
    decision + '：重放 ' + answer.evaluations + ' 次评估，' + answer.changed + ' 个结果发生变化');
  const notReplayed = document.getElementById('not-replayed');
  notReplayed.hidden = answer.notReplayed === 0;
  notReplayed.textContent = t(
    count(answer.notReplayed, 'evaluation of the period was', 'evaluations of the period were') + ' not replayed: they lack a column of the edited table (an older version of the decision had no such column).',
    '该期间内有 ' + answer.notReplayed + ' 次评估未能重放：它们缺少修改后决策表中的某一列（该决策的旧版本没有这一列）。');
  changesTable(answer);
  document.getElementById('result').hidden = false;
  if (answer.money) moneyTables(answer.money);
}

async function preview() {
  document.getElementById('message').hidden = true;
  document.getElementById('result').hidden = true;
  document.getElementById('money-section').hidden = true;
  delete document.body.dataset.ready;
  await signedIn;
  const key = document.getElementById('decision').value;
  const form = new FormData();
  const file = document.getElementById('file').files[0];
  if (file) form.append('file', file);
  ['from', 'to'].forEach((name) => {
    const value = document.getElementById(name).value;
    if (value) form.append(name, value);
  });
  const answer = await fetch('/api/decisions/' + encodeURIComponent(key) + '/impact', {
    method: 'POST',
    credentials: 'same-origin',
    headers: { Accept: 'application/json', 'X-Requested-With': 'XMLHttpRequest' },
    body: form,
  });
  if (answer.status === 401) {
    say(t('Please sign in first.', '请先登录。'), true);
    return;
  }
  if (!answer.ok) {
    let text = answer.statusText || 'HTTP ' + answer.status;
    try { text = (await answer.json()).message; } catch (ignored) { /* not JSON */ }
    say(text);
    document.body.dataset.ready = 'refused';
    return;
  }
  show(await answer.json());
  document.body.dataset.ready = 'true';
}

document.getElementById('file').addEventListener('change', (event) => {
  const chosen = event.target.files[0];
  document.getElementById('file-name').textContent = chosen ? chosen.name : t('none chosen', '未选择');
});

document.getElementById('preview').addEventListener('submit', (event) => {
  event.preventDefault();
  preview();
});
