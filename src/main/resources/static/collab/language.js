// The webapps' language, shared by Tasklist, Cockpit, Admin and Welcome: each imports this module
// in its scripts/config.js and hands locales() to Camunda, which then loads the app's own strings
// from app/<app>/locales/<language>.json.
//
// A browser whose first language is Chinese (zh, zh-CN, ...) gets Chinese, any other English, as
// Camunda itself decides between its available locales. A person may choose otherwise in the user
// menu (top right): the choice is kept in this browser, for all four webapps, until changed.
//
// Another language: put a locales/<code>.json beside each app's en.json and add it here.
const LANGUAGES = [
  ['en', 'English'],
  ['zh', '中文']
];
const FALLBACK = 'en';
const CHOICE = 'collab.language';
const MENU_TITLE = { en: 'Language', zh: '语言' };

function offered(code) {
  return LANGUAGES.some(function (language) { return language[0] === code; });
}

// The product's pages keep their choice under the same name, as a browser language (zh-CN): one
// choice for pages and webapps alike.
function chosen() {
  try {
    const choice = (window.localStorage.getItem(CHOICE) || '').split('-')[0].toLowerCase();
    return offered(choice) ? choice : null;
  } catch (unavailable) {
    return null;
  }
}

// What Camunda reads: the browser's first language, without its region.
function asked() {
  const first = (navigator.languages && navigator.languages[0]) || navigator.language || '';
  return first.split('-')[0].toLowerCase();
}

/** The language this page shows: the person's choice, else the browser's if offered, else English. */
export function current() {
  const choice = chosen();
  if (choice) {
    return choice;
  }
  return offered(asked()) ? asked() : FALLBACK;
}

/**
 * The locales section of a webapp's config.js. Without a choice Camunda picks among all languages
 * by the browser's; with one, that language is the only one offered, so Camunda takes it.
 */
export function locales() {
  const choice = chosen();
  if (choice) {
    return { availableLocales: [choice], fallbackLocale: choice };
  }
  return { availableLocales: LANGUAGES.map(function (language) { return language[0]; }), fallbackLocale: FALLBACK };
}

// The server answers refusals in the language of this cookie (org.opencollab.language.Language).
function remember(code) {
  document.cookie = CHOICE + '=' + encodeURIComponent(code) + '; path=/; SameSite=Lax';
}

// Keeps the choice and, when it changes the language, loads the page again in it.
function choose(code) {
  const before = current();
  try {
    window.localStorage.setItem(CHOICE, code);
  } catch (unavailable) {
    return;
  }
  remember(code);
  if (code !== before) {
    window.location.reload();
  }
}

// The user menu is drawn by the webapps (and drawn again after each sign-in): add the languages to
// it, between "My profile" and "Log out", whenever it has none.
function addToUserMenu() {
  const menu = document.querySelector('.account .dropdown-menu');
  if (!menu || menu.querySelector('.collab-language')) {
    return;
  }
  const shown = current();
  const logout = menu.querySelector('li.logout');
  const items = [];
  const title = document.createElement('li');
  title.className = 'dropdown-header collab-language';
  title.textContent = MENU_TITLE[shown] || MENU_TITLE[FALLBACK];
  items.push(title);
  LANGUAGES.forEach(function (language) {
    const item = document.createElement('li');
    item.className = 'collab-language' + (language[0] === shown ? ' active' : '');
    item.setAttribute('data-language', language[0]);
    const link = document.createElement('a');
    link.href = '';
    link.lang = language[0];
    link.textContent = language[1];
    link.addEventListener('click', function (event) {
      event.preventDefault();
      choose(language[0]);
    });
    item.appendChild(link);
    items.push(item);
  });
  const after = document.createElement('li');
  after.className = 'divider collab-language';
  items.push(after);
  items.forEach(function (item) {
    menu.insertBefore(item, logout);
  });
}

document.documentElement.lang = current();
(function rememberChoice() {
  try {
    const choice = window.localStorage.getItem(CHOICE);
    if (choice && !document.cookie.split('; ').includes(CHOICE + '=' + encodeURIComponent(choice))) {
      remember(choice);
    }
  } catch (unavailable) {
    // no storage: no choice to remember
  }
})();
new MutationObserver(addToUserMenu).observe(document.documentElement, { childList: true, subtree: true });
addToUserMenu();
