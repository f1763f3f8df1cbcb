// Draws one kg network view from the JSON in #kg-data.
// Untrusted text (names, titles, sentences) only ever reaches the page through
// textContent or the canvas: vis-network puts a string tooltip in with
// innerHTML, so every tooltip here is a DOM element built from text nodes.
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("kg-data").textContent);
  var container = document.getElementById("kg-network");

  function element(tag, className, text) {
    var el = document.createElement(tag);
    if (className) el.className = className;
    if (text !== undefined) el.textContent = text;
    return el;
  }

  function tooltip(tip) {
    var box = element("div", "kg-tip");
    box.appendChild(element("div", "kg-tip-name", tip.name));
    box.appendChild(element("div", "kg-tip-class", tip["class"]));
    if (tip.aliases.length) box.appendChild(element("div", "kg-tip-aliases", "别名：" + tip.aliases.join("、")));
    if (tip.articles.length) {
      box.appendChild(element("div", "kg-tip-head", "出现于 " + (tip.articles.length + tip.moreArticles) + " 篇文章："));
      var list = element("ul", "kg-tip-articles");
      tip.articles.forEach(function (title) { list.appendChild(element("li", null, title)); });
      if (tip.moreArticles) list.appendChild(element("li", "kg-muted", "另有 " + tip.moreArticles + " 篇"));
      box.appendChild(list);
    }
    tip.evidence.forEach(function (sentence) { box.appendChild(element("blockquote", "kg-tip-evidence", sentence)); });
    box.appendChild(element("div", "kg-tip-metrics", tip.metrics));
    return box;
  }

  var nodes = new vis.DataSet(data.nodes.map(function (node) {
    var copy = Object.assign({}, node);
    copy.title = tooltip(node.tip);
    delete copy.tip;
    return copy;
  }));
  var edges = new vis.DataSet(data.edges.map(function (edge, i) {
    return Object.assign({ id: i }, edge);
  }));
  var network = new vis.Network(container, { nodes: nodes, edges: edges }, data.options);
  window.kgNetwork = network;

  network.on("doubleClick", function (params) {
    if (!params.nodes.length) return;
    var href = nodes.get(params.nodes[0]).href;
    // Only our own relative page names: never a URL taken from the data as is.
    if (href && /^[\w.-]+\.html$/.test(href)) window.location.href = href;
  });

  // Filter by class: hiding a node hides its edges too.
  var hiddenClasses = {};
  document.querySelectorAll(".kg-legend input[data-class]").forEach(function (box) {
    box.addEventListener("change", function () {
      hiddenClasses[box.getAttribute("data-class")] = !box.checked;
      nodes.update(nodes.get().map(function (node) {
        return { id: node.id, hidden: !!hiddenClasses[node.cls] };
      }));
    });
  });

  // Search: select and zoom to every node whose name or alias contains the text.
  var search = document.getElementById("kg-search");
  var result = document.getElementById("kg-search-result");
  search.addEventListener("input", function () {
    var text = search.value.trim().toLowerCase();
    if (!text) { network.unselectAll(); result.textContent = ""; return; }
    var found = nodes.get({ filter: function (node) {
      return !node.hidden && node.search.toLowerCase().indexOf(text) !== -1;
    } }).map(function (node) { return node.id; });
    network.selectNodes(found);
    result.textContent = found.length ? "找到 " + found.length + " 个节点" : "没有匹配的节点";
    if (found.length) network.fit({ nodes: found, animation: false, maxZoomLevel: 1.5 });
  });

  network.once("afterDrawing", function () {
    container.setAttribute("data-rendered-nodes", String(nodes.length));
  });
})();
