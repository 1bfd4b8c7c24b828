// The query page: runs the query with fetch() against this endpoint and shows the results as a table.
// No library, no network beyond this server: it works offline.
(function () {
  "use strict";
  const form = document.getElementById("query-form");
  const text = document.getElementById("query");
  const picker = document.getElementById("example");
  const format = document.getElementById("format");
  const status = document.getElementById("status");
  const out = document.getElementById("results");
  const examples = JSON.parse(document.getElementById("examples").textContent);

  const params = new URLSearchParams(location.search);
  if (params.get("query")) {  // a shared link: show its query and its results
    text.value = params.get("query");
    window.addEventListener("DOMContentLoaded", function () { run(); });
  }

  picker.addEventListener("change", function () {
    const ex = examples.find(function (e) { return e.id === picker.value; });
    if (ex) text.value = ex.query.trim() + "\n";
  });
  text.addEventListener("keydown", function (ev) {
    if (ev.key === "Enter" && (ev.ctrlKey || ev.metaKey)) { ev.preventDefault(); run(); }
  });
  form.addEventListener("submit", function (ev) { ev.preventDefault(); run(); });

  function el(tag, cls, content) {
    const node = document.createElement(tag);
    if (cls) node.className = cls;
    if (content !== undefined) node.textContent = content;
    return node;
  }

  async function run() {
    const q = text.value;
    readPrefixes(q);
    // The server picks by query form: results as JSON, graphs (CONSTRUCT, DESCRIBE) as N-Triples.
    const accept = format.value || "application/sparql-results+json, application/n-triples;q=0.9";
    status.textContent = "Running…";
    out.replaceChildren();
    const started = performance.now();
    let response;
    try {
      response = await fetch(form.action, {
        method: "POST",
        headers: {"Content-Type": "application/x-www-form-urlencoded", "Accept": accept},
        body: new URLSearchParams({query: q}),
      });
    } catch (err) {
      status.textContent = "";
      out.append(el("div", "error", "The server could not be reached: " + err));
      return;
    }
    const seconds = ((performance.now() - started) / 1000).toFixed(2);
    if (!response.ok) {
      status.textContent = "";
      let message = response.status + " " + response.statusText;
      try { const body = await response.json(); message = body.error.message + " (" + body.error.code + ")"; } catch (e) { /* not JSON */ }
      out.append(el("div", "error", message));
      return;
    }
    if (format.value) { download(await response.blob(), format.value); status.textContent = "Downloaded in " + seconds + " s"; return; }
    if ((response.headers.get("Content-Type") || "").startsWith("application/n-triples")) {
      const lines = (await response.text()).split("\n").filter(Boolean);
      status.textContent = lines.length + " triples in " + seconds + " s";
      showTriples(lines);
      return;
    }
    const data = await response.json();
    if ("boolean" in data) { status.textContent = "ASK in " + seconds + " s"; out.append(el("p", "", "Answer: " + data.boolean)); return; }
    status.textContent = data.results.bindings.length + " rows in " + seconds + " s";
    showTable(data.head.vars, data.results.bindings.map(function (row) {
      return data.head.vars.map(function (v) { return row[v]; });
    }));
  }

  // IRIs shown with the query's own prefixes (kg:Proposal), the full IRI as a tooltip.
  let prefixes = [];
  function readPrefixes(q) {
    prefixes = [];
    const decl = /PREFIX\s+([\w.-]*):\s*<([^>\s]*)>/gi;
    let m;
    while ((m = decl.exec(q)) !== null) prefixes.push([m[1], m[2]]);
    prefixes.sort(function (a, b) { return b[1].length - a[1].length; });
  }
  function compact(iri) {
    for (const [name, ns] of prefixes) {
      if (ns && iri.startsWith(ns) && /^[\w.-]*$/.test(iri.slice(ns.length))) return name + ":" + iri.slice(ns.length);
    }
    return iri;
  }

  function cell(term) {
    const td = el("td");
    if (!term) return td;
    if (term.type === "uri") {
      if (/^https?:\/\//i.test(term.value)) {  // only web links: an IRI may be javascript:...
        const a = el("a", "", compact(term.value)); a.href = term.value; a.title = term.value; td.append(a);
      } else {
        td.append(el("span", "lit", "<" + term.value + ">"));
      }
    } else if (term.type === "literal") {
      td.append(el("span", "lit", term.value));
      if (term["xml:lang"]) td.append(el("span", "lang", " @" + term["xml:lang"]));
      else if (term.datatype && !term.datatype.endsWith("#string")) td.append(el("span", "dt", " ^^" + term.datatype.replace(/^.*[#/]/, "")));
    } else {
      td.append(el("span", "lit", term.type === "bnode" ? "_:" + term.value : JSON.stringify(term.value)));
    }
    return td;
  }

  function showTable(vars, rows) {
    const table = el("table"), head = el("tr");
    vars.forEach(function (v) { head.append(el("th", "", "?" + v)); });
    table.append(head);
    rows.forEach(function (row) {
      const tr = el("tr");
      row.forEach(function (term) { tr.append(cell(term)); });
      table.append(tr);
    });
    out.append(table);
  }

  // N-Triples lines shown as a subject / predicate / object table.
  function showTriples(lines) {
    const term = /^(<[^>]*>|_:\S+|"(?:[^"\\]|\\.)*"(?:@[\w-]+|\^\^<[^>]*>)?)\s*/;
    const rows = lines.map(function (line) {
      const parts = [];
      let rest = line.trim();
      for (let i = 0; i < 3; i++) {
        const m = term.exec(rest);
        if (!m) return null;
        parts.push(m[1]); rest = rest.slice(m[0].length);
      }
      return parts.map(function (t) {
        if (t[0] === "<") return {type: "uri", value: t.slice(1, -1)};
        if (t[0] === "_") return {type: "bnode", value: t.slice(2)};
        const lit = /^"((?:[^"\\]|\\.)*)"(?:@([\w-]+)|\^\^<([^>]*)>)?$/.exec(t);
        return {type: "literal", value: JSON.parse('"' + lit[1] + '"'), "xml:lang": lit[2], datatype: lit[3]};
      });
    }).filter(Boolean);
    showTable(["subject", "predicate", "object"], rows);
  }

  function download(blob, type) {
    const ext = {"application/sparql-results+json": "json", "application/sparql-results+xml": "xml", "text/csv": "csv",
      "text/tab-separated-values": "tsv", "text/turtle": "ttl", "application/n-triples": "nt", "application/ld+json": "jsonld"}[type];
    const a = el("a"); a.href = URL.createObjectURL(blob); a.download = "results." + ext; a.click();
  }
})();
