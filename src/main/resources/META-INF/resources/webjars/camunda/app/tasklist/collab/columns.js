// The opportunity's id, customer and priority on every task card of Tasklist's list, in the
// person's language. A card plugin (plugin point tasklist.card), loaded by Tasklist as an ES module
// (config.js customScripts). The values come from the product (GET /api/tasks/columns), which
// answers for the tasks the signed-in person may see: the cards of one list are asked for in one
// call, and each task's values are kept while the page is open.
import { current } from '/collab/language.js';

const LABELS = {
  en: { opportunityId: 'Opportunity', customerName: 'Customer', priority: 'Priority' },
  zh: { opportunityId: '商机', customerName: '客户', priority: '优先级' }
};
const MOST = 100;

const known = new Map();
let waiting = [];

function ask(batch) {
  const query = new URLSearchParams();
  batch.forEach(function (wanted) { query.append('taskId', wanted.taskId); });
  return fetch('/api/tasks/columns?' + query, {
    credentials: 'same-origin',
    headers: { Accept: 'application/json' }
  })
    .then(function (answer) { return answer.ok ? answer.json() : null; })
    .catch(function () { return null; })
    .then(function (answer) {
      batch.forEach(function (wanted) {
        if (answer === null) {
          known.delete(wanted.taskId); // asked again with the next list
        }
        wanted.resolve(answer && answer[wanted.taskId] ? answer[wanted.taskId] : null);
      });
    });
}

function flush() {
  const batch = waiting;
  waiting = [];
  for (let first = 0; first < batch.length; first += MOST) {
    ask(batch.slice(first, first + MOST));
  }
}

function columnsOf(taskId) {
  if (!known.has(taskId)) {
    known.set(taskId, new Promise(function (resolve) {
      if (waiting.length === 0) {
        setTimeout(flush, 0);
      }
      waiting.push({ taskId: taskId, resolve: resolve });
    }));
  }
  return known.get(taskId);
}

function show(node, values) {
  const labels = LABELS[current()] || LABELS.en;
  const line = document.createElement('div');
  line.className = 'collab-columns';
  Object.keys(labels).forEach(function (name) {
    if (values[name] === undefined || values[name] === null || values[name] === '') {
      return;
    }
    const item = document.createElement('span');
    item.className = 'collab-column';
    item.dataset.column = name;
    const label = document.createElement('span');
    label.className = 'collab-column-label';
    label.textContent = labels[name] + ': ';
    const value = document.createElement('span');
    value.className = 'collab-column-value';
    value.textContent = String(values[name]);
    item.appendChild(label);
    item.appendChild(value);
    line.appendChild(item);
  });
  node.replaceChildren(line);
}

export default {
  id: 'collab.columns',
  pluginPoint: 'tasklist.card',
  priority: 10,
  render: function (node, context) {
    if (!context || !context.taskId) {
      return;
    }
    columnsOf(context.taskId).then(function (values) {
      if (values && node.isConnected !== false) {
        show(node, values);
      }
    });
  }
};
