// Shared by the product's pages (opportunities, a story, the ledger, the health report): the
// product's header, the person's language, the sign-in check, calls to the product's API with the
// webapps' session, and small table helpers.
'use strict';
// The language the person chose with the header's switch, else the browser's.
const LANGUAGE_KEY = 'collab.language';
const ZH = (localStorage.getItem(LANGUAGE_KEY) || navigator.language || '')
  .toLowerCase().startsWith('zh');
const t = (en, zh) => (ZH ? zh : en);
document.documentElement.lang = ZH ? 'zh-CN' : 'en';
// The server answers refusals in the language of this cookie; the choice is its source.
const rememberLanguage = (code) => {
  document.cookie = `${LANGUAGE_KEY}=${encodeURIComponent(code)}; path=/; SameSite=Lax`;
};
if (localStorage.getItem(LANGUAGE_KEY)
  && !document.cookie.split('; ').includes(
    `${LANGUAGE_KEY}=${encodeURIComponent(localStorage.getItem(LANGUAGE_KEY))}`)) {
  rememberLanguage(localStorage.getItem(LANGUAGE_KEY));
}

// A page's title is written "English / 中文"; the tab shows the reader's side.
if (document.title.split(' / ').length === 2) {
  const [en, zh] = document.title.split(' / ');
  document.title = t(en, zh);
}

document.querySelectorAll('[data-en]').forEach((node) => {
  node.textContent = t(node.dataset.en, node.dataset.zh);
});

// Where a signed-out person goes back to after signing in to Tasklist (tasklist/collab/return.js).
const RETURN_KEY = 'collab.returnTo';

// The header every product page shares: the product, its places, who is signed in, the language.
function header(person) {
  const bar = document.createElement('nav');
  bar.className = 'product-header';
  const brand = document.createElement('span');
  brand.className = 'product-name';
  brand.textContent = t('Opportunity collaboration', '商机协作');
  bar.appendChild(brand);
  [
    ['/camunda/app/tasklist/', 'Tasklist', '任务列表'],
    ['/opportunities', 'Opportunities', '商机'],
    ['/ledger', 'Ledger', '考核台账'],
    ['/health', 'Health', '协作健康'],
    ['/processes/waiting-times', 'Waiting times', '等待时长'],
    ['/decisions/impact', 'Decision preview', '决策预览'],
    ['/migrations', 'Migrations', '版本迁移'],
  ].forEach(([href, en, zh]) => {
    const link = document.createElement('a');
    link.href = href;
    link.textContent = t(en, zh);
    if (location.pathname === href || (href !== '/' && location.pathname.startsWith(href + '/'))) {
      link.setAttribute('aria-current', 'page');
    }
    bar.appendChild(link);
  });
  const who = document.createElement('span');
  who.className = 'product-person';
  who.id = 'person';
  who.textContent = person ? t('Signed in: ', '当前用户：') + person : '';
  bar.appendChild(who);
  const language = document.createElement('button');
  language.type = 'button';
  language.id = 'language';
  language.textContent = ZH ? 'English' : '中文';
  language.title = t('Read this page in Chinese', '用英文阅读本页');
  language.addEventListener('click', () => {
    localStorage.setItem(LANGUAGE_KEY, ZH ? 'en' : 'zh-CN');
    rememberLanguage(ZH ? 'en' : 'zh-CN');
    location.reload();
  });
  bar.appendChild(language);
  document.body.insertBefore(bar, document.body.firstChild);
}

