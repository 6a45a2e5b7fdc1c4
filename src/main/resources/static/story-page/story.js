'use strict';
// One opportunity's story: the diagrams it went through (every level) with the activities passed
// marked and their time, the statement, the decisions, and the timeline; CSV export of the
// timeline. Steps, phases and processes are named by the story's `names` ("Design solution /
// 设计方案", from the models' name-zh), fields by their labels, codes by word(): all in the
// reader's language.
const opportunityId = decodeURIComponent(location.pathname.split('/').filter(Boolean).pop());
const base = '/api/opportunities/' + encodeURIComponent(opportunityId);

function duration(millis) {
  if (millis === undefined || millis === null) return '';
  const minutes = Math.round(millis / 60000);
  if (minutes < 1) return Math.max(1, Math.round(millis / 1000)) + ' s';
  if (minutes < 120) return minutes + ' min';
  const hours = Math.round(minutes / 60);
  return hours < 48 ? hours + ' h' : Math.round(hours / 24) + (ZH ? ' 天' : ' d');
}

// A step, phase or process by its id, in the reader's language; else `fallback` as it is.
const named = (id, fallback) => word(side(names[id] || names[String(id).split('#')[0]] || fallback || id));

// The model with each named element's name in the reader's language, so the diagram reads in it.
function inReadersLanguage(model) {
  Array.from(model.getElementsByTagNameNS(BPMN, '*')).forEach((element) => {
    const id = element.getAttribute('id');
    if (id && element.hasAttribute('name')) {
      element.setAttribute('name', word(side(names[id] || element.getAttribute('name'))));
    }
  });
}

async function drawInstance(instance, target) {
  const original = await (await api(base + '/instances/' + encodeURIComponent(instance.processInstanceId) + '/model', 'application/xml')).text();
  const passed = new Map();
  instance.activities.forEach((activity) => {
    const total = (passed.get(activity.id) || 0) + (activity.durationMillis || 0);
    passed.set(activity.id, total);
  });
  const model = new DOMParser().parseFromString(original, 'application/xml');
  inReadersLanguage(model);
  const xml = new XMLSerializer().serializeToString(model);
  const diagrams = Array.from(model.getElementsByTagNameNS(DI, 'BPMNDiagram'));
  for (const diagram of diagrams) {
    const plane = diagram.getElementsByTagNameNS(DI, 'BPMNPlane')[0];
    const element = plane.getAttribute('bpmnElement');
    const topLevel = diagram === diagrams[0];
    if (!topLevel && !passed.has(element)) continue;
    const box = document.createElement('div');
    box.className = 'diagram';
    box.dataset.plane = element;
    const caption = document.createElement('h3');
    const processName = model.querySelector('[id="' + instance.process + '"]');
    const phase = topLevel ? null : model.querySelector('[id="' + element + '"]');
    caption.textContent = named(instance.process, processName ? processName.getAttribute('name') : instance.process)
      + (phase ? ' › ' + named(element, phase.getAttribute('name')) : '');
    target.appendChild(caption);
    target.appendChild(box);
    const viewer = new BpmnJS({ container: box });
    if (topLevel) {
      await viewer.importXML(xml, diagram.getAttribute('id'));
    } else {
      await viewer.importXML(phaseXml(model, diagram, element));
    }
    const canvas = viewer.get('canvas');
    const registry = viewer.get('elementRegistry');
    const overlays = viewer.get('overlays');
    const root = canvas.getRootElement();
    registry.forEach((shape) => {
      const bo = shape.businessObject;
      if (shape === root || shape.type === 'label' || /^bpmn:(Lane|Participant|Process)$/.test(shape.type)) return;
      if (passed.has(shape.id)) {
        canvas.addMarker(shape.id, 'passed');
        if (!shape.waypoints && shape.type !== 'label') {
          const note = document.createElement('div');
          note.className = 'time-spent';
          note.textContent = duration(passed.get(shape.id));
          overlays.add(shape.id, { position: { bottom: 12, right: 8 }, html: note });
        }
      } else if (shape.waypoints && bo && bo.sourceRef && bo.targetRef
          && passed.has(bo.sourceRef.id) && passed.has(bo.targetRef.id)) {
        canvas.addMarker(shape.id, 'passed');
      }
    });
    canvas.zoom('fit-viewport');
  }
}

