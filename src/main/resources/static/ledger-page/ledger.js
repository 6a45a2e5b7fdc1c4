// The ledger page: department totals with a bar chart and a chart per month (for oversight), and
// people's totals, ranked (a person sees their own row). Every figure traces to the statements that
// make it up (/api/ledger/entries), shown below with a total row equal to the figure. Reads
// /api/ledger with the webapps' session.
'use strict';

const LOCALE = ZH ? 'zh-CN' : 'en-GB';
const AMOUNT = /^-?\d+\.\d{2}$/;

function period() {
  const from = document.getElementById('from').value;
  const to = document.getElementById('to').value;
  return '?from=' + encodeURIComponent(from) + '&to=' + encodeURIComponent(to);
}

// "2026-11" as people say it: November 2026, 2026年11月.
function monthName(month, style) {
  const [year, number] = month.split('-').map(Number);
  return new Date(year, number - 1, 1).toLocaleDateString(LOCALE, { year: 'numeric', month: style || 'long' });
}

function money(value) {
  return Number(value).toLocaleString(LOCALE);
}

// Amounts right-aligned, in the cells and in their column's heading.
function alignAmounts(target) {
  const body = target.tBodies[0];
  const amountColumns = new Set();
  Array.from(body.rows).forEach((row) => Array.from(row.cells).forEach((cell, column) => {
    if (AMOUNT.test(cell.textContent)) {
      cell.classList.add('amount');
      amountColumns.add(column);
    }
  }));
  const headings = target.tHead.rows[0].cells;
  amountColumns.forEach((column) => headings[column].classList.add('amount'));
}

// A row whose figures trace to their statements: its name is a link, and the whole row clicks.
function traceable(row, filter, title, nameColumn) {
  row.classList.add('traceable');
  const first = row.cells[nameColumn || 0];
  const link = document.createElement('a');
  link.href = '#statements-section';
  link.textContent = first.textContent;
  link.title = t('Show the statements that make up this row', '查看构成此行的结算');
  first.textContent = '';
  first.appendChild(link);
  row.addEventListener('click', (event) => {
    event.preventDefault();
    trace(filter, title, row);
  });
}

