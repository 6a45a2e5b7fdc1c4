'use strict';
// The latest collaboration health report (docs/collaboration-health.md) as a page: the period in
// dates, each maturity level with the figures behind it and its change since the last report,
// overall and per department, the warnings with their evidence, the follow-ups of the last report's
// warnings, the departments and the overall figures, every code and field named in the reader's
// language.

// The dimensions and warnings in the words of the shared table (story-page/common.js), which the
// decision preview shows too.
const fromWords = (...codes) => Object.fromEntries(codes.map((code) => [code, WORDS[code]]));
const DIMENSIONS = fromWords('INFORMATION_SHARING', 'RESOURCE_INTEGRATION', 'INNOVATION_OUTPUT');
const WARNINGS = fromWords('SLOW_CLAIM', 'DISPUTES_AGAINST', 'REPEATED_FREE_RIDER', 'SPRINTS_AT_RISK');
const DISPUTE_TYPES = {
  RESOURCE_ALLOCATION: ['resource allocation', '资源分配'], DATA_ACCESS: ['data access', '数据访问'],
  PRIORITY: ['priority', '优先级'], RESPONSIBILITY: ['responsibility', '责任归属'],
  INCENTIVE_SPLIT: ['incentive split', '激励分配'],
};
const CHANGES = {
  UP: ['↑ up', '↑ 上升'], DOWN: ['↓ down', '↓ 下降'], SAME: ['= same', '= 持平'],
};
const ACTIONS = {
  CONTACTED_DEPARTMENT: ['Contacted the department', '已联系部门'],
  CHANGED_PROCESS: ['Changed the way of working', '已调整流程'],
  ESCALATED_TO_COMMITTEE: ['Escalated to the committee', '已上报协作会'],
  NO_ACTION_NEEDED: ['No action needed', '无需行动'],
};
const name = (labels, code) => (labels[code] ? t(labels[code][0], labels[code][1]) : code);
const department = (code) => word(code);
const day = (iso) => (iso ? new Date(iso).toLocaleDateString(ZH ? 'zh-CN' : 'en-GB') : '');
const number = (value) => (value === null || value === undefined ? '–' : String(value));

function basis(row) {
  const b = row.basis || {};
  switch (row.dimension) {
    case 'INFORMATION_SHARING':
      return t(`${b.tasksClaimedWithinADay} of ${b.tasksClaimed} offered tasks picked up within a day`,
        `${b.tasksClaimed} 个待认领任务中 ${b.tasksClaimedWithinADay} 个在一天内被认领`);
    case 'RESOURCE_INTEGRATION':
      return t(`${b.opportunitiesWithTech} of ${b.opportunitiesStarted} new opportunities with tech; ${b.committeeRulings} committee rulings`,
        `${b.opportunitiesStarted} 个新商机中 ${b.opportunitiesWithTech} 个有技术部参与；协作会裁决 ${b.committeeRulings} 次`);
    case 'INNOVATION_OUTPUT':
      return t(`${b.wonWithInnovation} of ${b.opportunitiesWon} won opportunities with a new product or a press release`,
        `${b.opportunitiesWon} 个赢单商机中 ${b.wonWithInnovation} 个有新产品或新闻稿`);
    default:
      return row.basisText || '';
  }
}

const levelText = (level) => (level === null || level === undefined ? t('no data', '无数据') : String(level));
const change = (row) => (row.change ? name(CHANGES, row.change) : t('– no comparison', '– 无可比较'));

function subject(warning) {
  if (warning.subjectKind === 'department') return t('Department ', '部门：') + department(warning.subject);
  if (warning.subjectKind === 'person') return t('Person ', '人员：') + warning.subject;
  return t('Opportunity ', '商机：') + warning.subject;
}

