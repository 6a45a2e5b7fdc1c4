// Shared by the story pages: the person's language, calls to /api/opportunities with the webapps'
// session, and small table helpers.
'use strict';
const ZH = (navigator.language || '').toLowerCase().startsWith('zh');
const t = (en, zh) => (ZH ? zh : en);

document.querySelectorAll('[data-en]').forEach((node) => {
  node.textContent = t(node.dataset.en, node.dataset.zh);
});

function say(text, signIn) {
  const message = document.getElementById('message');
  message.hidden = false;
  message.textContent = text + ' ';
  if (signIn) {
    const link = document.createElement('a');
    link.href = '/camunda/app/tasklist/';
    link.textContent = t('Sign in with Tasklist', '在 Tasklist 登录');
    message.appendChild(link);
  }
}

async function api(path, accept) {
  const answer = await fetch(path, { credentials: 'same-origin', headers: { Accept: accept || 'application/json' } });
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
  return answer;
}

function when(iso) {
  return iso ? new Date(iso).toLocaleString(ZH ? 'zh-CN' : 'en-GB') : '';
}

function cells(row, values, tag) {
  values.forEach((value) => {
    const cell = document.createElement(tag || 'td');
    cell.textContent = value === null || value === undefined ? '' : String(value);
    row.appendChild(cell);
  });
  return row;
}

function table(target, headings, rows) {
  const head = target.tHead || target.createTHead();
  head.innerHTML = '';
  cells(head.insertRow(), headings, 'th');
  const body = target.tBodies[0] || target.createTBody();
  body.innerHTML = '';
  rows.forEach((values) => cells(body.insertRow(), values));
}
