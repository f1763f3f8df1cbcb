// The source reader: an article's metadata, its text with every recognised mention
// highlighted by class, the facts it states (list and network), and on request the
// page furniture that was dropped. #article/A/S-E highlights and scrolls to that sentence.
(function () {
  "use strict";
  var KG = window.KG;
  var SAFE_URL = /^https?:\/\/[^\s]+$/i;

  function inside(spans, at) {
    for (var k = 0; k < spans.length; k++) if (spans[k][0] <= at && at < spans[k][1]) return true;
    return false;
  }

  // The text cut at every boundary (lines, mentions, sentences of facts) into leaves that know their offsets.
  function renderText(box, detail) {
    var text = detail.text, cuts = { 0: 1 };
    cuts[text.length] = 1;
    detail.body.forEach(function (s) { cuts[s[0]] = cuts[s[1]] = 1; });
    detail.mentions.forEach(function (m) { cuts[m[0]] = cuts[m[1]] = 1; });
    detail.facts.forEach(function (f) { cuts[f[1]] = cuts[f[2]] = 1; });
    for (var n = text.indexOf("\n"); n !== -1; n = text.indexOf("\n", n + 1)) cuts[n] = cuts[n + 1] = 1;
    var at = Object.keys(cuts).map(Number).filter(function (c) { return c <= text.length; }).sort(function (a, b) { return a - b; });
    var mentionAt = {};
    detail.mentions.forEach(function (m) { mentionAt[m[0]] = m; });
    var openMention = null, line = KG.el("p", "kg-line"), lineBody = false, dropped = 0;
    function endLine() {
      if (line.textContent.trim()) {
        if (!lineBody) { line.className = "kg-line kg-dropped"; line.title = "去掉的页面杂项"; dropped++; }
        box.appendChild(line);
      }
      line = KG.el("p", "kg-line");
    }
    for (var k = 0; k + 1 < at.length; k++) {
      var start = at[k], end = at[k + 1], piece = text.slice(start, end);
      if (piece === "\n") { endLine(); continue; }
      if (line.childNodes.length === 0) lineBody = false;
      if (!lineBody && piece.trim() && inside(detail.body, start)) lineBody = true;
      if (mentionAt[start]) openMention = mentionAt[start];
      var leaf;
      if (openMention && start < openMention[1]) {
        var e = KG.E[openMention[2]];
        leaf = KG.link("#entity/" + e.i, piece, "kg-m kg-m-" + e.cls.name);
        leaf.setAttribute("data-entity", String(e.i));
      } else {
        openMention = null;
        leaf = KG.el("span", "", piece);
      }
      leaf.setAttribute("data-start", String(start));
      leaf.setAttribute("data-end", String(end));
      line.appendChild(leaf);
    }
    endLine();
    return dropped;
  }

  KG.highlight = function (box, start, end) {
    box.querySelectorAll(".kg-hit").forEach(function (n) { n.classList.remove("kg-hit"); });
    var first = null;
    box.querySelectorAll("[data-start]").forEach(function (n) {
      var s = Number(n.getAttribute("data-start")), e = Number(n.getAttribute("data-end"));
      if (s < end && start < e) { n.classList.add("kg-hit"); if (!first) first = n; }
    });
    if (first) first.scrollIntoView({ block: "center" });
    return first;
  };

  function meta(view, a, detail) {
    var art = KG.A[a];
    view.appendChild(KG.el("h2", "", art.title));
    var line = KG.el("p", "kg-class", [art.date, art.source].concat(detail.authors).filter(Boolean).join(" · "));
    view.appendChild(line);
    var where = KG.el("p", "kg-muted");
    if (SAFE_URL.test(detail.url)) {
      where.appendChild(document.createTextNode("原文网址："));
      var link = KG.el("a", "kg-url", detail.url);
      link.setAttribute("href", detail.url);
      link.setAttribute("rel", "noopener noreferrer");
      link.setAttribute("target", "_blank");
      where.appendChild(link);
    } else if (detail.url) {
      where.textContent = "原文网址：" + detail.url;
    } else {
      where.textContent = "没有原文网址";
    }
    where.appendChild(document.createTextNode(" · 文件：" + detail.source + " · 编号 " + art.id));
    view.appendChild(where);
  }

  function factList(box, text, detail) {
    var rows = detail.facts.map(function (row) { return { f: KG.F[row[0]], start: row[1], end: row[2] }; });
    box.appendChild(KG.el("h3", "", "本文陈述的关系（" + rows.length + "）"));
    box.appendChild(KG.table([
      { title: "关系", key: function (r) { return KG.factTitle(r.f); }, cell: function (r) {
        var b = KG.el("button", "kg-fact", KG.factTitle(r.f));
        b.setAttribute("data-fact", String(r.f.i));
        b.addEventListener("click", function () { KG.highlight(text, r.start, r.end); });
        return b;
      } },
      { title: "位置", num: true, key: function (r) { return r.start; } }
    ], rows, { page: 30 }));
  }

  KG.articlePage = function (view, a, sentence) {
    var layout = KG.el("div", "kg-reader");
    view.appendChild(layout);
    KG.articleDetail(a).then(function (detail) {
      var left = KG.el("div", "kg-reader-text"), right = KG.el("div", "kg-reader-side");
      meta(left, a, detail);
      var toggle = KG.el("label", "kg-toggle"), box = KG.el("input");
      box.type = "checkbox";
      box.id = "kg-show-dropped";
      toggle.appendChild(box);
      var text = KG.el("article", "kg-text kg-hide-dropped");
      text.id = "kg-text";
      var dropped = renderText(text, detail);
      toggle.appendChild(document.createTextNode(" 显示去掉的页面杂项（" + dropped + " 行）"));
      box.addEventListener("change", function () { text.classList.toggle("kg-hide-dropped", !box.checked); });
      left.appendChild(toggle);
      var legend = KG.el("p", "kg-mention-legend");
      KG.classes.forEach(function (c) { legend.appendChild(KG.el("span", "kg-m kg-m-" + c.name, c.label)); });
      left.appendChild(legend);
      left.appendChild(text);
      layout.appendChild(left);
      layout.appendChild(right);
      var entities = {};
      detail.mentions.forEach(function (m) { entities[m[2]] = 1; });
      var facts = detail.facts.map(function (row) { entities[KG.F[row[0]].s] = entities[KG.F[row[0]].o] = 1; return row[0]; });
      facts = facts.filter(function (f, k) { return facts.indexOf(f) === k; });
      right.appendChild(KG.el("h3", "", "本文的实体与关系"));
      right.appendChild(KG.el("p", "kg-muted", "只画本文陈述的关系；点击一条关系，在原文中标出它的句子。"));
      var net = KG.el("div", "kg-network kg-reader-net"), panel = KG.el("div", "kg-panel kg-panel-inline");
      net.id = "kg-network";
      right.appendChild(net);
      right.appendChild(panel);
      var nodes = Object.keys(entities).map(Number).sort(function (x, y) { return x - y; });
      var firstSpan = {};
      detail.facts.forEach(function (row) { if (!firstSpan[row[0]]) firstSpan[row[0]] = row; });
      KG.drawNetwork(net, panel, { nodes: nodes, edges: facts, onEdge: function (f) {
        var row = firstSpan[f.i];
        if (row) KG.highlight(text, row[1], row[2]);
      } });
      factList(right, text, detail);
      view.setAttribute("data-ready", "1");
      if (sentence) KG.highlight(text, sentence[0], sentence[1]);
    });
  };
})();
