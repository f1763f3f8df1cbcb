// The administrative tree by level: one column per level (省 … 小区), each unit in the
// column of its own level (not its depth), collapsible, with counts of what it has.
(function () {
  "use strict";
  var KG = window.KG;
  var OPEN_DEPTH = 2;  // levels of the tree open at first

  function build() {
    var tree = KG.core.tree, units = {}, children = {}, roots = [];
    tree.units.forEach(function (row) {
      units[row[0]] = { i: row[0], parent: row[1], counts: row.slice(2) };
    });
    tree.units.forEach(function (row) {
      if (row[1] >= 0 && units[row[1]]) (children[row[1]] = children[row[1]] || []).push(row[0]);
      else roots.push(row[0]);
    });
    function byName(a, b) { return KG.E[a].label.localeCompare(KG.E[b].label, "zh") || a - b; }
    Object.keys(children).forEach(function (k) { children[k].sort(byName); });
    var size = {}, rank = {};
    function count(i) { var n = 1; (children[i] || []).forEach(function (c) { n += count(c); }); size[i] = n; return n; }
    roots.forEach(count);
    KG.core.levels.forEach(function (l, k) { rank[l[0]] = k; });
    function level(i) { var r = rank[KG.E[i].level]; return r === undefined ? KG.core.levels.length : r; }
    // Trees first, top level first and largest first; a unit with nothing above or below it last.
    roots.sort(function (a, b) {
      return (size[a] === 1) - (size[b] === 1) || level(a) - level(b) || size[b] - size[a] || byName(a, b);
    });
    return { units: units, children: children, roots: roots, size: size };
  }

  KG.treePage = function (view) {
    var t = KG.tree = KG.tree || build();
    var levels = KG.core.levels, column = {};
    levels.forEach(function (l, k) { column[l[0]] = k; });
    var open = {};
    view.appendChild(KG.el("h2", "", "行政层级（" + t.roots.length + " 棵树，" + KG.core.tree.units.length + " 个单元）"));
    view.appendChild(KG.el("p", "kg-muted", "每列是一个层级；单元写在它自己层级的那一列。数字为该单元（含其党组织）的" +
      KG.core.tree.columns.join("、") + "数。点 ▸ 展开下级。"));
    var tools = KG.el("div", "kg-filters");
    var find = KG.el("input");
    find.type = "search";
    find.placeholder = "在树中查找单元";
    find.id = "kg-tree-find";
    var openAll = KG.el("button", "", "全部展开"), closeAll = KG.el("button", "", "全部折叠");
    [find, openAll, closeAll].forEach(function (n) { tools.appendChild(n); });
    view.appendChild(tools);
    var table = KG.el("div", "kg-tree");
    table.style.setProperty("--kg-levels", String(levels.length));
    var head = KG.el("div", "kg-tree-row kg-tree-head");
    levels.forEach(function (l, k) {
      var h = KG.el("div", "kg-tree-level", l[1]);
      h.style.gridColumn = String(k + 1);
      h.setAttribute("data-level", l[0]);
      head.appendChild(h);
    });
    KG.core.tree.columns.forEach(function (name, k) {
      var h = KG.el("div", "kg-tree-count", name);
      h.style.gridColumn = String(levels.length + 1 + k);
      head.appendChild(h);
    });
    var rows = KG.el("div", "kg-tree-body");
    table.appendChild(head);
    table.appendChild(rows);
    view.appendChild(table);

    function row(i, depth) {
      var e = KG.E[i], kids = t.children[i] || [], r = KG.el("div", "kg-tree-row");
      var k = column[e.level || "unknown"];
      r.setAttribute("data-unit", String(i));
      r.setAttribute("data-column", String(k));
      var cell = KG.el("div", "kg-tree-unit");
      cell.style.gridColumn = (k + 1) + " / " + (levels.length + 1);
      var toggle = KG.el("button", "kg-tree-toggle", kids.length ? (open[i] ? "▾" : "▸") : "·");
      toggle.disabled = !kids.length;
      toggle.setAttribute("aria-expanded", open[i] ? "true" : "false");
      toggle.addEventListener("click", function () { open[i] = !open[i]; draw(); });
      cell.appendChild(toggle);
      cell.appendChild(KG.entityLink(i));
      if (kids.length) cell.appendChild(KG.el("span", "kg-muted", " " + kids.length + " 个下级" + (t.size[i] - 1 > kids.length ? "，共 " + (t.size[i] - 1) + " 个" : "")));
      r.appendChild(cell);
      t.units[i].counts.forEach(function (n, c) {
        var d = KG.el("div", "kg-tree-count", n ? String(n) : "");
        d.style.gridColumn = String(levels.length + 1 + c);
        r.appendChild(d);
      });
      rows.appendChild(r);
      if (open[i]) kids.forEach(function (c) { row(c, depth + 1); });
    }
    function draw() {
      KG.clear(rows);
      t.roots.forEach(function (i) { row(i, 0); });
      view.setAttribute("data-ready", "1");
    }
    function openTo(depth) {
      open = {};
      function walk(i, d) { if (d < depth) { open[i] = true; (t.children[i] || []).forEach(function (c) { walk(c, d + 1); }); } }
      t.roots.forEach(function (i) { walk(i, 0); });
    }
    openAll.addEventListener("click", function () { openTo(99); draw(); });
    closeAll.addEventListener("click", function () { open = {}; draw(); });
    find.addEventListener("change", function () {
      var q = find.value.trim().toLowerCase();
      if (!q) return;
      open = {};
      var hits = Object.keys(t.units).map(Number).filter(function (i) { return KG.E[i].search.indexOf(q) !== -1; });
      hits.forEach(function (i) { for (var p = t.units[i].parent; p >= 0 && t.units[p]; p = t.units[p].parent) open[p] = true; });
      draw();
      var first = hits.length && rows.querySelector('[data-unit="' + hits[0] + '"]');
      if (first) { first.classList.add("kg-hit"); first.scrollIntoView({ block: "center" }); }
    });
    openTo(OPEN_DEPTH);
    draw();
  };
})();
