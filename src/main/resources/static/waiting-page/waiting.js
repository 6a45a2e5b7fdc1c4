'use strict';
// Where time goes: a process's diagram (and each phase's) with every step coloured by how long its
// tasks waited to be claimed, a label with its figures, the steps and phases as tables, and the
// slowest tasks linked to their opportunities' stories. Reads /api/processes/{key}/waiting-times
// and /api/processes/{key}/model with the webapps' session; the steps are named by the model's
// name-zh, in the reader's language.
const CAMUNDA = 'http://camunda.org/schema/1.0/bpmn';
const HEAT = 5;

function duration(millis) {
  if (millis === undefined || millis === null) return '–';
  const minutes = Math.round(millis / 60000);
  if (minutes < 1) return Math.round(millis / 1000) + t(' s', ' 秒');
  if (minutes < 120) return minutes + t(' min', ' 分钟');
  const hours = Math.round(minutes / 60);
  return hours < 48 ? hours + t(' h', ' 小时') : Math.round(hours / 24) + t(' d', ' 天');
}

// The day in the reader's own time zone (toISOString would give the UTC day: in China, before 08:00,
// yesterday).
const isoDay = (date) => [date.getFullYear(), date.getMonth() + 1, date.getDate()]
  .map((part, i) => String(part).padStart(i === 0 ? 4 : 2, '0')).join('-');
const named = (entry) => (ZH && entry.nameZh ? entry.nameZh : side(entry.name)) || entry.activityId || entry.phaseId;

// The model with each named element's name in the reader's language: its name-zh in Chinese.
function inReadersLanguage(model) {
  Array.from(model.getElementsByTagNameNS(BPMN, '*')).forEach((element) => {
    if (!element.hasAttribute('name')) return;
    const zh = Array.from(element.getElementsByTagNameNS(CAMUNDA, 'property'))
      .find((property) => property.parentNode.parentNode.parentNode === element
        && property.getAttribute('name') === 'name-zh');
    element.setAttribute('name', ZH && zh ? zh.getAttribute('value') : side(element.getAttribute('name')));
  });
}

// Five shades from the shortest to the longest value of the measure among the entries shown.
function heat(value, longest) {
  if (!longest) return 0;
  return Math.min(HEAT - 1, Math.floor((value / longest) * HEAT));
}

function label(entry) {
  return entry.count + '× · ' + t('wait ', '等待 ') + duration(entry.waitingMedianMillis) + ' / '
    + duration(entry.waitingP90Millis) + ' · ' + t('work ', '办理 ') + duration(entry.workedMedianMillis)
    + ' / ' + duration(entry.workedP90Millis);
}

async function draw(xml, figures, measure) {
  const target = document.getElementById('diagrams');
  target.innerHTML = '';
  const model = new DOMParser().parseFromString(xml, 'application/xml');
  inReadersLanguage(model);
  const byId = new Map();
  figures.activities.concat(figures.phases).filter((entry) => entry.count > 0)
    .forEach((entry) => byId.set(entry.activityId || entry.phaseId, entry));
  const longest = Math.max(0, ...figures.activities.filter((entry) => entry.count > 0).map((entry) => entry[measure] || 0));
  const longestPhase = Math.max(0, ...figures.phases.filter((entry) => entry.count > 0).map((entry) => entry[measure] || 0));
  const phaseIds = new Set(figures.phases.map((phase) => phase.phaseId));
  const diagrams = Array.from(model.getElementsByTagNameNS(DI, 'BPMNDiagram'));
  const full = new XMLSerializer().serializeToString(model);
  for (const diagram of diagrams) {
    const element = diagram.getElementsByTagNameNS(DI, 'BPMNPlane')[0].getAttribute('bpmnElement');
    const topLevel = diagram === diagrams[0];
    if (!topLevel && !phaseIds.has(element)) continue;
    const caption = document.createElement('h3');
    caption.textContent = named(figures)
      + (topLevel ? '' : ' › ' + named(figures.phases.find((phase) => phase.phaseId === element)));
    const box = document.createElement('div');
    box.className = 'diagram';
    box.dataset.plane = element;
    target.appendChild(caption);
    target.appendChild(box);
    const viewer = new BpmnJS({ container: box });
    if (topLevel) {
      await viewer.importXML(full, diagram.getAttribute('id'));
    } else {
      await viewer.importXML(phaseXml(model, diagram, element));
    }
    const canvas = viewer.get('canvas');
    const overlays = viewer.get('overlays');
    viewer.get('elementRegistry').forEach((shape) => {
      const entry = byId.get(shape.id);
      if (!entry || shape.waypoints || shape.type === 'label' || shape === canvas.getRootElement()) return;
      canvas.addMarker(shape.id, 'heat-' + heat(entry[measure] || 0, entry.phaseId && !entry.activityId ? longestPhase : longest));
      const note = document.createElement('div');
      note.className = 'heat-label';
      note.textContent = label(entry);
      overlays.add(shape.id, 'heat', { position: { bottom: 4, left: 0 }, scale: { min: 1 }, html: note });
    });
    canvas.zoom('fit-viewport');
  }
}

