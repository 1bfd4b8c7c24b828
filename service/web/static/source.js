// The source page: scroll the cited passage into view; a link with only #char=S,E (RFC 5147) asks the
// server to mark it (?char=S,E); hovering or focusing a passage lists the facts it supports.
(function () {
  "use strict";
  const cited = document.getElementById("cited");
  const match = /^#char=(\d+),(\d+)$/.exec(location.hash);
  const asked = new URLSearchParams(location.search).get("char");
  if (match && asked !== match[1] + "," + match[2]) {  // marked by the server, so that it also works without script
    const url = new URL(location.href);
    url.searchParams.set("char", match[1] + "," + match[2]);
    location.replace(url.toString());
    return;
  }
  function reveal() {
    cited.scrollIntoView({block: "center"});
    cited.focus({preventScroll: true});
  }
  if (cited) {  // now, and again once the browser has scrolled to the #char= anchor itself
    reveal();
    addEventListener("load", () => setTimeout(reveal, 0));
  }
  const facts = JSON.parse(document.getElementById("passage-facts").textContent || "{}");
  const body = document.getElementById("facts-body");
  const heading = document.getElementById("facts-h");
  function link(text, href) {
    const a = document.createElement("a");
    a.href = href;
    a.textContent = text;
    return a;
  }
  function show(mark) {
    const list = document.createElement("ul");
    for (const span of (mark.dataset.spans || "").split(" ")) {
      for (const fact of facts[span] || []) {
        const li = document.createElement("li");
        li.appendChild(link(fact.label, fact.href));
        for (const actor of fact.actors) {
          li.appendChild(document.createTextNode(" · "));
          li.appendChild(link(actor.label, actor.href));
        }
        list.appendChild(li);
      }
    }
    heading.textContent = "What this passage supports";
    document.getElementById("facts").classList.add("live");  // from now on it stays in view
    body.replaceChildren(list.children.length ? list : document.createTextNode("No fact recorded."));
  }
  for (const mark of document.querySelectorAll("mark.ev")) {
    mark.addEventListener("mouseenter", () => show(mark));
    mark.addEventListener("focus", () => show(mark));
  }
})();