// The statements' fields (docs/money.md) in the reader's language; money columns get a total.
const FIELDS = {
  opportunityId: ['Opportunity', '商机'], realizedRevenue: ['Realized revenue (CNY)', '实际收入（元）'],
  poolRate: ['Pool rate', '奖金池比例'], bonusPool: ['Bonus pool (CNY)', '奖金池（元）'],
  unallocated: ['Unallocated (CNY)', '未分配（元）'], lossAmount: ['Loss (CNY)', '损失（元）'],
  basis: ['Shared', '分摊依据'], departments: ['Departments', '各部门'], members: ['Team members', '团队成员'],
  department: ['Department', '部门'], sharePercent: ['Share (%)', '分成（%）'],
  kpiCredit: ['KPI credit (CNY)', '计入考核收益（元）'], pool: ['Department pool (CNY)', '部门奖金池（元）'],
  userId: ['Member', '成员'], peerScore: ['Peer score', '互评得分'],
  ratingsReceived: ['Ratings received', '所获评分'], freeRider: ['Free rider', '搭便车'],
  bonus: ['Bonus (CNY)', '奖金（元）'], collaborationStar: ['Collaboration star', '协作之星'],
  promotionPoints: ['Promotion points', '晋升加分'], inputHours: ['Input hours', '投入工时'],
  inputCost: ['Input cost (CNY)', '投入成本（元）'], share: ['Share of the loss', '分摊比例'],
  loss: ['Loss (CNY)', '分摊损失（元）'],
  people: ['People committed', '承诺人数'], days: ['Working days each', '人均工作日'],
  committedPersonDays: ['Committed person-days', '承诺人天'], reportedHours: ['Reported hours', '实际填报工时'],
  reportedPersonDays: ['Reported person-days (8 h)', '实际人天（按 8 小时）'],
  percentOfCommitment: ['Of the commitment (%)', '占承诺比例（%）'],
  commitments: ['Commitments against reported input', '投入承诺与实际投入对照'],
  score: ['360° score', '360度综合评分'], supportedDepartments: ['Departments supported', '支持的其他部门'],
  supportPoints: ['Support points', '支持加分'],
};
const TOTALLED = new Set(['kpiCredit', 'pool', 'bonus', 'loss', 'inputHours', 'inputCost', 'sharePercent', 'promotionPoints',
  'committedPersonDays', 'reportedHours', 'reportedPersonDays']);
const field = (key) => (FIELDS[key] ? t(FIELDS[key][0], FIELDS[key][1]) : key);
const shown = (key, value) => (Array.isArray(value) ? value.map(word).join(', ') : word(value));

function drawStatement(statement) {
  const target = document.getElementById('statement');
  if (!statement) {
    target.textContent = t('No statement yet.', '尚无结算单。');
    return;
  }
  const facts = document.createElement('dl');
  Object.entries(statement).forEach(([key, value]) => {
    if (Array.isArray(value) && value.length && typeof value[0] === 'object') {
      const caption = document.createElement('h3');
      caption.textContent = field(key);
      target.appendChild(caption);
      const rows = document.createElement('table');
      const columns = Object.keys(value[0]).filter((column) => typeof value[0][column] !== 'object' || Array.isArray(value[0][column]));
      table(rows, columns.map(field), value.map((row) => columns.map((column) => shown(column, row[column]))));
      const totals = columns.map((column, index) => {
        if (index === 0) return t('Total', '合计');
        if (!TOTALLED.has(column)) return '';
        const cents = value.reduce((sum, row) => sum + Math.round(Number(row[column]) * 100), 0);
        return String(value[0][column]).includes('.') ? (cents / 100).toFixed(2) : String(cents / 100);
      });
      cells(rows.tBodies[0].insertRow(), totals).className = 'total';
      target.appendChild(rows);
    } else if (typeof value !== 'object' || value === null) {
      const term = document.createElement('dt');
      term.textContent = field(key);
      const detail = document.createElement('dd');
      detail.textContent = value === null ? '' : shown(key, value);
      facts.appendChild(term);
      facts.appendChild(detail);
    }
  });
  target.insertBefore(facts, target.firstChild);
}

