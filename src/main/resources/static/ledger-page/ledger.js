// The ledger page: department totals with a bar chart (for oversight), and people's totals (a
// person sees their own row). Reads /api/ledger with the webapps' session.
'use strict';

function period() {
  const from = document.getElementById('from').value;
  const to = document.getElementById('to').value;
  return '?from=' + encodeURIComponent(from) + '&to=' + encodeURIComponent(to);
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
    xAxis: { type: 'value', axisLabel: { formatter: (value) => value.toLocaleString(ZH ? 'zh-CN' : 'en-GB') } },
    yAxis: { type: 'category', inverse: true, data: rows.map((row) => word(row.department)) },
    series: [
      [t('KPI credit (CNY)', '收益计入（元）'), 'kpiCredit', '#2e7d32'],
      [t('Loss (CNY)', '损失分摊（元）'), 'loss', '#c62828'],
    ].map(([name, key, color]) => ({
      name,
      type: 'bar',
      itemStyle: { color },
      label: { show: true, position: 'right', formatter: (item) => (Number(item.value) > 0 ? rows[item.dataIndex][key] : '') },
      data: rows.map((row) => Number(row[key])),
    })),
  });
}

async function load() {
  document.getElementById('message').hidden = true;
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
    table(document.getElementById('departments'),
      [t('Department', '部门'), t('Incentive statements', '激励结算'), t('Loss statements', '损失结算'), t('KPI credit (CNY)', '收益计入（元）'), t('Bonus pools (CNY)', '奖金池（元）'), t('Loss (CNY)', '损失（元）')],
      rows.map((row) => [word(row.department), row.incentiveStatements, row.lossStatements, row.kpiCredit, row.pool, row.loss]));
  }
  const people = (await (await api('/api/ledger/people' + period())).json()).people;
  table(document.getElementById('people'),
    [t('Person', '人员'), t('Department', '部门'), t('Statements', '结算次数'), t('Bonus (CNY)', '奖金（元）'), t('Collaboration stars', '协作之星'), t('Promotion points', '晋升加分'), t('Judged a free rider', '被判搭便车')],
    people.map((row) => [row.userId, word(row.department), row.statements, row.bonus, row.stars, row.promotionPoints, row.freeRiderFlags]));
  document.querySelectorAll('td').forEach((cell) => {
    if (/^-?\d+\.\d{2}$/.test(cell.textContent)) cell.className = 'amount';
  });
  document.body.dataset.ready = 'true';
}

async function download(path, name) {
  const answer = await api(path + period(), 'text/csv');
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
document.getElementById('people-csv').addEventListener('click', () => download('/api/ledger/people', 'ledger-people.csv'));
load();
