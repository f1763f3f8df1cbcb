// kg application core: data shards, look-ups, DOM helpers, sortable tables and search.
// Untrusted text (names, titles, sentences) reaches the page only through
// textContent and DOM attributes we set ourselves; links are in-page (#...)
// and built from numbers, or an article's http(s) URL checked as such.
(function () {
  "use strict";
  var KG = window.KG = { shards: {}, waiting: {} };
  var SHARD_NAME = /^(core|[ea]-[0-9a-f]{16})$/;

  // Shards are scripts (fetch() of a file is refused from file:// pages): each calls KG.register.
  KG.register = function (name, data) {
    if (!SHARD_NAME.test(name)) return;
    if (name.charAt(0) === "e") data = entitiesBack(name, sentencesBack(data));
    else if (name.charAt(0) === "a") data = articlesBack(data);
    KG.shards[name] = data;
    (KG.waiting[name] || []).forEach(function (done) { done(data); });
    delete KG.waiting[name];
  };

  // An entity shard writes each sentence once (in "s"); passage rows hold its number: put the text back.
  function sentencesBack(data) {
    var texts = data.s || [];
    function fill(rows) {
      rows.forEach(function (row) {
        if (typeof row[1] === "number") row[1] = String(texts[row[1]] === undefined ? "" : texts[row[1]]);
      });
    }
    (data.entities || []).forEach(function (entity) {
      fill(entity.mentions || []);
      (entity.facts || []).forEach(function (fact) { fill(fact[0] || []); });
    });
    return data;
  }

  // Shards name entities, facts and articles by key (the same every build), not by position: positions back.
  function articleRows(rows) {
    rows.forEach(function (row) { row[0] = KG.articleIndex[row[0]]; });
    return rows.filter(function (row) { return row[0] !== undefined; });
  }
  function entitiesBack(name, data) {
    var first = KG.entityRunFirst[name], out = {};
    if (first === undefined) return out;
    (data.entities || []).forEach(function (entity, k) {
      var i = first + k, facts = KG.adjacent[i] || [];
      entity.mentions = articleRows(entity.mentions || []);
      // An entity's facts come in the core's order, as KG.adjacent lists them.
      entity.facts = (entity.facts || []).map(function (row, j) { return [facts[j], articleRows(row[0] || []), row[1], row[2]]; });
      out[String(i)] = entity;
    });
    return out;
  }
  function articlesBack(data) {
    var out = {};
    Object.keys(data).forEach(function (id) {
      var i = KG.articleIndex[id], article = data[id];
      if (i === undefined) return;
      article.mentions = (article.mentions || []).map(function (m) {
        return [m[0], m[1]].concat(m.slice(2).map(function (key) { return KG.entityIndex[key]; }));
      }).filter(function (m) { return m.length > 2 && m.every(function (v) { return v !== undefined; }); });
      article.facts = (article.facts || []).map(function (f) {
        return [KG.factIndex(KG.entityIndex[f[0]], f[1], KG.entityIndex[f[2]]), f[3], f[4], f[5], f[6]];
      }).filter(function (f) { return f[0] !== undefined; });
      out[String(i)] = article;
    });
    return out;
  }
  var factByEnds = null;
  KG.factIndex = function (s, rel, o) {
    if (!factByEnds) {
      factByEnds = Object.create(null);
      KG.F.forEach(function (f) { factByEnds[f.s + "," + f.rel.i + "," + f.o] = f.i; });
    }
    return factByEnds[s + "," + rel + "," + o];
  };

  KG.load = function (name) {
    return new Promise(function (resolve, reject) {
      if (!SHARD_NAME.test(name)) { reject(new Error("no such shard")); return; }
      if (KG.shards[name]) { resolve(KG.shards[name]); return; }
      var first = !KG.waiting[name];
      (KG.waiting[name] = KG.waiting[name] || []).push(resolve);
      if (!first) return;
      var script = document.createElement("script");
      script.src = "views/data/" + name + ".js";
      script.onerror = function () { reject(new Error("shard " + name + " is missing")); };
      document.body.appendChild(script);
    });
  };

  KG.entityDetail = function (i) {
    return KG.load(KG.E[i].shard).then(function (d) { return d[String(i)]; });
  };
  KG.articleDetail = function (i) {
    return KG.load(KG.A[i].shard).then(function (d) { return d[String(i)]; });
  };

  // Each shard holds a run of neighbours: [name, first position] per run, in order.
  function placeRuns(runs, items, firsts) {
    runs.forEach(function (run, r) {
      var end = r + 1 < runs.length ? runs[r + 1][1] : items.length;
      firsts[run[0]] = run[1];
      for (var i = run[1]; i < end && i < items.length; i++) items[i].shard = run[0];
    });
  }

  // ------------------------------------------------------------------ records
  KG.init = function () {
    var core = KG.core = KG.shards.core;
    KG.classes = core.classes.map(function (c, i) { return { i: i, name: c[0], label: c[1], colour: c[2], shape: c[3] }; });
    KG.relations = core.relations.map(function (r, i) { return { i: i, name: r[0], label: r[1], colour: r[2], undirected: r[3] }; });
    KG.levelLabel = {};
    core.levels.forEach(function (l) { KG.levelLabel[l[0]] = l[1]; });
    KG.E = core.entities.map(function (e, i) {
      return { i: i, label: e[0], cls: KG.classes[e[1]], fine: e[2] >= 0 ? core.fineClasses[e[2]] : "", level: e[3],
               aliases: e[4], degree: e[5], rank: e[6], community: e[7], articles: e[8],
               search: [e[0]].concat(e[4]).join("\u0001").toLowerCase() };
    });
    KG.F = core.facts.map(function (f, i) {
      return { i: i, s: f[0], rel: KG.relations[f[1]], o: f[2], articles: f[3], gazetteer: !!f[4] };
    });
    KG.A = core.articles.map(function (a, i) {
      return { i: i, id: a[0], title: a[1], date: a[2], source: a[3], entities: a[4], facts: a[5] };
    });
    KG.adjacent = KG.E.map(function () { return []; });
    KG.F.forEach(function (f) { KG.adjacent[f.s].push(f.i); KG.adjacent[f.o].push(f.i); });
    KG.entityIndex = Object.create(null);
    KG.E.forEach(function (e, i) { KG.entityIndex[core.entities[i][9]] = i; });
    KG.articleIndex = Object.create(null);
    KG.A.forEach(function (a) { KG.articleIndex[a.id] = a.i; });
    KG.entityRunFirst = Object.create(null);
    KG.articleRunFirst = Object.create(null);
    placeRuns(core.shards.entity, KG.E, KG.entityRunFirst);
    placeRuns(core.shards.article, KG.A, KG.articleRunFirst);
  };

  KG.classText = function (e) {
    var parts = [];
    if (e.fine && e.fine !== e.cls.label) parts.push(e.fine);
    parts.push(e.cls.label);
    if (KG.levelLabel[e.level]) parts.push(KG.levelLabel[e.level]);
    else if (e.level) parts.push(e.level);
    return parts.filter(function (p, i) { return parts.indexOf(p) === i; }).join(" · ");
  };

  KG.articleTitle = function (a) {
    var art = KG.A[a];
    if (!art) return "";
    return art.date ? art.title + "（" + art.date + "）" : art.title;
  };

  // ------------------------------------------------------------------ DOM
  KG.el = function (tag, className, text) {
    var el = document.createElement(tag);
    if (className) el.className = className;
    if (text !== undefined && text !== null) el.textContent = String(text);
    return el;
  };
  KG.link = function (hash, text, className) {
    var a = KG.el("a", className, text);
    if (/^#[\w\/-]*$/.test(hash)) a.setAttribute("href", hash);  // only our own routes
    return a;
  };
  KG.entityLink = function (i) {
    var a = KG.link("#entity/" + i, KG.E[i].label, "kg-entity-link");
    a.style.setProperty("--kg-class", KG.E[i].cls.colour);
    return a;
  };
  KG.sentenceLink = function (row, text) {  // row: [article, sentence, sentenceStart, sentenceEnd, ...]
    return KG.link("#article/" + row[0] + "/" + row[2] + "-" + row[3], text || KG.articleTitle(row[0]));
  };
  KG.swatch = function (cls) {
    var s = KG.el("span", "kg-dot");
    s.style.background = cls.colour;
    return s;
  };
  KG.clear = function (node) { while (node.firstChild) node.removeChild(node.firstChild); return node; };

  // A table whose columns sort on click; rows beyond `page` are paged.
  // columns: [{title, key: row -> value, cell: row -> Node|string, num}]
  KG.table = function (columns, rows, options) {
    options = options || {};
    var page = options.page || 50, shown = page, sortBy = -1, ascending = true;
    var wrap = KG.el("div", "kg-table-wrap");
    var table = KG.el("table", "kg-table kg-sortable");
    var head = table.createTHead().insertRow();
    var body = table.createTBody();
    var more = KG.el("button", "kg-more");
    columns.forEach(function (c, i) {
      var th = KG.el("th", c.num ? "num" : "", c.title);
      th.setAttribute("data-sort", String(i));
      th.addEventListener("click", function () {
        ascending = sortBy === i ? !ascending : !c.num;
        sortBy = i;
        rows = rows.slice().sort(function (a, b) {
          var x = c.key(a), y = c.key(b);
          var order = typeof x === "number" ? x - y : String(x).localeCompare(String(y), "zh");
          return ascending ? order : -order;
        });
        head.querySelectorAll("th").forEach(function (h) { h.removeAttribute("aria-sort"); });
        th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
        draw();
      });
      head.appendChild(th);
    });
    function draw() {
      KG.clear(body);
      rows.slice(0, shown).forEach(function (row) {
        var tr = body.insertRow();
        columns.forEach(function (c) {
          var td = tr.insertCell();
          if (c.num) td.className = "num";
          var value = c.cell ? c.cell(row) : c.key(row);
          if (value instanceof Node) td.appendChild(value); else td.textContent = value === undefined ? "" : String(value);
        });
      });
      more.hidden = rows.length <= shown;
      more.textContent = "再显示 " + Math.min(page, rows.length - shown) + " 行（共 " + rows.length + " 行）";
    }
    more.addEventListener("click", function () { shown += page; draw(); });
    wrap.appendChild(table);
    wrap.appendChild(more);
    draw();
    return wrap;
  };

  // ------------------------------------------------------------------ search
  // Every entity of the graph, not only those a view draws; exact names first, then by PageRank.
  KG.search = function (text, filter) {
    var q = text.trim().toLowerCase();
    if (!q) return [];
    var found = KG.E.filter(function (e) { return e.search.indexOf(q) !== -1 && (!filter || filter(e)); });
    function score(e) {
      var label = e.label.toLowerCase();
      return label === q ? 0 : label.indexOf(q) === 0 ? 1 : 2;
    }
    return found.sort(function (a, b) { return score(a) - score(b) || b.rank - a.rank || a.i - b.i; });
  };

  KG.entityRow = function (e) {
    var row = KG.el("div", "kg-result");
    row.appendChild(KG.swatch(e.cls));
    row.appendChild(KG.entityLink(e.i));
    row.appendChild(KG.el("span", "kg-muted", " " + KG.classText(e) + " · " + e.articles.length + " 篇文章"));
    return row;
  };

  KG.showResults = function () {
    var box = document.getElementById("kg-results");
    var input = document.getElementById("kg-search");
    var text = input.value;
    KG.clear(box);
    if (!text.trim()) { box.hidden = true; return; }
    box.hidden = false;
    var classSelect = KG.el("select");
    classSelect.appendChild(new Option("全部类别", ""));
    KG.classes.forEach(function (c) { classSelect.appendChild(new Option(c.label, String(c.i))); });
    var chosen = box.getAttribute("data-class") || "";
    classSelect.value = chosen;
    classSelect.addEventListener("change", function () { box.setAttribute("data-class", classSelect.value); KG.showResults(); });
    var found = KG.search(text, chosen === "" ? null : function (e) { return String(e.cls.i) === chosen; });
    var head = KG.el("div", "kg-results-head");
    head.appendChild(KG.el("b", "", found.length ? "找到 " + found.length + " 个实体" : "没有匹配的实体"));
    head.appendChild(classSelect);
    var close = KG.el("button", "kg-close", "关闭");
    close.addEventListener("click", function () { input.value = ""; box.hidden = true; });
    head.appendChild(close);
    box.appendChild(head);
    var list = KG.el("div", "kg-result-list");
    found.slice(0, 100).forEach(function (e) { list.appendChild(KG.entityRow(e)); });
    if (found.length > 100) list.appendChild(KG.el("p", "kg-muted", "只列出前 100 个；请输入更长的名称。"));
    box.appendChild(list);
    var q = text.trim().toLowerCase();
    var articles = KG.A.filter(function (a) { return a.title.toLowerCase().indexOf(q) !== -1; });
    if (articles.length) {
      box.appendChild(KG.el("b", "", "标题含“" + text.trim() + "”的文章 " + articles.length + " 篇"));
      articles.slice(0, 20).forEach(function (a) {
        var row = KG.el("div", "kg-result");
        row.appendChild(KG.link("#article/" + a.i, KG.articleTitle(a.i)));
        box.appendChild(row);
      });
    }
  };
})();