function legend(measure, figures) {
  const target = document.getElementById('legend');
  target.innerHTML = '';
  const longest = Math.max(0, ...figures.activities.map((entry) => entry[measure] || 0));
  const caption = document.createElement('strong');
  caption.textContent = (measure === 'waitingMedianMillis' ? t('Median wait', '等待时长中位数') : t('90th percentile of wait', '等待时长 90 分位')) + t(': ', '：');
  target.appendChild(caption);
  for (let shade = 0; shade < HEAT; shade += 1) {
    const piece = document.createElement('span');
    piece.className = 'heat-swatch heat-swatch-' + shade;
    piece.textContent = duration((longest * shade) / HEAT) + ' – ' + duration((longest * (shade + 1)) / HEAT);
    target.appendChild(piece);
  }
}

function figureTable(target, first, rows) {
  table(target,
    first.concat([t('Tasks completed', '完成任务数'), t('Wait, median', '等待中位数'), t('Wait, 90th percentile', '等待 90 分位'),
      t('Work, median', '办理中位数'), t('Work, 90th percentile', '办理 90 分位')]),
    rows.map((row) => row.cells.concat([row.entry.count, duration(row.entry.waitingMedianMillis), duration(row.entry.waitingP90Millis),
      duration(row.entry.workedMedianMillis), duration(row.entry.workedP90Millis)])));
  const from = first.length;
  Array.from(target.rows).forEach((row) => Array.from(row.cells).forEach((cell, i) => {
    if (i >= from) cell.classList.add('figure');
  }));
}

function tables(figures) {
  const phases = new Map(figures.phases.map((phase) => [phase.phaseId, phase]));
  figureTable(document.getElementById('steps'), [t('Step', '步骤'), t('Phase', '阶段')],
    figures.activities.map((entry) => ({ cells: [named(entry), entry.phaseId && phases.has(entry.phaseId) ? named(phases.get(entry.phaseId)) : ''], entry })));
  document.getElementById('phases-section').hidden = figures.phases.length === 0;
  figureTable(document.getElementById('phases'), [t('Phase', '阶段')],
    figures.phases.map((entry) => ({ cells: [named(entry)], entry })));
  const slowest = document.getElementById('slowest');
  table(slowest,
    [t('Step', '步骤'), t('Opportunity', '商机'), t('Created', '创建时间'), t('Completed', '完成时间'),
      t('Waited', '等待'), t('Worked', '办理'), t('In all', '合计')],
    figures.slowest.map((task) => [named(task), task.opportunityId || '', when(task.created), when(task.completed),
      duration(task.waitingMillis), duration(task.workedMillis), duration(task.totalMillis)]));
  Array.from(slowest.tBodies[0].rows).forEach((row, i) => {
    const id = figures.slowest[i].opportunityId;
    if (!id) return;
    const link = document.createElement('a');
    link.href = '/opportunities/' + encodeURIComponent(id);
    link.textContent = id;
    row.cells[1].textContent = '';
    row.cells[1].appendChild(link);
    Array.from(row.cells).slice(4).forEach((cell) => cell.classList.add('figure'));
  });
}

async function load() {
  document.body.dataset.ready = 'false';
  const key = document.getElementById('process').value;
  const from = document.getElementById('from').value;
  const to = document.getElementById('to').value;
  const measure = document.getElementById('measure').value;
  history.replaceState(null, '', '?' + new URLSearchParams({ process: key, from, to, by: measure }));
  const base = '/api/processes/' + encodeURIComponent(key);
  const figures = await (await api(base + '/waiting-times?from=' + encodeURIComponent(from) + '&to=' + encodeURIComponent(to))).json();
  const xml = await (await api(base + '/model', 'application/xml')).text();
  document.getElementById('message').hidden = true;
  document.getElementById('summary').textContent = t(
    figures.tasks + ' tasks completed from ' + (figures.from || 'the beginning') + ' to ' + (figures.to || 'today') + '.',
    (figures.from || '最早') + ' 至 ' + (figures.to || '今天') + ' 共完成 ' + figures.tasks + ' 个任务。');
  legend(measure, figures);
  tables(figures);
  await draw(xml, figures, measure);
  document.body.dataset.ready = 'true';
}

(function start() {
  const asked = new URLSearchParams(location.search);
  const today = new Date();
  document.getElementById('process').value = asked.get('process') || 'opportunityToDelivery';
  document.getElementById('measure').value = asked.get('by') || 'waitingMedianMillis';
  document.getElementById('to').value = asked.has('to') ? asked.get('to') : isoDay(today);
  const ninetyDaysAgo = new Date(today.getFullYear(), today.getMonth(), today.getDate() - 90);
  document.getElementById('from').value = asked.has('from') ? asked.get('from') : isoDay(ninetyDaysAgo);
  document.getElementById('period').addEventListener('submit', (event) => {
    event.preventDefault();
    load();
  });
  load();
}());