function evidence(warning) {
  const e = warning.evidence || {};
  switch (warning.warning) {
    case 'SLOW_CLAIM':
      return t(`median ${warning.value} h over ${e.tasksPickedUp} tasks picked up; slowest: `,
        `已认领 ${e.tasksPickedUp} 个任务，中位 ${warning.value} 小时；最慢：`)
        + (e.slowestTasks || []).map((task) => `${task.task} (${task.claimHours} h)`).join(', ');
    case 'DISPUTES_AGAINST':
      return (e.disputes || []).map((dispute) => t(
        `${dispute.opportunityId}: ${name(DISPUTE_TYPES, dispute.disputeType)}, raised by ${department(dispute.raisedBy)}`,
        `${dispute.opportunityId}：${name(DISPUTE_TYPES, dispute.disputeType)}，由${department(dispute.raisedBy)}提出`)).join('; ');
    case 'REPEATED_FREE_RIDER':
      return (e.opportunities || []).map((judgement) => t(
        `${judgement.opportunityId} (peer score ${judgement.peerScore})`,
        `${judgement.opportunityId}（互评得分 ${judgement.peerScore}）`)).join(', ');
    case 'SPRINTS_AT_RISK':
      return t('sprints ', '冲刺 ') + (e.sprints || []).join(', ');
    default:
      return warning.evidenceText || '';
  }
}

const DEPARTMENT_COLUMNS = [
  ['department', 'Department', '部门'],
  ['tasksCompleted', 'Tasks completed', '完成任务'],
  ['tasksPickedUp', 'Tasks picked up', '认领任务'],
  ['tasksWaiting', 'Tasks waiting', '待认领任务'],
  ['medianClaimHours', 'Median hours to claim', '认领用时中位数（小时）'],
  ['p90ClaimHours', '90 % claimed within (h)', '90% 认领用时（小时）'],
  ['medianCompletionHours', 'Median hours to complete', '完成用时中位数（小时）'],
  ['p90CompletionHours', '90 % completed within (h)', '90% 完成用时（小时）'],
  ['slaTimersFired', 'Deadlines passed', '超时次数'],
  ['disputesRaised', 'Disputes raised', '提出争议'],
  ['disputesAgainst', 'Disputes against', '被提争议'],
  ['averagePeerScore', 'Average peer score', '平均互评得分'],
];

const OVERALL = [
  ['opportunitiesStarted', 'Opportunities started', '新增商机'],
  ['opportunitiesWithTech', 'With technical participation', '有技术部参与'],
  ['techParticipationPercent', 'Technical participation (%)', '技术参与率（%）'],
  ['won', 'Won', '赢单'],
  ['delivered', 'Delivered', '已交付'],
  ['failedInDelivery', 'Failed in delivery', '交付失败'],
  ['lost', 'Lost', '丢单'],
  ['disqualified', 'Disqualified', '未通过资格评估'],
  ['winRatePercent', 'Win rate (%)', '赢单率（%）'],
  ['wonWithInnovation', 'Won with a new product or press release', '含新产品或新闻稿的赢单'],
  ['agreementsSigned', 'Agreements signed', '已签协作协议'],
  ['medianHoursToSignedAgreement', 'Median hours to a signed agreement', '签署协议用时中位数（小时）'],
  ['disputesRaised', 'Disputes raised', '提出争议'],
  ['disputesSettled', 'Disputes settled', '已解决争议'],
  ['medianArbitrationHours', 'Median hours to a ruling', '仲裁用时中位数（小时）'],
  ['settledByMediation', 'Settled by mediation', '调解解决'],
  ['committeeRulings', 'Committee rulings', '协作会裁决'],
  ['mediationPercent', 'Settled by mediation (%)', '调解解决率（%）'],
  ['slaTimersFired', 'Deadlines passed', '超时次数'],
  ['tasksClaimed', 'Tasks picked up', '认领任务'],
  ['tasksClaimedWithinADay', 'Picked up within a day', '一天内认领'],
  ['customerFeedbackItems', 'Customer feedback recorded', '记录的客户反馈'],
  ['customerFeedbackAnswered', 'Customer feedback answered', '已答复的客户反馈'],
  ['medianFeedbackAnswerHours', 'Median hours to answer customer feedback', '答复客户反馈用时中位数（小时）'],
];

function numbersRight(target) {
  target.querySelectorAll('tbody td').forEach((cell) => {
    if (/^[-–\d.,]+$/.test(cell.textContent.trim())) cell.classList.add('number');
  });
}

