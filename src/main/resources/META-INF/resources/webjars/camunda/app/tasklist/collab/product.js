// Tasklist shows a person only what they may do, and says how it sorts. Each part asks the engine
// (the webapps' own authorization check, the filter's own query); none names a group.
// - "Create task" makes a task outside every process: only people allowed to create tasks (in this
//   product, administrators) see it. The stylesheet hides it; the body's class collab-creates-tasks
//   shows it again when the signed-in person holds the CREATE permission on tasks.
// - A task's candidate groups ("Add groups"), due date and follow-up date are changed by those who
//   may assign the task (coordinators, process owners, administrators); the engine refuses everyone
//   else. The stylesheet shows these controls, and this script lets them work, only while the body
//   has collab-assigns-task, set for the open task when the engine answers yes.
// - The task list's sort header shows the selected filter's own sorting first: the filter's query
//   sorts before anything chosen in the header, so the header starts with it.
// Loaded by Tasklist as an ES module (config.js customScripts); it exports no plugin.
const API = '/camunda/api/engine/engine/default';
const TASK = { name: 'Task', type: 7 };
const PROCESS_DEFINITION = { name: 'ProcessDefinition', type: 6 };

function ask(path) {
  return fetch(API + path, { credentials: 'same-origin', headers: { Accept: 'application/json' } })
    .then(function (answer) { return answer.ok ? answer.json() : null; })
    .catch(function () { return null; });
}

function authorized(permission, resource, resourceId) {
  const query = new URLSearchParams({
    permissionName: permission,
    resourceName: resource.name,
    resourceType: String(resource.type)
  });
  if (resourceId) {
    query.set('resourceId', resourceId);
  }
  return ask('/authorization/check?' + query).then(function (result) {
    return Boolean(result && result.authorized);
  });
}

function signedIn() {
  const user = document.querySelector('.account .dropdown-toggle');
  return user ? user.textContent.trim() : '';
}

/** The search parameters of Tasklist's route (#/?filter=…&task=…&sorting=…). */
function route() {
  const hash = window.location.hash;
  const at = hash.indexOf('?');
  return {
    path: at < 0 ? hash.slice(1) : hash.slice(1, at),
    search: new URLSearchParams(at < 0 ? '' : hash.slice(at + 1))
  };
}

let createChecked = null;
function offerCreateTask(user) {
  if (user === createChecked) {
    return;
  }
  createChecked = user;
  document.body.classList.remove('collab-creates-tasks');
  if (!user) {
    return;
  }
  authorized('CREATE', TASK).then(function (yes) {
    if (yes && createChecked === user) {
      document.body.classList.add('collab-creates-tasks');
    }
  });
}

// What the engine accepts for changing a task's dates or candidates (its refusal lists the four):
// TASK_ASSIGN or UPDATE on the task, TASK_ASSIGN or UPDATE_TASK on its process definition.
let assignChecked = null;
function offerTaskDoors(user, taskId) {
  const key = user + ' ' + taskId;
  if (key === assignChecked) {
    return;
  }
  assignChecked = key;
  document.body.classList.remove('collab-assigns-task');
  delete document.body.dataset.collabTaskChecked;
  if (!user || !taskId) {
    return;
  }
  ask('/task/' + encodeURIComponent(taskId))
    .then(function (task) {
      if (!task) {
        return [];
      }
      const checks = [authorized('TASK_ASSIGN', TASK, taskId), authorized('UPDATE', TASK, taskId)];
      if (!task.processDefinitionId) {
        return Promise.all(checks);
      }
      return ask('/process-definition/' + encodeURIComponent(task.processDefinitionId))
        .then(function (definition) {
          if (definition) {
            checks.push(authorized('TASK_ASSIGN', PROCESS_DEFINITION, definition.key));
            checks.push(authorized('UPDATE_TASK', PROCESS_DEFINITION, definition.key));
          }
          return Promise.all(checks);
        });
    })
    .then(function (answers) {
      if (assignChecked !== key) {
        return;
      }
      if (answers.some(Boolean)) {
        document.body.classList.add('collab-assigns-task');
      }
      // the task the engine has answered for (browser tests wait for it)
      document.body.dataset.collabTaskChecked = taskId;
    });
}

// The controls stay hidden until the engine says yes; a click or a key on one of them before then
// (or for someone who may not) does nothing.
const ASSIGNERS_ONLY = '[cam-tasklist-task-meta] .followup-date, [cam-tasklist-task-meta] .due-date, '
  + '[cam-tasklist-task-meta] .groups';
function holdBack(event) {
  if (!document.body.classList.contains('collab-assigns-task')
      && event.target instanceof Element && event.target.closest(ASSIGNERS_ONLY)) {
    event.stopPropagation();
    event.preventDefault();
  }
}
document.addEventListener('click', holdBack, true);
document.addEventListener('keydown', holdBack, true);

const filterSortings = new Map();
function sameSorting(one, other) {
  return one.sortBy === other.sortBy && (one.sortOrder || 'desc') === (other.sortOrder || 'desc')
    && JSON.stringify(one.parameters || null) === JSON.stringify(other.parameters || null);
}
function showFilterSorting(filterId) {
  if (!filterId) {
    return;
  }
  if (!filterSortings.has(filterId)) {
    filterSortings.set(filterId, null);
    ask('/filter/' + encodeURIComponent(filterId)).then(function (filter) {
      const sorting = filter && filter.query && Array.isArray(filter.query.sorting)
        ? filter.query.sorting : [];
      filterSortings.set(filterId, sorting.map(function (entry) {
        const own = { sortBy: entry.sortBy, sortOrder: entry.sortOrder || 'asc' };
        if (entry.parameters) {
          own.parameters = entry.parameters;
        }
        return own;
      }));
      check();
    });
    return;
  }
  const own = filterSortings.get(filterId);
  if (!own || own.length === 0) {
    return;
  }
  const current = route();
  let chosen;
  try {
    chosen = JSON.parse(current.search.get('sorting') || '[]');
  } catch (notJson) {
    chosen = [];
  }
  if (!Array.isArray(chosen)) {
    chosen = [];
  }
  const startsWithOwn = own.every(function (entry, index) {
    return chosen[index] && sameSorting(entry, chosen[index]);
  });
  if (startsWithOwn) {
    return;
  }
  // Tasklist's own default (creation date, newest first) stands only where nobody chose it: the
  // filter's sorting alone then says all that matters. Other choices follow the filter's.
  const byDefault = chosen.length === 0
    || (chosen.length === 1 && chosen[0].sortBy === 'created' && chosen[0].sortOrder === 'desc');
  const rest = byDefault ? [] : chosen.filter(function (entry) {
    return !entry.sortBy.endsWith('Variable')
      ? !own.some(function (mine) { return mine.sortBy === entry.sortBy; })
      : true;
  });
  current.search.set('sorting', JSON.stringify(own.concat(rest)));
  window.location.replace('#' + current.path + '?' + current.search.toString());
}

function check() {
  const user = signedIn();
  offerCreateTask(user);
  const search = route().search;
  offerTaskDoors(user, search.get('task'));
  if (user && document.querySelector('[cam-sorting-choices]')) {
    showFilterSorting(search.get('filter'));
  }
}
new MutationObserver(check).observe(document.documentElement, { childList: true, subtree: true });
window.addEventListener('hashchange', check);
check();

export default [];