// Who is signed in to the webapps; a person who is not goes to Tasklist's login, and back here after.
const signedIn = (async () => {
  let person = null;
  try {
    const answer = await fetch('/camunda/api/admin/auth/user/default', {
      credentials: 'same-origin', headers: { Accept: 'application/json' },
    });
    if (answer.ok) person = (await answer.json()).userId;
  } catch (ignored) { /* treated as signed out */ }
  if (!person) {
    localStorage.setItem(RETURN_KEY, location.pathname + location.search + location.hash);
    location.replace('/camunda/app/tasklist/default/#/login');
    throw new Error('not signed in');
  }
  header(person);
  return person;
})();

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
  await signedIn;
  // X-Requested-With: the API answers a signed-out page with 401 and no Basic challenge, so the
  // browser does not open its own password dialog.
  const answer = await fetch(path, {
    credentials: 'same-origin',
    headers: { Accept: accept || 'application/json', 'X-Requested-With': 'XMLHttpRequest' },
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

// The product's codes as people say them, in both languages.
const WORDS = {
  SALES: ['Sales', '销售部'], TECH: ['Technical', '技术部'], MARKETING: ['Marketing', '市场部'],
  DELIVERY: ['Delivery', '交付部'], OPERATIONS: ['Operations', '运营部'],
  ACTIVE: ['running', '进行中'], COMPLETED: ['finished', '已结束'], SUSPENDED: ['suspended', '已暂停'],
  EXTERNALLY_TERMINATED: ['cancelled', '已取消'], INTERNALLY_TERMINATED: ['ended by the process', '流程终止'],
  DELIVERED: ['delivered', '已交付'], LOST: ['lost', '丢单'], DELIVERY_FAILED: ['delivery failed', '交付失败'],
  DISQUALIFIED: ['disqualified', '未通过资格评估'],
  INPUT_HOURS: ['by input hours', '按投入工时'], SHARES: ['by shares', '按分成比例'],
  STRATEGIC: ['strategic', '战略客户'], KEY: ['key account', '重点客户'], STANDARD: ['standard', '普通客户'],
  LOW: ['low', '低'], MEDIUM: ['medium', '中'], HIGH: ['high', '高'],
  MANDATORY: ['mandatory', '必须参与'], ADVISORY: ['advisory', '建议参与'], NONE: ['none', '无需参与'],
  ANALYTICS: ['analytics', '数据分析'], PARTNER: ['partner', '合作伙伴'],
  WON: ['won', '赢单'], REVISE: ['revise', '修改方案'],
  ON_TRACK: ['on track', '正常'], AT_RISK: ['at risk', '有风险'], FAILED: ['failed', '失败'],
  REMIND: ['remind', '提醒'], ESCALATE: ['escalate', '升级'],
  CONTACTED: ['contacted the people who hold it', '已联系处理人'], REASSIGNED: ['gave it to someone else', '已改派他人'],
  DISPUTE_RAISED: ['raised a dispute', '已发起争议'],
  IMPROVE_PRODUCT: ['into product improvement', '纳入产品改进'], SOLVED_IN_DELIVERY: ['solved within the delivery', '已在交付中解决'],
  NOT_PLANNED: ['not planned', '暂不采纳'],
  RESOURCE_ALLOCATION: ['resource allocation', '资源分配'], DATA_ACCESS: ['data access', '数据访问'],
  PRIORITY: ['priority', '优先级'], RESPONSIBILITY: ['responsibility', '责任归属'],
  INCENTIVE_SPLIT: ['incentive split', '激励分配'],
  MEDIATION: ['mediation', '调解'], COMMITTEE: ['committee', '协作会'], CHAIR: ['the chair', '主席'],
  UPHOLD: ['uphold', '支持提出方'], REJECT: ['reject', '驳回'], COMPROMISE: ['compromise', '折中'],
  RESOLVED: ['resolved', '已解决'],
  INCENTIVE: ['incentive', '激励'], LOSS: ['loss', '损失'],
  INFORMATION_SHARING: ['Information sharing', '信息共享'], RESOURCE_INTEGRATION: ['Resource integration', '资源整合'],
  INNOVATION_OUTPUT: ['Innovation output', '创新产出'],
  SLOW_CLAIM: ['Work waits to be picked up', '任务认领迟缓'], DISPUTES_AGAINST: ['Many disputes against a department', '部门被频繁提出争议'],
  REPEATED_FREE_RIDER: ['Repeated free rider', '多次搭便车'], SPRINTS_AT_RISK: ['Sprints at risk in a row', '连续冲刺有风险'],
  medianClaimHours: ['median hours to claim', '认领用时中位数（小时）'], disputesAgainst: ['disputes against the department', '被提争议'],
  freeRiderJudgements: ['free-rider judgements', '被判定搭便车次数'], consecutiveAtRiskSprints: ['sprints at risk in a row', '连续有风险的冲刺数'],
};
// A code in the reader's language; anything else as it is.
function word(code) {
  if (code === true) return t('yes', '是');
  if (code === false) return t('no', '否');
  const pair = WORDS[code];
  return pair ? t(pair[0], pair[1]) : code;
}
// One side of a text written "English / 中文".
function side(text) {
  const parts = String(text || '').split(' / ');
  return parts.length === 2 ? t(parts[0], parts[1]) : text;
}
// A value as a person reads it: a code by word(), a text written "English / 中文" by side(), a
// duration (P14D, PT4H) in days or hours, a person with their department as "alice (Sales)", a
// list item by item, and a record field by field, each field by its label (`fieldLabels`, from
// the story's labels) or as a code.
function reads(value, fieldLabels) {
  if (Array.isArray(value)) return value.map((item) => reads(item, fieldLabels)).join(', ');
  if (value !== null && typeof value === 'object') {
    if (typeof value.userId === 'string') {
      return value.userId + (value.department ? ' (' + word(value.department) + ')' : '');
    }
    return Object.entries(value)
      .map(([key, item]) => side(word((fieldLabels || {})[key] || key)) + ' ' + reads(item, fieldLabels))
      .join(', ');
  }
  if (typeof value === 'string') {
    const days = /^P(\d+)D$/.exec(value);
    if (days) return days[1] + t(days[1] === '1' ? ' day' : ' days', ' 天');
    const hours = /^PT(\d+)H$/.exec(value);
    if (hours) return hours[1] + t(hours[1] === '1' ? ' hour' : ' hours', ' 小时');
  }
  return side(word(value));
}
