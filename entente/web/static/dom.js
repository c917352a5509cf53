/* entente web UI: building the page from data.
 *
 * Every piece of data reaches the page as a text node (textContent) or an attribute value set
 * with setAttribute: never as HTML. There is no innerHTML, outerHTML, insertAdjacentHTML or
 * document.write anywhere in the UI, so an article containing <script> shows as text.
 */
"use strict";

const Dom = (() => {
  const SVG_NS = "http://www.w3.org/2000/svg";
  // Links may only go to this site ("#/...", "/...") or to a web address.
  const SAFE_URL = /^(https?:\/\/|#|\/(?!\/))/i;
  const REFUSED = new Set(["srcdoc", "style", "innerhtml", "outerhtml"]);

  function setAttrs(node, attrs) {
    for (const [key, value] of Object.entries(attrs || {})) {
      if (value === null || value === undefined || value === false) continue;
      const name = key.toLowerCase();
      if (REFUSED.has(name)) continue;
      if (name.startsWith("on")) {
        if (typeof value === "function") node.addEventListener(name.slice(2), value);
        continue;
      }
      if (name === "dataset") {
        for (const [k, v] of Object.entries(value)) node.dataset[k] = String(v);
        continue;
      }
      if ((name === "href" || name === "src" || name === "action") && !SAFE_URL.test(String(value))) {
        continue;
      }
      node.setAttribute(key, value === true ? "" : String(value));
    }
  }

  function append(node, children) {
    for (const child of children.flat(Infinity)) {
      if (child === null || child === undefined || child === false) continue;
      node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return node;
  }

  /** el("a", {href: "#/x", class: "c"}, "text", otherNode) */
  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    setAttrs(node, attrs);
    return append(node, children);
  }

  /** The same for SVG elements. */
  function svg(tag, attrs, ...children) {
    const node = document.createElementNS(SVG_NS, tag);
    setAttrs(node, attrs);
    return append(node, children);
  }

  function clear(node) {
    while (node.firstChild) node.removeChild(node.firstChild);
    return node;
  }

  function isWebUrl(value) {
    return typeof value === "string" && /^https?:\/\/\S+$/i.test(value);
  }

  /** A table from rows and columns [{key, label, cell(row) -> node|text}]. */
  function table(rows, columns, attrs) {
    const head = el("thead", null, el("tr", null, columns.map((c) => el("th", {scope: "col"}, c.label))));
    const body = el("tbody", null, rows.map((row) => el(
      "tr", row.__attrs || null,
      columns.map((c) => el("td", {class: c.class || null}, c.cell ? c.cell(row) : fmt(row[c.key]))))));
    return el("div", {class: "table-wrap"}, el("table", Object.assign({class: "data"}, attrs || {}), head, body));
  }

  function fmt(value) {
    if (value === null || value === undefined) return "";
    if (Array.isArray(value)) return value.join("; ");
    if (typeof value === "number") return Number.isInteger(value) ? String(value) : value.toFixed(2);
    if (typeof value === "boolean") return value ? "yes" : "no";
    return String(value);
  }

  return {el, svg, clear, append, table, fmt, isWebUrl};
})();