// Each department's commitment in the agreement beside the input it reported at the end.
function drawCommitments(rows) {
  if (!rows || !rows.length) return;
  const target = document.getElementById('statement');
  const caption = document.createElement('h3');
  caption.textContent = field('commitments');
  target.appendChild(caption);
  const columns = ['department', 'people', 'days', 'committedPersonDays', 'reportedHours', 'reportedPersonDays', 'percentOfCommitment'];
  const grid = document.createElement('table');
  table(grid, columns.map(field), rows.map((row) => columns.map((column) => (row[column] === undefined || row[column] === null ? '' : shown(column, row[column])))));
  target.appendChild(grid);
}

const KINDS = {
  activity: ['step', '步骤'], 'task completed': ['task completed', '任务完成'], decision: ['decision', '决策'],
  operation: ['action', '操作'], incident: ['incident', '事件告警'], 'stood aside': ['stood aside', '回避'],
};
// A user operation as people say it: claimed, completed, assigned to…, changed `title` from … to ….
const OPERATIONS = {
  Complete: ['completed the task', '完成了任务'], Claim: ['claimed the task', '认领了任务'],
  Assign: ['assigned the task', '指派了任务'], Delegate: ['delegated the task', '委派了任务'],
  Resolve: ['resolved the delegated task', '处理完委派的任务'], SetOwner: ['set the owner', '设置了负责人'],
  SetPriority: ['changed the priority', '修改了优先级'], Update: ['changed the task', '修改了任务'],
  Create: ['started it', '发起了流程'], AddComment: ['commented', '添加了评论'],
  AddAttachment: ['attached a file', '添加了附件'], SetVariable: ['changed', '修改了'],
  ModifyVariable: ['changed', '修改了'], RemoveVariable: ['removed', '删除了'],
};
function operation(event) {
  const [type, property] = [event.element, event.name];
  const said = OPERATIONS[type] ? t(OPERATIONS[type][0], OPERATIONS[type][1]) : type;
  if (['SetVariable', 'ModifyVariable', 'RemoveVariable', 'Update', 'Assign', 'SetOwner', 'SetPriority'].includes(type) && property) {
    const [before, after] = (event.detail || '').split(' -> ');
    if (type === 'Assign') return t('assigned the task to ', '将任务指派给 ') + (after || '');
    return said + ' ' + side(event.label || property) + t(' from ', '：从 ') + (before || '–') + t(' to ', ' 改为 ') + (after || '–');
  }
  return said;
}
function details(event) {
  if (event.kind === 'operation') return operation(event);
  if (event.kind === 'decision') {
    try {
      const labelled = (decisionOf(event) || {}).outputLabels || {};
      return Object.entries(JSON.parse(event.detail)).map(([key, value]) => side(labelled[key] || key) + ': ' + reads(value)).join('; ');
    } catch (ignored) { return event.detail; }
  }
  if (event.kind === 'stood aside') return side(event.detail);
  if (event.kind === 'task completed') {
    try {
      return Object.entries(JSON.parse(event.detail)).map(([key, value]) => side(labels[key] || key) + ': '
        + reads(value, labels)).join('; ');
    } catch (ignored) { return event.detail; }
  }
  return event.detail || '';
}
function step(event) {
  if (event.kind === 'operation') return '';
  if (event.kind === 'decision') return side(event.name || event.element);
  return named(event.element, event.label || event.name);
}

let allEvents = [];
let labels = {};
let names = {};
// Each decision of the story by its instance, key and time, as its timeline event finds it.
const decisions = new Map();
const decisionKey = (instanceId, key, time) => [instanceId, key, time].join('|');
const decisionOf = (event) => decisions.get(decisionKey(event.processInstanceId, event.element, event.time));

