// Network views (vis-network, the library pyvis ships): filters, tooltips, labels that never overlap, export.
// vis-network would put a string tooltip in with innerHTML, so nodes and edges
// get no `title`; our own tooltip box is filled with textContent.
(function () {
  "use strict";
  var KG = window.KG;
  var LABEL_FONT = 13, EDGE_FONT = 11, EDGE_LABELS_UP_TO = 80;

  function tip() { return document.getElementById("kg-tip"); }
  KG.hideTip = function () { var t = tip(); if (t) { t.hidden = true; KG.clear(t); } };
  function showTip(box, event) {
    var t = tip();
    KG.clear(t).appendChild(box);
    t.hidden = false;
    var x = event.clientX + 14, y = event.clientY + 14;
    var w = t.offsetWidth, h = t.offsetHeight;
    if (x + w > window.innerWidth - 8) x = Math.max(8, event.clientX - w - 14);
    if (y + h > window.innerHeight - 8) y = Math.max(8, window.innerHeight - h - 8);
    t.style.left = x + "px";
    t.style.top = y + "px";
  }

  function nodeTip(i) {
    var e = KG.E[i], box = KG.el("div");
    box.appendChild(KG.el("div", "kg-tip-name", e.label));
    box.appendChild(KG.el("div", "kg-tip-class", KG.classText(e)));
    if (e.aliases.length) box.appendChild(KG.el("div", "kg-tip-aliases", "别名：" + e.aliases.slice(0, 6).join("、")));
    if (e.articles.length) {
      box.appendChild(KG.el("div", "kg-tip-head", "出现于 " + e.articles.length + " 篇文章："));
      var list = KG.el("ul", "kg-tip-articles");
      e.articles.slice(0, 3).forEach(function (a) { list.appendChild(KG.el("li", "", KG.articleTitle(a))); });
      box.appendChild(list);
    }
    box.appendChild(KG.el("div", "kg-tip-metrics", "度 " + e.degree + " · PageRank " + e.rank.toFixed(4) + " · 社群 " + e.community));
    box.appendChild(KG.el("div", "kg-muted", "点击查看详情，双击打开它的页面"));
    return box;
  }

  KG.factTitle = function (f) {
    return KG.E[f.s].label + " —" + f.rel.label + (f.rel.undirected ? "— " : "→ ") + KG.E[f.o].label;
  };

  // Evidence of a fact: from the entity shard of its subject, loaded on first use.
  KG.factEvidence = function (f) {
    return KG.entityDetail(f.s).then(function (d) {
      var found = d.facts.filter(function (row) { return row[0] === f.i; })[0];
      return found ? { passages: found[1], total: found[2], rules: found[3] } : { passages: [], total: 0, rules: [] };
    });
  };

  KG.evidenceBox = function (f, ev, withLinks) {
    var box = KG.el("div");
    box.appendChild(KG.el("div", "kg-tip-name", KG.factTitle(f)));
    if (f.gazetteer) box.appendChild(KG.el("div", "kg-tip-class", "由行政区划表推出（句子为提到下级单位之处）"));
    ev.passages.forEach(function (row) {
      box.appendChild(KG.el("blockquote", "kg-tip-evidence", row[1]));
      var source = KG.el("div", "kg-tip-source");
      if (withLinks) source.appendChild(KG.sentenceLink(row, "在原文中查看：" + KG.articleTitle(row[0])));
      else source.textContent = "—— " + KG.articleTitle(row[0]);
      box.appendChild(source);
    });
    if (!ev.passages.length) box.appendChild(KG.el("div", "kg-muted", "没有记录出处"));
    if (ev.total > ev.passages.length) box.appendChild(KG.el("div", "kg-muted", "共 " + ev.total + " 处出处，全部在 edges.csv"));
    if (ev.rules.length) box.appendChild(KG.el("div", "kg-tip-metrics", "抽取规则：" + ev.rules.join("、")));
    return box;
  };

  // Labels in screen space, most important first; one that would overlap a drawn one is skipped.
  function drawLabels(view, ctx) {
    var net = view.network, ratio = net.canvas.pixelRatio || window.devicePixelRatio || 1;
    var width = view.container.clientWidth, height = view.container.clientHeight;
    var boxes = [], drawn = [];
    ctx.save();
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    ctx.textBaseline = "top";
    ctx.lineJoin = "round";
    function place(text, x, y, size, colour, kind) {
      ctx.font = size + "px " + KG.font;
      var w = ctx.measureText(text).width, box = { x: x - w / 2 - 2, y: y - 1, w: w + 4, h: size + 3 };
      if (box.x + box.w < 0 || box.y + box.h < 0 || box.x > width || box.y > height) return;
      for (var k = 0; k < boxes.length; k++) {
        var b = boxes[k];
        if (box.x < b.x + b.w && b.x < box.x + box.w && box.y < b.y + b.h && b.y < box.y + box.h) return;
      }
      boxes.push(box);
      drawn.push({ kind: kind, text: text, x: box.x, y: box.y, w: box.w, h: box.h });
      ctx.lineWidth = 3;
      ctx.strokeStyle = "rgba(255,255,255,0.9)";
      ctx.strokeText(text, x - w / 2, y);
      ctx.fillStyle = colour;
      ctx.fillText(text, x - w / 2, y);
    }
    var scale = net.getScale();
    var ids = view.nodes.getIds({ filter: function (n) { return !n.hidden; } });
    ids.sort(function (a, b) { return view.priority(b) - view.priority(a); });
    var positions = net.getPositions(ids);
    ids.forEach(function (id) {
      var p = net.canvasToDOM(positions[id]), node = view.nodes.get(id);
      place(KG.E[id].label, p.x, p.y + node.size * scale + 3, LABEL_FONT, "#222", "node");
    });
    var edges = view.edges.get({ filter: function (e) { return !e.hidden; } });
    if (edges.length <= EDGE_LABELS_UP_TO) {
      edges.forEach(function (e) {
        var f = KG.F[e.id];
        if (!positions[f.s] || !positions[f.o]) return;
        var a = net.canvasToDOM(positions[f.s]), b = net.canvasToDOM(positions[f.o]);
        place(f.rel.label, (a.x + b.x) / 2, (a.y + b.y) / 2 - EDGE_FONT / 2, EDGE_FONT, "#555", "edge");
      });
    }
    ctx.restore();
    view.labels = drawn;
  }

  function passes(view, e) {
    var f = view.filters;
    if (f.classes[e.cls.name] === false) return false;
    if (e.cls.name === "AdministrativeUnit" && f.levels[e.level || "unknown"] === false) return false;
    return true;
  }

  function articleMatches(view, articles) {
    var f = view.filters;
    if (!f.source && !f.from && !f.to && !f.title) return true;
    return articles.some(function (a) {
      var art = KG.A[a];
      return (!f.source || art.source === f.source) && (!f.from || (art.date && art.date >= f.from)) &&
        (!f.to || (art.date && art.date <= f.to)) && (!f.title || art.title.toLowerCase().indexOf(f.title) !== -1);
    });
  }

  function applyFilters(view) {
    var f = view.filters, shownNodes = {}, degree = {};
    view.nodeIds.forEach(function (i) { shownNodes[i] = passes(view, KG.E[i]) && (i === view.focus || articleMatches(view, KG.E[i].articles)); });
    var edgeUpdates = view.edgeIds.map(function (id) {
      var fact = KG.F[id];
      var ok = shownNodes[fact.s] && shownNodes[fact.o] && f.relations[fact.rel.name] !== false && articleMatches(view, fact.articles);
      if (ok) { degree[fact.s] = 1; degree[fact.o] = 1; }
      return { id: id, hidden: !ok };
    });
    view.edges.update(edgeUpdates);
    view.nodes.update(view.nodeIds.map(function (i) {
      return { id: i, hidden: !shownNodes[i] || (f.unconnected && !degree[i] && i !== view.focus) };
    }));
    var nodes = view.nodes.get({ filter: function (n) { return !n.hidden; } }).length;
    var edges = view.edges.get({ filter: function (e) { return !e.hidden; } }).length;
    view.count.textContent = "显示 " + nodes + " 个节点、" + edges + " 条关系";
    view.container.setAttribute("data-visible-nodes", String(nodes));
  }

  function checkboxes(legend, items, store, view) {
    var box = KG.el("fieldset", "kg-legend");
    box.appendChild(KG.el("legend", "", legend));
    items.forEach(function (item) {
      var label = KG.el("label", "kg-legend-item"), input = KG.el("input");
      input.type = "checkbox";
      input.checked = true;
      input.setAttribute("data-" + item.kind, item.name);
      input.addEventListener("change", function () { store[item.name] = input.checked; applyFilters(view); });
      label.appendChild(input);
      var mark = KG.el("span", item.line ? "kg-line" : "kg-dot");
      mark.style.background = item.colour;
      label.appendChild(mark);
      label.appendChild(KG.el("span", "", item.label));
      label.appendChild(KG.el("span", "kg-count", item.count));
      box.appendChild(label);
    });
    return box;
  }

  function controls(view, panel) {
    var counts = {}, levels = {}, relations = {};
    view.nodeIds.forEach(function (i) {
      var e = KG.E[i];
      counts[e.cls.name] = (counts[e.cls.name] || 0) + 1;
      if (e.cls.name === "AdministrativeUnit") levels[e.level || "unknown"] = (levels[e.level || "unknown"] || 0) + 1;
    });
    view.edgeIds.forEach(function (id) { var r = KG.F[id].rel.name; relations[r] = (relations[r] || 0) + 1; });
    view.count = KG.el("p", "kg-muted kg-view-count");
    panel.appendChild(view.count);
    panel.appendChild(checkboxes("类别", KG.classes.filter(function (c) { return counts[c.name]; }).map(function (c) {
      return { kind: "class", name: c.name, label: c.label, colour: c.colour, count: counts[c.name] };
    }), view.filters.classes, view));
    var unitColour = KG.classes[0].colour;
    var levelItems = KG.core.levels.filter(function (l) { return levels[l[0]]; }).map(function (l) {
      return { kind: "level", name: l[0], label: l[1], colour: unitColour, count: levels[l[0]] };
    });
    if (levelItems.length > 1) panel.appendChild(checkboxes("行政层级", levelItems, view.filters.levels, view));
    if (view.edgeIds.length) panel.appendChild(checkboxes("关系", KG.relations.filter(function (r) { return relations[r.name]; }).map(function (r) {
      return { kind: "relation", name: r.name, label: r.label, colour: r.colour, count: relations[r.name], line: true };
    }), view.filters.relations, view));
    var more = KG.el("fieldset", "kg-legend");
    more.appendChild(KG.el("legend", "", "按文章筛选"));
    var unconnected = KG.el("input");
    unconnected.type = "checkbox";
    unconnected.id = "kg-hide-unconnected";
    unconnected.checked = view.filters.unconnected;
    unconnected.addEventListener("change", function () { view.filters.unconnected = unconnected.checked; applyFilters(view); });
    var lab = KG.el("label", "kg-legend-item");
    lab.appendChild(unconnected);
    lab.appendChild(KG.el("span", "", "隐藏没有关系的节点"));
    more.appendChild(lab);
    var sources = {};
    KG.A.forEach(function (a) { if (a.source) sources[a.source] = 1; });
    var select = KG.el("select");
    select.appendChild(new Option("全部来源", ""));
    Object.keys(sources).sort().forEach(function (s) { select.appendChild(new Option(s, s)); });
    select.addEventListener("change", function () { view.filters.source = select.value; applyFilters(view); });
    var title = KG.el("input");
    title.type = "search";
    title.placeholder = "文章标题包含";
    title.addEventListener("input", function () { view.filters.title = title.value.trim().toLowerCase(); applyFilters(view); });
    var from = KG.el("input"), to = KG.el("input");
    from.type = to.type = "date";
    from.addEventListener("change", function () { view.filters.from = from.value; applyFilters(view); });
    to.addEventListener("change", function () { view.filters.to = to.value; applyFilters(view); });
    [select, title, from, to].forEach(function (input) { more.appendChild(input); });
    panel.appendChild(more);
    var exports = KG.el("div", "kg-export");
    exports.appendChild(KG.el("span", "kg-muted", "导出所见："));
    [["CSV", KG.exportCsv], ["GraphML", KG.exportGraphml], ["PNG", KG.exportPng]].forEach(function (pair) {
      var b = KG.el("button", "", pair[0]);
      b.setAttribute("data-export", pair[0].toLowerCase());
      b.addEventListener("click", function () { pair[1](view); });
      exports.appendChild(b);
    });
    panel.appendChild(exports);
  }

  // spec: {nodes: [entity], positions: {entity: [x, y]} (else the browser lays out), edges: [fact],
  //        focus: entity, onEdge(fact), unconnected: bool}
  KG.drawNetwork = function (container, panel, spec) {
    var view = { container: container, nodeIds: spec.nodes, edgeIds: spec.edges, focus: spec.focus,
                 filters: { classes: {}, levels: {}, relations: {}, unconnected: !!spec.unconnected } };
    var maxRank = Math.max.apply(null, spec.nodes.map(function (i) { return KG.E[i].rank; }).concat([1e-9]));
    view.priority = function (i) { return (i === spec.focus ? 10 : 0) + KG.E[i].rank / maxRank; };
    view.nodes = new vis.DataSet(spec.nodes.map(function (i) {
      var e = KG.E[i], size = Math.round(8 + 18 * Math.sqrt(e.rank / maxRank)) + (i === spec.focus ? 8 : 0);
      var node = { id: i, shape: e.cls.shape, size: size, color: { background: e.cls.colour, border: i === spec.focus ? "#222" : e.cls.colour },
                   borderWidth: i === spec.focus ? 4 : 1 };
      if (spec.positions) { node.x = spec.positions[i][0]; node.y = spec.positions[i][1]; }
      return node;
    }));
    view.edges = new vis.DataSet(spec.edges.map(function (id) {
      var f = KG.F[id];
      return { id: id, from: f.s, to: f.o, color: { color: f.rel.colour, highlight: "#000", hover: "#000" }, width: 1.4,
               arrows: f.rel.undirected ? "" : "to", dashes: f.gazetteer };
    }));
    var layoutHere = !spec.positions;
    var network = new vis.Network(container, { nodes: view.nodes, edges: view.edges }, {
      physics: layoutHere ? { solver: "forceAtlas2Based", forceAtlas2Based: { gravitationalConstant: -60, springLength: 110 },
                              stabilization: { iterations: 250, fit: true } } : { enabled: false },
      layout: { improvedLayout: false, randomSeed: 7 },
      interaction: { hover: true, tooltipDelay: 3600000, hideEdgesOnDrag: spec.nodes.length > 400, hoverConnectedEdges: false },
      edges: { smooth: false, arrows: { to: { scaleFactor: 0.5 } }, hoverWidth: 2 },
      nodes: { font: { size: 0 } }
    });
    view.network = network;
    KG.currentView = view;
    controls(view, panel);
    applyFilters(view);
    network.on("afterDrawing", function (ctx) { drawLabels(view, ctx); });
    network.on("hoverNode", function (p) { showTip(nodeTip(p.node), p.event.srcEvent || p.event); });
    network.on("hoverEdge", function (p) {
      var f = KG.F[p.edge], event = p.event.srcEvent || p.event, token = view.hovered = {};
      showTip(KG.evidenceBox(f, { passages: [], total: 0, rules: [] }, false), event);
      KG.factEvidence(f).then(function (ev) {
        if (view.hovered === token) showTip(KG.evidenceBox(f, { passages: ev.passages.slice(0, 2), total: ev.total, rules: [] }, false), event);
      });
    });
    ["blurNode", "blurEdge", "dragStart", "zoom"].forEach(function (name) {
      network.on(name, function () { view.hovered = null; KG.hideTip(); });
    });
    container.addEventListener("mouseleave", function () { view.hovered = null; KG.hideTip(); });
    network.on("click", function (p) {
      KG.hideTip();
      if (p.nodes.length) { if (spec.onNode) spec.onNode(p.nodes[0]); }
      else if (p.edges.length && spec.onEdge) spec.onEdge(KG.F[p.edges[0]]);
    });
    network.on("doubleClick", function (p) { if (p.nodes.length) window.location.hash = "#entity/" + p.nodes[0]; });
    function rendered() { container.setAttribute("data-rendered-nodes", String(spec.nodes.length)); }
    if (layoutHere) network.once("stabilizationIterationsDone", function () {
      network.setOptions({ physics: { enabled: false } });
      network.fit();
      network.once("afterDrawing", rendered);
      network.redraw();
    });
    else {
      // Laid out at build time with every node; fit what the filters left visible (unconnected ones are hidden).
      network.fit({ nodes: view.nodes.getIds({ filter: function (n) { return !n.hidden; } }), animation: false });
      network.once("afterDrawing", rendered);
    }
    return view;
  };
})();
