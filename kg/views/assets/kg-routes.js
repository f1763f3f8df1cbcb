// Routes of the one page (the part after #): home, overview, tree, entity/N, article/A[/S-E], path[/N[/M]].
// Route parts are numbers checked against the data before use.
(function () {
  "use strict";
  var KG = window.KG;
  var ARTICLES_PAGE = 50;

  function homeArticles() {
    var section = document.getElementById("articles"), filters = {};
    var source = section.querySelector("[data-filter=source]"), holder = KG.el("div");
    var sources = {};
    KG.A.forEach(function (a) { if (a.source) sources[a.source] = (sources[a.source] || 0) + 1; });
    Object.keys(sources).sort().forEach(function (s) { source.appendChild(new Option(s + "（" + sources[s] + "）", s)); });
    section.querySelector("#kg-article-table").replaceWith(holder);
    function draw() {
      var rows = KG.A.filter(function (a) {
        return (!filters.title || a.title.toLowerCase().indexOf(filters.title) !== -1) && (!filters.source || a.source === filters.source) &&
          (!filters.from || a.date >= filters.from) && (!filters.to || (a.date && a.date <= filters.to));
      });
      document.getElementById("kg-article-count").textContent = rows.length + " / " + KG.A.length + " 篇";
      KG.clear(holder).appendChild(KG.table([
        { title: "标题", key: function (a) { return a.title; }, cell: function (a) { return KG.link("#article/" + a.i, a.title); } },
        { title: "日期", key: function (a) { return a.date; } },
        { title: "来源", key: function (a) { return a.source; } },
        { title: "实体", num: true, key: function (a) { return a.entities; } },
        { title: "关系", num: true, key: function (a) { return a.facts; } }
      ], rows, { page: ARTICLES_PAGE }));
    }
    section.querySelectorAll("[data-filter]").forEach(function (input) {
      input.addEventListener(input.tagName === "SELECT" || input.type === "date" ? "change" : "input", function () {
        var key = input.getAttribute("data-filter");
        filters[key] = key === "title" ? input.value.trim().toLowerCase() : input.value;
        draw();
      });
    });
    var pager = document.getElementById("kg-article-pager");
    if (pager) pager.remove();
    draw();
  }

  function networkLayout(view) {
    var layout = KG.el("div", "kg-net-layout kg-net-full"), panel = KG.el("aside", "kg-panel"), canvas = KG.el("div", "kg-network");
    canvas.id = "kg-network";
    layout.appendChild(panel);
    layout.appendChild(canvas);
    view.appendChild(layout);
    return { panel: panel, canvas: canvas };
  }

  function overview(view) {
    var o = KG.core.overview, positions = {}, nodes = o.nodes.map(function (n) { positions[n[0]] = [n[1], n[2]]; return n[0]; });
    var parts = networkLayout(view);
    parts.panel.appendChild(KG.el("h2", "", "全图概览"));
    if (o.hiddenNodes) {
      parts.panel.appendChild(KG.el("p", "kg-note", "每类按 PageRank 取最核心的节点（党组织等不会被行政单元挤掉），共画出 " + nodes.length +
        " 个；另有 " + o.hiddenNodes + " 个节点、" + o.hiddenFacts + " 条关系未画出，都可在上方搜索，也都在 nodes.csv 和 edges.csv 里。"));
    }
    var detail = KG.el("div", "kg-net-detail");
    KG.drawNetwork(parts.canvas, parts.panel, {
      nodes: nodes, positions: positions, edges: KG.factsAmong(nodes), unconnected: true,
      onEdge: function (f) { KG.showFact(detail, f); }, onNode: function (n) { KG.showNode(detail, n); }
    });
    parts.panel.appendChild(detail);
    parts.panel.appendChild(KG.el("p", "kg-muted", "悬停查看详情；点击一条关系看它的出处；双击节点打开它的页面。"));
  }

  // Shortest path over the relations, either direction.
  KG.path = function (from, to) {
    var back = {}, queue = [from];
    back[from] = -1;
    while (queue.length) {
      var i = queue.shift();
      if (i === to) break;
      KG.adjacent[i].forEach(function (fid) {
        var f = KG.F[fid], other = f.s === i ? f.o : f.s;
        if (back[other] === undefined) { back[other] = fid; queue.push(other); }
      });
    }
    if (back[to] === undefined) return null;
    var facts = [], nodes = [to];
    for (var at = to; at !== from;) { var f = KG.F[back[at]]; facts.unshift(f.i); at = f.s === at ? f.o : f.s; nodes.unshift(at); }
    return { nodes: nodes, facts: facts };
  };

  function picker(label, chosen, onPick) {
    var box = KG.el("div", "kg-picker"), input = KG.el("input"), list = KG.el("div", "kg-picker-list");
    input.type = "search";
    input.placeholder = label;
    if (chosen >= 0) input.value = KG.E[chosen].label;
    input.addEventListener("input", function () {
      KG.clear(list);
      KG.search(input.value).slice(0, 12).forEach(function (e) {
        var b = KG.el("button", "kg-pick", e.label + " · " + KG.classText(e));
        b.addEventListener("click", function () { onPick(e.i); });
        list.appendChild(b);
      });
    });
    box.appendChild(input);
    box.appendChild(list);
    return box;
  }

  function pathPage(view, from, to) {
    view.appendChild(KG.el("h2", "", "两实体之间的路径"));
    var pick = KG.el("div", "kg-filters");
    pick.appendChild(picker("起点", from, function (i) { location.hash = "#path/" + i + (to >= 0 ? "/" + to : ""); }));
    pick.appendChild(picker("终点", to, function (i) { location.hash = "#path/" + (from >= 0 ? from : i) + "/" + i; }));
    view.appendChild(pick);
    if (from < 0 || to < 0) { view.appendChild(KG.el("p", "kg-muted", "输入名称，选出起点和终点。")); return; }
    var found = KG.path(from, to);
    if (!found) { view.appendChild(KG.el("p", "kg-note", KG.E[from].label + " 与 " + KG.E[to].label + " 之间没有由关系连成的路径。")); return; }
    view.appendChild(KG.el("p", "", found.facts.length + " 步："));
    var steps = KG.el("ol", "kg-path");
    found.facts.forEach(function (fid) {
      var li = KG.el("li"), f = KG.F[fid];
      li.appendChild(KG.entityLink(f.s));
      li.appendChild(KG.el("span", "kg-rel", " —" + f.rel.label + "→ "));
      li.appendChild(KG.entityLink(f.o));
      var ev = KG.el("div", "kg-net-detail");
      li.appendChild(ev);
      KG.showFact(ev, f);
      steps.appendChild(li);
    });
    view.appendChild(steps);
    var parts = networkLayout(view);
    KG.drawNetwork(parts.canvas, parts.panel, { nodes: found.nodes, edges: found.facts, focus: from });
  }

  function number(text, limit) {
    var n = /^\d{1,7}$/.test(text || "") ? Number(text) : -1;
    return n < limit ? n : -1;
  }

  function route() {
    KG.hideTip();
    var parts = location.hash.replace(/^#/, "").split("/");
    var home = document.getElementById("kg-home"), view = document.getElementById("kg-view");
    var fresh = view.cloneNode(false);  // a new element: listeners and networks of the last view go with the old one
    view.replaceWith(fresh);
    view = fresh;
    var name = parts[0];
    var shown = name === "overview" || name === "tree" || name === "path" ||
      (name === "entity" && number(parts[1], KG.E.length) >= 0) || (name === "article" && number(parts[1], KG.A.length) >= 0);
    home.hidden = shown;
    view.hidden = !shown;
    view.setAttribute("data-route", shown ? name : "home");
    if (!shown) return;
    window.scrollTo(0, 0);
    if (name === "overview") overview(view);
    else if (name === "tree") KG.treePage(view);
    else if (name === "entity") KG.entityPage(view, number(parts[1], KG.E.length));
    else if (name === "path") pathPage(view, number(parts[1], KG.E.length), number(parts[2], KG.E.length));
    else {
      var span = /^(\d{1,9})-(\d{1,9})$/.exec(parts[2] || "");
      KG.articlePage(view, number(parts[1], KG.A.length), span ? [Number(span[1]), Number(span[2])] : null);
    }
  }

  document.addEventListener("DOMContentLoaded", function () {
    KG.init();
    KG.font = getComputedStyle(document.documentElement).getPropertyValue("--kg-font") || "sans-serif";
    homeArticles();
    var search = document.getElementById("kg-search");
    search.addEventListener("input", KG.showResults);
    document.getElementById("kg-results").addEventListener("click", function (event) {
      if (event.target.closest && event.target.closest("a")) document.getElementById("kg-results").hidden = true;
    });
    window.addEventListener("hashchange", route);
    route();
    document.body.setAttribute("data-ready", "1");
  });
})();
