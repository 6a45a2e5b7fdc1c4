'use strict';
// One opportunity's story: the diagrams it went through (every level) with the activities passed
// marked and their time, the statement, and the timeline; CSV export of the timeline.
const opportunityId = decodeURIComponent(location.pathname.split('/').filter(Boolean).pop());
const base = '/api/opportunities/' + encodeURIComponent(opportunityId);
const DI = 'http://www.omg.org/spec/BPMN/20100524/DI';

function duration(millis) {
  if (millis === undefined || millis === null) return '';
  const minutes = Math.round(millis / 60000);
  if (minutes < 1) return Math.max(1, Math.round(millis / 1000)) + ' s';
  if (minutes < 120) return minutes + ' min';
  const hours = Math.round(minutes / 60);
  return hours < 48 ? hours + ' h' : Math.round(hours / 24) + (ZH ? ' 天' : ' d');
}

const BPMN = 'http://www.omg.org/spec/BPMN/20100524/MODEL';
const SHARED = new Set(['message', 'signal', 'error', 'escalation']);

// The bundled viewer draws process diagrams; a phase (a collapsed sub-process with a diagram of its
// own) is drawn as a process of the same id holding the phase's elements and lanes.
function phaseXml(model, diagram, phaseId) {
  const phase = model.querySelector('[id="' + phaseId + '"]');
  const copy = document.implementation.createDocument(null, null, null);
  const root = copy.importNode(model.documentElement, false);
  copy.appendChild(root);
  Array.from(model.documentElement.children)
    .filter((child) => SHARED.has(child.localName))
    .forEach((child) => root.appendChild(copy.importNode(child, true)));
  const process = copy.createElementNS(BPMN, 'bpmn:process');
  process.setAttribute('id', phaseId);
  Array.from(phase.children)
    .filter((child) => !['incoming', 'outgoing', 'documentation', 'extensionElements'].includes(child.localName))
    .forEach((child) => process.appendChild(copy.importNode(child, true)));
  root.appendChild(process);
  root.appendChild(copy.importNode(diagram, true));
  return new XMLSerializer().serializeToString(copy);
}

async function drawInstance(instance, target) {
  const xml = await (await api(base + '/instances/' + encodeURIComponent(instance.processInstanceId) + '/model', 'application/xml')).text();
  const passed = new Map();
  instance.activities.forEach((activity) => {
    const total = (passed.get(activity.id) || 0) + (activity.durationMillis || 0);
    passed.set(activity.id, total);
  });
  const model = new DOMParser().parseFromString(xml, 'application/xml');
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
    caption.textContent = instance.process + (topLevel ? '' : ' › ' + element);
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
      caption.textContent = key;
      target.appendChild(caption);
      const rows = document.createElement('table');
      const columns = Object.keys(value[0]).filter((column) => typeof value[0][column] !== 'object');
      table(rows, columns, value.map((row) => columns.map((column) => row[column])));
      target.appendChild(rows);
    } else if (typeof value !== 'object' || value === null) {
      const term = document.createElement('dt');
      term.textContent = key;
      const detail = document.createElement('dd');
      detail.textContent = value === null ? '' : String(value);
      facts.appendChild(term);
      facts.appendChild(detail);
    }
  });
  target.insertBefore(facts, target.firstChild);
}

const KINDS = {
  activity: '活动', 'task completed': '任务完成', decision: '决策', operation: '操作', incident: '事件告警',
  'stood aside': '回避',
};

function drawTimeline(events) {
  table(document.getElementById('timeline'),
    [t('When', '时间'), t('What', '类型'), t('Step', '步骤'), t('Who', '人员'), t('Details', '详情')],
    events.map((event) => [when(event.time), t(event.kind, KINDS[event.kind] || event.kind),
      event.name || event.element, event.actor, (event.detail || '').slice(0, 300)]));
}

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
    t('State', '状态') + ': ' + story.state,
    t('Outcome', '结果') + ': ' + (story.finalOutcome || t('open', '进行中')),
    story.readAs === 'everything'
      ? ''
      : story.readAs === 'team member'
        ? t('(read as a team member)', '（以团队成员身份查看）')
        : t('(confidential values hidden)', '（机密内容已隐藏）'),
  ].join('  ');
  drawStatement(story.statement);
  drawTimeline(story.events);
  const diagrams = document.getElementById('diagrams');
  for (const instance of story.instances) {
    await drawInstance(instance, diagrams);
  }
  document.body.dataset.ready = 'true';
})().catch((error) => console.error(error));
