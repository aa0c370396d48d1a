// The site's search dialog, on Pagefind's JavaScript API. Nothing is downloaded until
// the reader opens the dialog; then Pagefind loads its index of the page's language
// (it reads <html lang>) and, for each search, only the index chunks it needs.
(function () {
  var dialog = document.querySelector("[data-portal-search]");
  var opener = document.querySelector(".portal-search__open");
  if (!dialog || !opener || typeof dialog.showModal !== "function") return;
  var root = dialog.dataset.portalSearch;
  var input = dialog.querySelector("input");
  var status = dialog.querySelector("[data-portal-search-status]");
  var list = dialog.querySelector("[data-portal-search-results]");
  var more = dialog.querySelector("[data-portal-search-more]");
  var PAGE = 10;  // results shown at a time: each costs its page's fragment (about 2 KB)
  var waiting = [];  // the latest search's results not shown yet
  var sections = dialog.querySelector("[data-portal-search-sections]");
  var pagefind = null;
  var latest = 0;
  var timer = null;

  opener.hidden = false;

  function load() {
    if (!pagefind) {
      pagefind = import(root + "pagefind/pagefind.js").then(function (module) {
        // noWorker: searching in the page saves the reader Pagefind's worker script (41 KB, 12 KB
        // compressed), a copy of the code pagefind.js already brought.
        return module.options({ baseUrl: root, excerptLength: 24, noWorker: true })
          .then(function () { return module; });
      });
    }
    return pagefind;
  }

  function open() {
    dialog.showModal();
    input.focus();
    load().catch(function () { status.textContent = dialog.dataset.failed; });
  }

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text) node.textContent = text;
    return node;
  }

  // Pagefind's excerpt is text with <mark> around the words found: keep those, escape the rest.
  function excerpt(node, html) {
    html.split(/(<mark>[^<]*<\/mark>)/).forEach(function (part) {
      var found = /^<mark>([^<]*)<\/mark>$/.exec(part);
      var text = document.createElement("textarea");
      text.innerHTML = found ? found[1] : part;
      node.appendChild(found ? element("mark", "", text.value) : document.createTextNode(text.value));
    });
  }

  // Add results to the list; the first one's link, to move the focus to.
  function append(results) {
    var first = null;
    results.forEach(function (data) {
      var item = element("li", "portal-search__result");
      if (data.meta.section) item.appendChild(element("p", "portal-search__section", data.meta.section));
      var link = element("a", "portal-search__link", data.meta.title || data.url);
      link.href = data.url;
      first = first || link;
      item.appendChild(element("h3", "portal-search__heading")).appendChild(link);
      var text = element("p", "portal-search__excerpt");
      excerpt(text, data.excerpt || "");
      item.appendChild(text);
      list.appendChild(item);
    });
    more.hidden = !waiting.length;
    return first;
  }

  // The status counts every page found, not only those shown.
  function show(query, total, shown) {
    list.replaceChildren();
    if (!total) {
      status.textContent = dialog.dataset.none.replace("{query}", query);
    } else {
      status.textContent = total === 1 ? dialog.dataset.one
        : dialog.dataset.many.replace("{count}", total.toLocaleString(document.documentElement.lang));
    }
    append(shown);
  }

  function search() {
    var query = input.value.trim();
    var ticket = ++latest;
    waiting = [];
    more.hidden = true;
    more.disabled = false;  // a "more" still loading for the last search is dropped
    if (!query) { list.replaceChildren(); status.textContent = ""; return; }
    status.textContent = dialog.dataset.loading;
    // A section chosen keeps the results to it (Pagefind's filter on each page's section).
    var chosen = sections ? sections.querySelector("input:checked") : null;
    var options = chosen && chosen.value ? { filters: { section: chosen.value } } : {};
    load().then(function (module) { return module.search(query, options); }).then(function (found) {
      if (ticket !== latest) return null;
      return Promise.all(found.results.slice(0, PAGE).map(function (r) { return r.data(); })).then(function (data) {
        if (ticket !== latest) return;
        waiting = found.results.slice(PAGE);
        show(query, found.results.length, data);
      });
    }).catch(function () { status.textContent = dialog.dataset.failed; });
  }

  // The next results of the same search; the focus goes to the first of them (the button may go away).
  function showMore() {
    var ticket = latest;
    var next = waiting.slice(0, PAGE);
    waiting = waiting.slice(PAGE);
    more.disabled = true;
    Promise.all(next.map(function (r) { return r.data(); })).then(function (data) {
      if (ticket !== latest) return;
      more.disabled = false;
      var first = append(data);
      if (first) first.focus();
    }).catch(function () {
      if (ticket !== latest) return;
      more.disabled = false;
      status.textContent = dialog.dataset.failed;
    });
  }

  opener.addEventListener("click", open);
  more.addEventListener("click", showMore);
  if (sections) sections.addEventListener("change", search);
  dialog.querySelector("[data-portal-search-close]").addEventListener("click", function () { dialog.close(); });
  dialog.addEventListener("click", function (event) { if (event.target === dialog) dialog.close(); });
  dialog.querySelector("[data-portal-search-form]").addEventListener("submit", function (event) {
    event.preventDefault();
    search();
  });
  // Escape closes the dialog at once (a search field would first only clear itself).
  input.addEventListener("keydown", function (event) {
    if (event.key === "Escape") { event.preventDefault(); dialog.close(); }
  });
  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(search, 150);  // search once the reader pauses typing
  });
  // A search asked for in the address (the not-found page's form sends '?q=' to the home page).
  var asked = new URLSearchParams(window.location.search).get("q");
  if (asked && asked.trim()) {
    open();
    input.value = asked.trim();
    search();
  }
  // "/" or "s" opens the search from anywhere but a text field, as on Material's sites.
  document.addEventListener("keydown", function (event) {
    var field = /^(INPUT|TEXTAREA|SELECT)$/.test(document.activeElement.tagName);
    if (!dialog.open && !field && !event.ctrlKey && !event.metaKey && !event.altKey
        && (event.key === "/" || event.key === "s")) {
      event.preventDefault();
      open();
    }
  });
})();