// KPI credit and loss per department, drawn by ECharts: labels outside the bars, never cut.
let drawn = null;
function chart(rows) {
  const target = document.getElementById('chart');
  if (drawn) drawn.dispose();
  drawn = echarts.init(target);
  drawn.setOption({
    animation: false,
    legend: { top: 0 },
    grid: { left: 8, right: 90, top: 32, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    xAxis: { type: 'value', axisLabel: { formatter: (value) => value.toLocaleString(LOCALE) } },
    yAxis: { type: 'category', inverse: true, data: rows.map((row) => word(row.department)) },
    series: [
      [t('KPI credit (CNY)', '收益计入（元）'), 'kpiCredit', '#2e7d32'],
      [t('Loss (CNY)', '损失分摊（元）'), 'loss', '#c62828'],
    ].map(([name, key, color]) => ({
      name,
      type: 'bar',
      cursor: 'pointer',
      itemStyle: { color },
      label: { show: true, position: 'right', formatter: (item) => (Number(item.value) > 0 ? rows[item.dataIndex][key] : '') },
      data: rows.map((row) => Number(row[key])),
    })),
  });
  drawn.on('click', (item) => {
    const department = rows[item.dataIndex].department;
    trace({ department }, word(department), null);
  });
}

// Each department's colour, the same in every month.
const COLOURS = { SALES: '#1565c0', TECH: '#6a1b9a', MARKETING: '#ef6c00', DELIVERY: '#2e7d32', OPERATIONS: '#00838f' };

// Per month over the period: each department's KPI credit stacked above the line and its loss
// below (one stack: ECharts stacks positives on positives, negatives on negatives), so a month's
// bar is the sum of its departments and each piece is one department's figure.
let monthsDrawn = null;
function monthsChart(rows) {
  const target = document.getElementById('months-chart');
  if (monthsDrawn) monthsDrawn.dispose();
  monthsDrawn = echarts.init(target);
  const months = [...new Set(rows.map((row) => row.month))].sort();
  const departments = [...new Set(rows.map((row) => row.department))].sort();
  const figure = (month, department, key) => {
    const row = rows.find((r) => r.month === month && r.department === department);
    return row ? Number(row[key]) : 0;
  };
  const series = [];
  departments.forEach((department) => {
    [['kpiCredit', 1], ['loss', -1]].forEach(([key, sign]) => {
      series.push({
        name: word(department),
        type: 'bar',
        stack: 'month',
        cursor: 'pointer',
        barMaxWidth: 48,
        itemStyle: { color: COLOURS[department] || '#757575', opacity: sign > 0 ? 1 : 0.55 },
        data: months.map((month) => ({ value: sign * figure(month, department, key), month, department, key })),
      });
    });
  });
  monthsDrawn.setOption({
    animation: false,
    legend: { top: 0 },
    grid: { left: 8, right: 16, top: 40, bottom: 8, containLabel: true },
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      formatter: (items) => {
        const month = months[items[0].dataIndex];
        const lines = departments.map((department) => word(department) + ': '
          + t('KPI credit ', '收益计入 ') + money(figure(month, department, 'kpiCredit'))
          + t(', loss ', '，损失 ') + money(figure(month, department, 'loss')));
        return [monthName(month)].concat(lines).join('<br>');
      },
    },
    xAxis: { type: 'category', data: months.map((month) => monthName(month, 'short')) },
    yAxis: {
      type: 'value',
      name: t('↑ KPI credit · loss ↓ (CNY)', '↑ 收益计入 · 损失分摊 ↓（元）'),
      axisLabel: { formatter: (value) => Math.abs(value).toLocaleString(LOCALE) },
    },
    series,
  });
  monthsDrawn.on('click', (item) => {
    const { month, department } = item.data;
    trace({ department, month }, word(department) + t(', ', '，') + monthName(month), null);
  });
}

// The statements making up a figure, with a total row that equals it.
let tracing = 0;
let traced = null;
async function trace(filter, title, row) {
  const ask = ++tracing;
  const query = Object.entries(filter).map(([name, value]) => '&' + name + '=' + encodeURIComponent(value)).join('');
  const answer = await (await api('/api/ledger/entries' + period() + query)).json();
  if (ask !== tracing) return;
  document.querySelectorAll('tr.traced').forEach((other) => other.classList.remove('traced'));
  if (row) row.classList.add('traced');
  traced = query;
  const total = answer.total;
  const person = Boolean(filter.userId);
  const headings = person
    ? [t('Opportunity', '商机'), t('Kind', '类别'), t('Recorded', '记入时间'), t('Department', '部门'), t('Bonus (CNY)', '奖金（元）'), t('Collaboration star', '协作之星'), t('Promotion points', '晋升加分'), t('Judged a free rider', '被判搭便车')]
    : [t('Opportunity', '商机'), t('Kind', '类别'), t('Recorded', '记入时间'), t('KPI credit (CNY)', '收益计入（元）'), t('Bonus pool (CNY)', '奖金池（元）'), t('Loss (CNY)', '损失（元）')];
  const rows = answer.entries.map((entry) => (person
    ? [entry.opportunityId, word(entry.kind), when(entry.recorded), word(entry.department), entry.bonus, word(entry.star), entry.promotionPoints, word(entry.freeRider)]
    : [entry.opportunityId, word(entry.kind), when(entry.recorded), entry.kpiCredit, entry.pool, entry.loss]));
  const count = answer.entries.length;
  const statements = t(count === 1 ? '1 statement' : count + ' statements', '共 ' + count + ' 笔结算');
  rows.push(person
    ? [t('Total', '合计'), statements, '', '', total.bonus, total.stars, total.promotionPoints, total.freeRiderFlags]
    : [t('Total', '合计'), statements, '', total.kpiCredit, total.pool, total.loss]);
  const target = document.getElementById('statements');
  table(target, headings, rows);
  const body = target.tBodies[0];
  Array.from(body.rows).slice(0, -1).forEach((line) => {
    const cell = line.cells[0];
    const link = document.createElement('a');
    link.href = '/opportunities/' + encodeURIComponent(cell.textContent);
    link.textContent = cell.textContent;
    cell.textContent = '';
    cell.appendChild(link);
  });
  body.rows[body.rows.length - 1].className = 'total';
  alignAmounts(target);
  document.getElementById('statements-title').textContent = t('Statements making up: ', '构成以下数字的结算：') + title;
  const section = document.getElementById('statements-section');
  section.hidden = false;
  section.scrollIntoView({ block: 'start' });
}

