/* Title suggestions under a search field (progressive enhancement: the form works without it).
   Any <input data-goi-y="/tim-kiem/goi-y/"> becomes an ARIA combobox; choosing a suggestion opens the page. */
(function () {
  "use strict";
  if (!window.fetch) return;
  Array.prototype.forEach.call(document.querySelectorAll("input[data-goi-y]"), function (input, n) {
    var endpoint = input.getAttribute("data-goi-y");
    var list = document.createElement("ul");
    var listId = "goi-y-" + n;
    var items = [], active = -1, timer = null, lastQuery = "";
    list.id = listId;
    list.className = "suggest-list";
    list.setAttribute("role", "listbox");
    // The page gives the label in its own language (English under /en/).
    list.setAttribute("aria-label", input.getAttribute("data-goi-y-nhan") || "Gợi ý tiêu đề");
    list.hidden = true;
    input.parentNode.appendChild(list);
    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-controls", listId);
    input.setAttribute("aria-expanded", "false");

    function close() {
      list.hidden = true; active = -1;
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
    }
    function highlight(index) {
      active = index;
      Array.prototype.forEach.call(list.children, function (li, i) { li.setAttribute("aria-selected", i === index ? "true" : "false"); });
      if (index >= 0) input.setAttribute("aria-activedescendant", listId + "-" + index);
      else input.removeAttribute("aria-activedescendant");
    }
    function render(results) {
      items = results; list.textContent = "";
      if (!results.length) { close(); return; }
      results.forEach(function (item, i) {
        var li = document.createElement("li"), kind = document.createElement("span");
        li.id = listId + "-" + i;
        li.setAttribute("role", "option");
        li.setAttribute("aria-selected", "false");
        li.appendChild(document.createTextNode(item.title));
        kind.className = "suggest-kind"; kind.textContent = item.kind;
        li.appendChild(kind);
        li.addEventListener("mousedown", function (event) { event.preventDefault(); window.location.href = item.url; });
        list.appendChild(li);
      });
      list.hidden = false; active = -1;
      input.setAttribute("aria-expanded", "true");
    }
    function lookup() {
      var query = input.value.trim();
      if (query === lastQuery) return;
      lastQuery = query;
      if (query.length < 2) { render([]); return; }
      fetch(endpoint + "?q=" + encodeURIComponent(query), { headers: { Accept: "application/json" } })
        .then(function (response) { return response.ok ? response.json() : { results: [] }; })
        .then(function (data) { if (input.value.trim() === query) render(data.results || []); })
        .catch(function () { render([]); });
    }
    input.addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(lookup, 200); });
    input.addEventListener("keydown", function (event) {
      if (list.hidden) return;
      if (event.key === "ArrowDown") { event.preventDefault(); highlight((active + 1) % items.length); }
      else if (event.key === "ArrowUp") { event.preventDefault(); highlight(active <= 0 ? items.length - 1 : active - 1); }
      else if (event.key === "Escape") { close(); }
      else if (event.key === "Enter" && active >= 0) { event.preventDefault(); window.location.href = items[active].url; }
    });
    input.addEventListener("blur", function () { setTimeout(close, 100); });
  });
})();
