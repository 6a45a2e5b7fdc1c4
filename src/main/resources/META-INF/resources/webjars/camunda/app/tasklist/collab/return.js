// Back to the product's page a signed-out person came from: the product's pages (opportunities, a
// story, the ledger, the health report) send such a person here to sign in, having noted the page
// in localStorage ('collab.returnTo', static/story-page/common.js). Once Tasklist shows who is
// signed in, this script takes them back there, once.
// Loaded by Tasklist as an ES module (config.js customScripts); it exports no plugin.
const RETURN_KEY = 'collab.returnTo';
function returnIfSignedIn() {
  const page = localStorage.getItem(RETURN_KEY);
  if (!page) {
    return;
  }
  const user = document.querySelector('.account .dropdown-toggle');
  if (!user || !user.textContent.trim() || location.hash.indexOf('#/login') === 0) {
    return;
  }
  localStorage.removeItem(RETURN_KEY);
  // Only the product's own pages: a path on this server, never another site.
  if (/^\/(opportunities|ledger|health)(\/|$|\?)/.test(page)) {
    location.assign(page);
  }
}
new MutationObserver(returnIfSignedIn).observe(document.documentElement, {
  childList: true,
  subtree: true,
});
returnIfSignedIn();

export default [];
