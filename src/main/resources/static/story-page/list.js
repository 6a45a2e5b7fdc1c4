'use strict';
async function load() {
  const search = document.getElementById('search').value;
  const rows = await (await api('/api/opportunities?search=' + encodeURIComponent(search))).json();
  const target = document.getElementById('opportunities');
  table(target,
    [t('Opportunity', '商机'), t('Customer', '客户'), t('Title', '标题'), t('State', '状态'), t('Outcome', '结果'), t('Started', '开始')],
    rows.map((row) => [row.opportunityId, row.customerName, row.title, word(row.state), word(row.finalOutcome), when(row.start)]));
  Array.from(target.tBodies[0].rows).forEach((row, index) => {
    const link = document.createElement('a');
    link.href = '/opportunities/' + encodeURIComponent(rows[index].opportunityId);
    link.textContent = rows[index].opportunityId;
    row.cells[0].textContent = '';
    row.cells[0].appendChild(link);
  });
  document.body.dataset.ready = 'true';
}
let pending;
document.getElementById('search').placeholder = side(document.getElementById('search').placeholder);
document.getElementById('search').addEventListener('input', () => {
  clearTimeout(pending);
  pending = setTimeout(load, 250);
});
load();
