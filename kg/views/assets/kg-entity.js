// An entity's page: class, aliases, level or kind, the articles that mention it,
// its relations as a sortable table with evidence, and its ego network (depth 1–3).
(function () {
  "use strict";
  var KG = window.KG;
  var EGO_MAX_NODES = 150;

  // Entities within `depth` steps, nearest first and, at the same distance, the most central first.
  KG.ego = function (centre, depth, limit) {
    var distance = {}, order = [centre], frontier = [centre];
    distance[centre] = 0;
    for (var d = 1; d <= depth && order.length < limit; d++) {
      var next = [];
      frontier.forEach(function (i) {
        KG.adjacent[i].forEach(function (fid) {
          var f = KG.F[fid], other = f.s === i ? f.o : f.s;
          if (distance[other] === undefined) { distance[other] = d; next.push(other); }
        });
      });
      next.sort(function (a, b) { return KG.E[b].rank - KG.E[a].rank || a - b; });
      var room = limit - order.length;
      order = order.concat(next.slice(0, room));
      frontier = next.slice(0, room);
      if (next.length > room) return { nodes: order, cut: next.length - room, depth: d };
    }
    return { nodes: order, cut: 0, depth: depth };
  };

  KG.factsAmong = function (nodes) {
    var inside = {}, facts = {};
    nodes.forEach(function (i) { inside[i] = 1; });
    nodes.forEach(function (i) {
      KG.adjacent[i].forEach(function (fid) { var f = KG.F[fid]; if (inside[f.s] && inside[f.o]) facts[fid] = 1; });
    });
    return Object.keys(facts).map(Number).sort(function (a, b) { return a - b; });
  };

  function facts(view, i, detail) {
    var evidence = {};
    detail.facts.forEach(function (row) { evidence[row[0]] = row; });
    var rows = KG.adjacent[i].map(function (fid) {
      var f = KG.F[fid], other = f.s === i ? f.o : f.s, ev = evidence[fid] || [fid, [], 0, []];
      return { f: f, other: other, outgoing: f.s === i, passages: ev[1], total: ev[2] };
    });
    var table = KG.table([
      { title: "关系", key: function (r) { return r.f.rel.label + (r.outgoing ? "" : "（被）"); } },
      { title: "另一端", key: function (r) { return KG.E[r.other].label; }, cell: function (r) { return KG.entityLink(r.other); } },
      { title: "类别", key: function (r) { return KG.classText(KG.E[r.other]); } },
      { title: "文章数", num: true, key: function (r) { return r.f.articles.length; } },
      { title: "出处", key: function (r) { return r.passages.length ? r.passages[0][1] : ""; }, cell: function (r) {
        var box = KG.el("div", "kg-evidence-cell");
        if (r.f.gazetteer) box.appendChild(KG.el("div", "kg-muted", "行政区划表"));
        r.passages.forEach(function (row) {
          box.appendChild(KG.el("div", "kg-sentence", row[1]));
          box.appendChild(KG.sentenceLink(row));
        });
        if (r.total > r.passages.length) box.appendChild(KG.el("div", "kg-muted", "共 " + r.total + " 处"));
        return box;
      } }
    ], rows, { page: 40 });
    view.appendChild(KG.el("h3", "", "关系（" + rows.length + "）"));
    view.appendChild(table);
  }

  function mentions(view, e, detail) {
    view.appendChild(KG.el("h3", "", "提到它的文章（" + e.articles.length + " 篇，" + detail.mentionCount + " 处）"));
    var rows = detail.mentions.map(function (row) { return row; });
    view.appendChild(KG.table([
      { title: "文章", key: function (r) { return KG.articleTitle(r[0]); }, cell: function (r) { return KG.sentenceLink(r); } },
      { title: "日期", key: function (r) { return KG.A[r[0]] ? KG.A[r[0]].date : ""; } },
      { title: "句子", key: function (r) { return r[1]; } }
    ], rows, { page: 20 }));
    if (detail.mentionCount > rows.length) view.appendChild(KG.el("p", "kg-muted", "只列出前 " + rows.length + " 处；全部在 graph.ttl。"));
  }

  function ego(box, i, depth) {
    KG.clear(box);
    var found = KG.ego(i, depth, EGO_MAX_NODES);
    var layout = KG.el("div", "kg-net-layout"), panel = KG.el("aside", "kg-panel"), canvas = KG.el("div", "kg-network");
    canvas.id = "kg-network";
    var note = "与它相距 " + depth + " 步以内的 " + found.nodes.length + " 个节点";
    if (found.cut) note += "（第 " + found.depth + " 步另有 " + found.cut + " 个节点未画出，按 PageRank 取舍）";
    panel.appendChild(KG.el("p", "kg-note", note));
    var detail = KG.el("div", "kg-net-detail");
    layout.appendChild(panel);
    layout.appendChild(canvas);
    box.appendChild(layout);
    KG.drawNetwork(canvas, panel, {
      nodes: found.nodes, edges: KG.factsAmong(found.nodes), focus: i,
      onEdge: function (f) { KG.showFact(detail, f); }, onNode: function (n) { KG.showNode(detail, n); }
    });
    panel.appendChild(detail);
  }

  KG.showFact = function (box, f) {
    KG.clear(box).appendChild(KG.el("p", "kg-muted", "加载出处…"));
    KG.factEvidence(f).then(function (ev) { KG.clear(box).appendChild(KG.evidenceBox(f, ev, true)); });
  };
  KG.showNode = function (box, i) {
    KG.clear(box);
    box.appendChild(KG.entityLink(i));
    box.appendChild(KG.el("div", "kg-muted", KG.classText(KG.E[i]) + " · " + KG.E[i].articles.length + " 篇文章"));
  };

  KG.entityPage = function (view, i) {
    var e = KG.E[i];
    var head = KG.el("div", "kg-page-head");
    var title = KG.el("h2", "", e.label);
    title.prepend(KG.swatch(e.cls));
    head.appendChild(title);
    head.appendChild(KG.el("p", "kg-class", KG.classText(e)));
    if (e.aliases.length) head.appendChild(KG.el("p", "", "别名：" + e.aliases.join("、")));
    head.appendChild(KG.el("p", "kg-muted", "度 " + e.degree + " · PageRank " + e.rank.toFixed(4) + " · 社群 " + e.community));
    var pathLink = KG.link("#path/" + i, "找它与另一实体之间的路径");
    head.appendChild(pathLink);
    view.appendChild(head);
    var egoHead = KG.el("div", "kg-ego-head");
    egoHead.appendChild(KG.el("h3", "", "关系网络"));
    var depth = KG.el("select");
    depth.id = "kg-ego-depth";
    [1, 2, 3].forEach(function (d) { depth.appendChild(new Option(d + " 步", String(d))); });
    egoHead.appendChild(KG.el("span", "kg-muted", "范围 "));
    egoHead.appendChild(depth);
    view.appendChild(egoHead);
    var egoBox = KG.el("div", "kg-ego");
    view.appendChild(egoBox);
    var tables = KG.el("div");
    view.appendChild(tables);
    var first = KG.adjacent[i].length > 30 ? 1 : 2;
    depth.value = String(first);
    depth.addEventListener("change", function () { ego(egoBox, i, Number(depth.value)); });
    ego(egoBox, i, first);
    KG.entityDetail(i).then(function (detail) {
      var meta = KG.el("p", "kg-muted");
      if (detail.code) meta.textContent = "区划代码 " + detail.code;
      if (detail.implicit) meta.textContent += (meta.textContent ? " · " : "") + "由行政区划表补出，文中没有直接写出";
      head.insertBefore(meta, pathLink);
      facts(tables, i, detail);
      mentions(tables, e, detail);
      view.setAttribute("data-ready", "1");
    });
  };
})();
