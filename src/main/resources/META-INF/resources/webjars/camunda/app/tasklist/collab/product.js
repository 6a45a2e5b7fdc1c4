// "Create task" makes a task outside every process: only people allowed to create tasks (in this
// product, administrators) see it. The stylesheet hides it; this script shows it again when the
// signed-in person holds the CREATE permission on tasks.
// Loaded by Tasklist as an ES module (config.js customScripts); it exports no plugin.
let checkedFor = null;
function check() {
  const user = document.querySelector('.account .dropdown-toggle');
  const name = user ? user.textContent.trim() : '';
  if (name === checkedFor) {
    return;
  }
  checkedFor = name;
  document.body.classList.remove('collab-creates-tasks');
  if (!name) {
    return;
  }
  fetch('/camunda/api/engine/engine/default/authorization/check?permissionName=CREATE&resourceName=task&resourceType=7',
    { credentials: 'same-origin', headers: { Accept: 'application/json' } })
    .then(function (answer) { return answer.ok ? answer.json() : { authorized: false }; })
    .then(function (result) {
      if (result.authorized) {
        document.body.classList.add('collab-creates-tasks');
      }
    });
}
new MutationObserver(check).observe(document.documentElement, { childList: true, subtree: true });
check();

export default [];