// Each decision as a small table: its inputs and outputs by the table's labels, and the rule that
// matched, with why.
function drawDecisions(instances) {
  const target = document.getElementById('decisions');
  target.innerHTML = '';
  const all = [];
  instances.forEach((instance) => (instance.decisions || []).forEach((decision) => {
    decisions.set(decisionKey(instance.processInstanceId, decision.key, decision.evaluated), decision);
    all.push([instance, decision]);
  }));
  if (!all.length) {
    target.textContent = t('No decision yet.', '尚无决策。');
    return;
  }
  all.sort((a, b) => String(a[1].evaluated).localeCompare(String(b[1].evaluated)));
  all.forEach(([instance, decision]) => {
    const caption = document.createElement('h3');
    caption.textContent = [side(decision.name || decision.key), decision.activityId ? named(decision.activityId) : '',
      when(decision.evaluated)].filter(Boolean).join(' · ');
    target.appendChild(caption);
    const rows = [];
    Object.entries(decision.inputs || {}).forEach(([key, value]) => rows.push(
      [t('Input', '输入'), side((decision.inputLabels || {})[key] || key), reads(value)]));
    Object.entries(decision.outputs || {}).forEach(([key, value]) => rows.push(
      [t('Output', '输出'), side((decision.outputLabels || {})[key] || key), reads(value)]));
    (decision.matchedRules || []).forEach((rule) => rows.push(
      [t('Rule', '规则'), rule.id, side(rule.description || '')]));
    const box = document.createElement('table');
    box.className = 'decision';
    table(box, ['', t('Field', '字段'), t('Value', '取值')], rows);
    target.appendChild(box);
  });
}
function drawTimeline(events) {
  // One line per event: the same event read twice (a start event that is also an activity) once.
  const seen = new Set();
  allEvents = events.filter((event) => {
    const key = [event.time, event.kind, event.element, event.actor, event.processInstanceId].join('|');
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  const people = Array.from(new Set(allEvents.map((event) => event.actor).filter(Boolean))).sort();
  const person = document.getElementById('person-filter');
  person.innerHTML = '';
  [['', t('everyone', '所有人')], ...people.map((p) => [p, p])].forEach(([value, label]) => {
    const option = document.createElement('option');
    option.value = value;
    option.textContent = label;
    person.appendChild(option);
  });
  filterTimeline();
}
function filterTimeline() {
  const person = document.getElementById('person-filter').value;
  const kinds = new Set(Array.from(document.querySelectorAll('#kind-filter input:checked')).map((box) => box.value));
  const disputesOnly = document.getElementById('disputes-filter').checked;
  const shownEvents = allEvents.filter((event) => (!person || event.actor === person)
    && kinds.has(event.kind === 'stood aside' ? 'task completed' : event.kind)
    && (!disputesOnly || event.process === 'collaborationArbitration'));
  table(document.getElementById('timeline'),
    [t('When', '时间'), t('What', '类型'), t('Step', '步骤'), t('Who', '人员'), t('Details', '详情')],
    shownEvents.map((event) => [when(event.time), t(...(KINDS[event.kind] || [event.kind, event.kind])),
      step(event), event.actor, details(event).slice(0, 300)]));
}
document.getElementById('person-filter').addEventListener('change', filterTimeline);
document.getElementById('disputes-filter').addEventListener('change', filterTimeline);
document.querySelectorAll('#kind-filter input').forEach((box) => box.addEventListener('change', filterTimeline));

document.getElementById('csv').addEventListener('click', async () => {
  const blob = await (await api(base + '/story', 'text/csv')).blob();
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = opportunityId + '.csv';
  document.body.appendChild(link);
  link.click();
  link.remove();
});

(async () => {
  const story = await (await api(base + '/story')).json();
  document.getElementById('title').textContent = opportunityId;
  document.getElementById('summary').textContent = [
    t('State', '状态') + ': ' + word(story.state),
    t('Outcome', '结果') + ': ' + (story.finalOutcome ? word(story.finalOutcome) : t('open', '进行中')),
    story.readAs === 'everything'
      ? ''
      : story.readAs === 'team member'
        ? t('(read as a team member)', '（以团队成员身份查看）')
        : t('(confidential values hidden)', '（机密内容已隐藏）'),
  ].join('  ');
  labels = story.labels || {};
  names = story.names || {};
  drawStatement(story.statement);
  // Before settlement, and for a statement of an older version, the story sets them out itself.
  if (!(story.statement && story.statement.commitments)) drawCommitments(story.commitments);
  drawDecisions(story.instances);
  drawTimeline(story.events);
  const diagrams = document.getElementById('diagrams');
  for (const instance of story.instances) {
    await drawInstance(instance, diagrams);
  }
  document.body.dataset.ready = 'true';
})().catch((error) => console.error(error));