async function load() {
  document.getElementById('message').hidden = true;
  document.getElementById('statements-section').hidden = true;
  await signedIn;
  const departments = await fetch('/api/ledger/departments' + period(), {
    credentials: 'same-origin',
    headers: { Accept: 'application/json', 'X-Requested-With': 'XMLHttpRequest' },
  });
  if (departments.status === 401) {
    say(t('Please sign in first.', '请先登录。'), true);
    return;
  }
  const section = document.getElementById('departments-section');
  if (departments.status === 403) {
    section.hidden = true;
  } else if (!departments.ok) {
    say((await departments.json()).message);
    return;
  } else {
    section.hidden = false;
    const rows = (await departments.json()).departments;
    chart(rows);
    const target = document.getElementById('departments');
    table(target,
      [t('Department', '部门'), t('Incentive statements', '激励结算'), t('Loss statements', '损失结算'), t('KPI credit (CNY)', '收益计入（元）'), t('Bonus pools (CNY)', '奖金池（元）'), t('Loss (CNY)', '损失（元）')],
      rows.map((row) => [word(row.department), row.incentiveStatements, row.lossStatements, row.kpiCredit, row.pool, row.loss]));
    Array.from(target.tBodies[0].rows).forEach((line, i) => traceable(line, { department: rows[i].department }, word(rows[i].department)));
    alignAmounts(target);
    monthsChart((await (await api('/api/ledger/months' + period())).json()).months);
  }
  // Ranked: most bonus first, then promotion points, then stars (the API gives oversight the places).
  const people = (await (await api('/api/ledger/people' + period())).json()).people
    .slice().sort((a, b) => (a.rank || 0) - (b.rank || 0));
  const ranked = people.some((row) => row.rank);
  const target = document.getElementById('people');
  table(target,
    (ranked ? [t('Rank', '排名')] : []).concat([t('Person', '人员'), t('Department', '部门'), t('Statements', '结算次数'), t('Bonus (CNY)', '奖金（元）'), t('Collaboration stars', '协作之星'), t('Promotion points', '晋升加分'), t('Judged a free rider', '被判搭便车')]),
    people.map((row) => (ranked ? [row.rank] : []).concat([row.userId, word(row.department), row.statements, row.bonus, row.stars, row.promotionPoints, row.freeRiderFlags])));
  Array.from(target.tBodies[0].rows).forEach((line, i) => traceable(line,
    { userId: people[i].userId, department: people[i].department },
    people[i].userId + t(' (', '（') + word(people[i].department) + t(')', '）'), ranked ? 1 : 0));
  alignAmounts(target);
  document.body.dataset.ready = 'true';
}

async function download(path, name, query) {
  const answer = await api(path + period() + (query || ''), 'text/csv');
  const link = document.createElement('a');
  link.href = URL.createObjectURL(await answer.blob());
  link.download = name;
  link.click();
}

document.getElementById('period').addEventListener('submit', (event) => {
  event.preventDefault();
  load();
});
document.getElementById('departments-csv').addEventListener('click', () => download('/api/ledger/departments', 'ledger-departments.csv'));
document.getElementById('months-csv').addEventListener('click', () => download('/api/ledger/months', 'ledger-months.csv'));
document.getElementById('people-csv').addEventListener('click', () => download('/api/ledger/people', 'ledger-people.csv'));
document.getElementById('statements-csv').addEventListener('click', () => download('/api/ledger/entries', 'ledger-entries.csv', traced));
load();