(async () => {
  await signedIn;
  const answer = await fetch('/api/collaboration-health/latest', {
    credentials: 'same-origin',
    headers: { Accept: 'application/json', 'X-Requested-With': 'XMLHttpRequest' },
  });
  if (answer.status === 404) {
    say(t('No health check has run yet. Coordinators start one in Tasklist: "Collaboration health check".',
      '尚未进行协作健康检查。协调员可在任务列表中发起“协作健康检查”。'));
    document.body.dataset.ready = 'true';
    return;
  }
  if (!answer.ok) {
    let text = 'HTTP ' + answer.status;
    try { text = (await answer.json()).message; } catch (ignored) { /* not JSON */ }
    say(answer.status === 403
      ? t('The health report is for auditors, coordinators, the committee and process owners.',
        '协作健康报告仅供审计、协调员、协作会与流程负责人查阅。')
      : text);
    document.body.dataset.ready = 'true';
    return;
  }
  const report = await answer.json();
  document.getElementById('period').textContent = t(
    `${day(report.period.from)} to ${day(report.period.to)} (${report.period.days} days), assessed ${when(report.assessedAt)}`,
    `${day(report.period.from)} 至 ${day(report.period.to)}（${report.period.days} 天），评估于 ${when(report.assessedAt)}`);

  const maturity = document.getElementById('maturity');
  table(maturity, [t('Dimension', '维度'), t('Level (1–5)', '等级（1–5）'), t('Last report', '上次报告'),
    t('Change', '变化'), t('Basis', '依据')],
    report.maturity.map((row) => [name(DIMENSIONS, row.dimension),
      row.level === null || row.level === undefined ? t('no data in the period', '本期无数据') : row.level,
      levelText(row.previousLevel), change(row), basis(row)]));
  maturity.querySelectorAll('tbody tr').forEach((row, index) => {
    const level = row.cells[1];
    level.classList.add('level');
    const bar = document.createElement('span');
    bar.className = 'level-bar';
    bar.style.width = (report.maturity[index].level || 0) * 16 + 'px';
    level.appendChild(bar);
  });

  const perDepartment = report.departmentMaturity || [];
  table(document.getElementById('department-maturity'),
    [t('Department', '部门'), t('Dimension', '维度'), t('Level (1–5)', '等级（1–5）'),
      t('Last report', '上次报告'), t('Change', '变化'), t('Basis', '依据')],
    perDepartment.map((row) => [department(row.department), name(DIMENSIONS, row.dimension),
      levelText(row.level), levelText(row.previousLevel), change(row), basis(row)]));

  const followUps = report.followUps || [];
  document.getElementById('no-follow-ups').hidden = followUps.length > 0;
  document.getElementById('follow-ups').hidden = followUps.length === 0;
  table(document.getElementById('follow-ups'),
    [t('Warning', '预警'), t('About', '对象'), t('Followed up by', '跟进人'), t('Action', '行动'),
      t('Note', '说明'), t('Now', '本期')],
    followUps.map((row) => [name(WARNINGS, row.warning), subject(row), row.followedUpBy || '–',
      row.action ? name(ACTIONS, row.action) : t('not followed up yet', '尚未跟进'), row.note || '–',
      row.persists ? t('still warned', '仍在预警') : t('no longer warned', '已解除')]));

  const warnings = report.warnings || [];
  document.getElementById('no-warnings').hidden = warnings.length > 0;
  document.getElementById('warnings').hidden = warnings.length === 0;
  table(document.getElementById('warnings'),
    [t('Warning', '预警'), t('About', '对象'), t('Condition', '条件'), t('Evidence', '依据')],
    warnings.map((warning) => [name(WARNINGS, warning.warning), subject(warning), side(warning.condition), evidence(warning)]));

  const departments = document.getElementById('departments');
  table(departments, DEPARTMENT_COLUMNS.map(([, en, zh]) => t(en, zh)),
    report.departments.map((row) => DEPARTMENT_COLUMNS.map(([key]) => (key === 'department' ? department(row[key]) : number(row[key])))));
  numbersRight(departments);

  const overall = document.getElementById('overall');
  OVERALL.forEach(([key, en, zh]) => {
    const term = document.createElement('dt');
    term.textContent = t(en, zh);
    const value = document.createElement('dd');
    value.textContent = number(report.overall[key]);
    overall.appendChild(term);
    overall.appendChild(value);
  });
  document.getElementById('report').hidden = false;
  document.body.dataset.ready = 'true';
})().catch((error) => console.error(error));
