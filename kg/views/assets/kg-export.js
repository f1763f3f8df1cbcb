// Export what a network view shows (its visible nodes and edges) as CSV, GraphML or PNG.
// Files are made in the page (Blob / canvas) and saved through a download link: nothing is sent anywhere.
(function () {
  "use strict";
  var KG = window.KG;
  var FORMULA = /^[=+\-@\t\r]/;

  function visible(view) {
    return {
      nodes: view.nodes.get({ filter: function (n) { return !n.hidden; } }).map(function (n) { return n.id; }),
      edges: view.edges.get({ filter: function (e) { return !e.hidden; } }).map(function (e) { return e.id; })
    };
  }

  function save(name, blob) {
    var a = document.createElement("a");
    a.href = URL.createObjectURL(blob);
    a.download = name;
    document.body.appendChild(a);
    a.click();
    setTimeout(function () { URL.revokeObjectURL(a.href); a.remove(); }, 1000);
  }

  // A spreadsheet runs a cell starting with = + - @ as a formula: such cells get a leading apostrophe.
  function cell(value) {
    var text = String(value === undefined || value === null ? "" : value);
    if (FORMULA.test(text)) text = "'" + text;
    return /[",\n\r]/.test(text) ? '"' + text.replace(/"/g, '""') + '"' : text;
  }

  KG.viewCsv = function (view) {
    var shown = visible(view), linked = {};
    var lines = [["subject", "subject_class", "relation", "object", "object_class", "articles"].join(",")];
    shown.edges.forEach(function (id) {
      var f = KG.F[id], s = KG.E[f.s], o = KG.E[f.o];
      linked[f.s] = linked[f.o] = 1;
      lines.push([s.label, s.cls.name, f.rel.name, o.label, o.cls.name, f.articles.map(function (a) { return KG.A[a].id; }).join(" ")].map(cell).join(","));
    });
    shown.nodes.forEach(function (i) {
      if (!linked[i]) lines.push([KG.E[i].label, KG.E[i].cls.name, "", "", "", ""].map(cell).join(","));
    });
    return lines.join("\r\n") + "\r\n";
  };

  function xml(text) {
    return String(text).replace(/[&<>"']/g, function (c) {
      return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" }[c];
    }).replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, "");
  }

  KG.viewGraphml = function (view) {
    var shown = visible(view);
    var out = ['<?xml version="1.0" encoding="UTF-8"?>',
      '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">',
      '<key id="label" for="node" attr.name="label" attr.type="string"/>',
      '<key id="class" for="node" attr.name="class" attr.type="string"/>',
      '<key id="relation" for="edge" attr.name="relation" attr.type="string"/>',
      '<graph edgedefault="directed">'];
    shown.nodes.forEach(function (i) {
      out.push('<node id="n' + i + '"><data key="label">' + xml(KG.E[i].label) + '</data><data key="class">' +
               xml(KG.E[i].cls.name) + "</data></node>");
    });
    shown.edges.forEach(function (id) {
      var f = KG.F[id];
      out.push('<edge source="n' + f.s + '" target="n' + f.o + '"><data key="relation">' + xml(f.rel.name) + "</data></edge>");
    });
    out.push("</graph>", "</graphml>");
    return out.join("\n") + "\n";
  };

  KG.exportCsv = function (view) { save("kg-view.csv", new Blob(["\ufeff" + KG.viewCsv(view)], { type: "text/csv" })); };
  KG.exportGraphml = function (view) { save("kg-view.graphml", new Blob([KG.viewGraphml(view)], { type: "application/xml" })); };
  KG.exportPng = function (view) {
    var canvas = view.container.querySelector("canvas");
    canvas.toBlob(function (blob) { save("kg-view.png", blob); }, "image/png");
  };
})();
