/* entente web UI: the views, one per hash route, each drawn from the API's JSON.
 *
 *   #/                      dashboard: counts, timeline, types, busiest dyads, documents
 *   #/events?type=AID&...   event table with filters and pages
 *   #/doc/<id>?event=<id>   a document with its actors, triggers and items highlighted
 *   #/dyad/<a>/<b>          dyad chart with shift markers
 *   #/network               signed network, blocs coloured
 *   #/claims  #/transfers  #/check
 *   #/sanctions?name=...    stored actors that match a listed party; match a name
 *   #/add  #/api
 *
 * Data only ever enters the page as text (see dom.js).
 */
"use strict";

(() => {
  const {el, clear, table, fmt, isWebUrl} = Dom;
  const main = document.getElementById("view");
  const TYPES = ["AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"];
  const STATUSES = ["asserted", "reported", "alleged", "denied", "promised", "planned", "hypothetical"];
  const VERDICTS = ["uncontested", "contested", "denied_only", "unasserted"];
  const TOKEN_KEY = "entente.token";

  // -- the API ---------------------------------------------------------------------------------
  class ApiError extends Error {
    constructor(message, status) { super(message); this.status = status; }
  }

  async function api(path, params, init) {
    const url = new URL(path, window.location.origin);
    for (const [key, value] of Object.entries(params || {})) {
      if (value !== undefined && value !== null && value !== "") url.searchParams.set(key, value);
    }
    const response = await fetch(url, Object.assign({headers: {Accept: "application/json"}}, init || {}));
    let body = null;
    try { body = await response.json(); } catch (_) { body = null; }
    if (!response.ok) {
      throw new ApiError(body && body.detail ? body.detail : `${response.status} ${response.statusText}`, response.status);
    }
    return {data: body, headers: response.headers};
  }

  async function allEvents(cap) {
    const events = [];
    let offset = 0;
    while (events.length < cap) {
      const {data, headers} = await api("/api/events", {limit: 1000, offset});
      events.push(...data);
      const next = headers.get("X-Next-Offset");
      if (!next) return {events, truncated: false};
      offset = Number(next);
    }
    return {events, truncated: true};
  }

  // -- links and routing -----------------------------------------------------------------------
  function href(parts, query) {
    const path = "#/" + parts.map((p) => encodeURIComponent(p)).join("/");
    const search = new URLSearchParams();
    for (const [key, value] of Object.entries(query || {})) {
      if (value !== undefined && value !== null && value !== "") search.set(key, value);
    }
    const text = search.toString();
    return text ? `${path}?${text}` : path;
  }

  function parseHash() {
    const raw = window.location.hash.replace(/^#\/?/, "");
    const cut = raw.indexOf("?");
    const path = cut < 0 ? raw : raw.slice(0, cut);
    const parts = path.split("/").filter(Boolean).map((p) => { try { return decodeURIComponent(p); } catch (_) { return p; } });
    return {parts, query: new URLSearchParams(cut < 0 ? "" : raw.slice(cut + 1))};
  }

  const routes = {
    "": dashboard, events: eventsView, doc: documentView, event: eventRedirect, dyad: dyadView,
    network: networkView, claims: claimsView, transfers: transfersView, check: checkView,
    sanctions: sanctionsView, add: addView, api: apiView,
  };
  let generation = 0;

  async function route() {
    const {parts, query} = parseHash();
    const name = parts[0] || "";
    const view = routes[name] || notFound;
    const mine = ++generation;
    main.dataset.ready = "0";
    main.dataset.view = name || "dashboard";
    for (const a of document.querySelectorAll("nav a[data-route]")) {
      if (a.dataset.route === (name === "doc" ? "events" : name)) a.setAttribute("aria-current", "page");
      else a.removeAttribute("aria-current");
    }
    clear(main).append(el("p", {class: "loading"}, "Loading…"));
    let content;
    try {
      content = await view(parts.slice(1), query);
    } catch (err) {
      content = errorBox(err);
    }
    if (mine !== generation) return;
    clear(main).append(content);
    main.dataset.ready = "1";
    main.dispatchEvent(new CustomEvent("viewready"));
  }

  function errorBox(err) {
    const status = err && err.status ? ` (${err.status})` : "";
    return el("div", {class: "error", role: "alert"}, el("strong", null, `Error${status}: `), String(err && err.message ? err.message : err));
  }

  function notFound() {
    return el("div", {class: "error"}, "No such page. ", el("a", {href: "#/"}, "Back to the dashboard"));
  }

  // -- shared pieces ---------------------------------------------------------------------------
  function section(title, ...children) {
    return el("section", {class: "panel"}, el("h2", null, title), ...children);
  }

  function note(text) { return el("p", {class: "note"}, text); }

  function badge(text, kind) { return el("span", {class: `badge badge-${kind || "plain"} badge-${String(text).replace(/[^a-z_]/gi, "")}`}, text); }

  function actorText(m, listed) {
    if (!m) return "";
    const code = m.country || m.actor_id;
    return el("span", {class: "actor", title: [m.name, m.sector].filter(Boolean).join(", ") || null},
      el("a", {href: href(["events"], {actor: code})}, code), m.text && m.text !== code ? el("span", {class: "muted"}, ` (${m.text})`) : null,
      listedMark(m, listed));
  }

  // -- sanctions lists: which actors in the stored events a listed party matches ---------------
  // Fetched once and kept for the page's life (matching every stored actor is not free); a
  // write or a visit to the Sanctions view refreshes it.
  let listedCache = null;

  function listedActors() {
    if (!listedCache) {
      listedCache = api("/api/sanctions/actors").then(({data}) => listedMap(data))
        .catch(() => { listedCache = null; return new Map(); });
    }
    return listedCache;
  }

  /** words as events name the actor ("Iran Air") -> the listed parties it matched */
  function listedMap(actors) {
    return new Map(actors.map((a) => [a.words, a.matches]));
  }

  function listedFor(m, listed) {
    if (!m || !listed || !listed.size) return null;
    return listed.get(m.text) || listed.get(m.name) || null;
  }

  function listedTitle(matches) {
    return "on a sanctions list: " + matches.map((x) => `${x.name} (score ${x.score}${x.programs.length ? ", " + x.programs.join("; ") : ""})`).join(" | ");
  }

  /** A "listed" badge after an actor a listed party matched: a link to its matches, or
   *  plain text where it sits inside a button. */
  function listedMark(m, listed, plain) {
    const matches = listedFor(m, listed);
    if (!matches) return null;
    const attrs = {class: "badge badge-listed", title: listedTitle(matches)};
    return [" ", plain ? el("span", attrs, "listed") : el("a", Object.assign({href: href(["sanctions"], {name: m.text || m.name})}, attrs), "listed")];
  }

  function itemsText(items) {
    return (items || []).map((i) => {
      const qty = i.quantity !== null && i.quantity !== undefined ? `${i.quantity_qualifier ? i.quantity_qualifier + " " : ""}${i.quantity} ` : "";
      return qty + (i.name || i.text);
    }).join("; ");
  }

  function eventLink(id) {
    return el("a", {href: href(["event", id]), class: "event-id", title: "open the event in its document"}, id);
  }

  function docLink(docId, label, eventId) {
    if (!docId) return label || "";
    return el("a", {href: href(["doc", docId], {event: eventId}), class: "doc-link"}, label || docId);
  }

  /** A filter form whose submit puts the values in the hash (so the view re-renders). */
  function filterForm(route, fields, values, extra) {
    const inputs = fields.map((f) => {
      const id = `f-${route}-${f.name}`;
      let input;
      if (f.options) {
        input = el("select", {id, name: f.name}, el("option", {value: ""}, f.any || "any"),
          f.options.map((o) => el("option", {value: o, selected: values[f.name] === o}, o)));
      } else {
        input = el("input", {id, name: f.name, type: f.type || "text", value: values[f.name] || "", placeholder: f.placeholder || null,
          size: f.size || 10, pattern: f.pattern || null, title: f.title || null});
      }
      return el("label", {for: id}, el("span", null, f.label), input);
    });
    const form = el("form", {class: "filters", role: "search"}, inputs,
      el("button", {type: "submit"}, "Apply"),
      el("a", {href: href([route]), class: "reset"}, "Reset"), extra || null);
    form.addEventListener("submit", (ev) => {
      ev.preventDefault();
      const query = {};
      const data = new FormData(form);  // not form.elements: its item() hides a field named "item"
      for (const f of fields) query[f.name] = String(data.get(f.name) || "").trim();
      window.location.hash = href([route], query);
    });
    return form;
  }

  function lastDay(iso) {
    const [y, m] = iso.split("-").map(Number);
    if (!m) return `${y}-12-31`;
    const d = new Date(Date.UTC(y, m, 0)).getUTCDate();
    return `${iso.slice(0, 7)}-${String(d).padStart(2, "0")}`;
  }

  // -- dashboard -------------------------------------------------------------------------------
  async function dashboard(_, query) {
    const [{data: stats}, {data: dyads}, {data: docs}, {data: shifts}, all] = await Promise.all([
      api("/api/stats"), api("/api/dyads", {top: 10}), api("/api/documents", {limit: 25}),
      api("/api/shifts", {top: 5, min_events: 5}), allEvents(5000)]);
    const cards = el("div", {class: "cards"}, [
      ["documents", stats.documents], ["events", stats.events], ["items", stats.event_items],
      ["extracted", stats.documents_extracted]].map(([label, value]) =>
      el("div", {class: "card", dataset: {stat: label}}, el("div", {class: "card-value"}, String(value)), el("div", {class: "card-label"}, label))));

    const by = query.get("by") || "auto";
    const picker = el("select", {id: "timeline-by", "aria-label": "bucket size"}, ["auto", "month", "year"].map((v) => el("option", {value: v, selected: v === by}, v === "auto" ? "by: auto" : `by ${v}`)));
    picker.addEventListener("change", () => { window.location.hash = href([], {by: picker.value === "auto" ? "" : picker.value}); });
    const {buckets, unit, left} = bucketise(all.events, by);
    const timeline = Charts.timeline(buckets, "Events over time", (b) => {
      window.location.hash = href(["events"], {since: b.start, until: b.end});
    });
    const notes = [];
    if (all.truncated) notes.push(note(`The timeline shows the first ${all.events.length} events.`));
    if (left.undated) notes.push(note(`${left.undated} undated event(s) are not shown.`));
    if (left.yearOnly) notes.push(note(`${left.yearOnly} event(s) dated only to the year are not in the monthly view.`));

    const typeRows = Object.entries(stats.events_by_type).sort((a, b) => b[1] - a[1])
      .map(([type, n]) => ({label: type, value: n, href: href(["events"], {type})}));
    const dyadList = dyads.length ? el("ol", {class: "dyads"}, dyads.map((d) =>
      el("li", null, el("a", {href: href(["dyad", d.a, d.b])}, `${d.a} – ${d.b}`), el("span", {class: "muted"}, ` ${d.events} events`))))
      : note("No dyads yet.");
    const shiftList = shifts.length ? el("ul", {class: "shifts"}, shifts.map((s) =>
      el("li", null, el("a", {href: href(["dyad", s.dyad[0], s.dyad[1]])}, `${s.dyad[0]} – ${s.dyad[1]}`),
        ` ${s.period}: ${s.before} → ${s.after} `, badge(`${s.magnitude > 0 ? "+" : ""}${s.magnitude}`, s.magnitude > 0 ? "up" : "down"))))
      : note("No shifts among dyads with 5 or more events in the last year of data.");
    const docList = docs.length ? table(docs, [
      {label: "document", cell: (d) => docLink(d.doc_id, d.title || d.name)},
      {label: "published", key: "published"}, {label: "name", key: "name"}]) : note("No documents yet: add one.");

    return el("div", {class: "dashboard"}, cards,
      section(`Timeline of events (by ${unit})`, el("div", {class: "toolbar"}, picker), timeline,
        Charts.legend(Charts.QUAD_ORDER.map((q) => [Charts.QUAD_COLOURS[q], q === "none" ? "no QuadClass" : q.replace("_", " ")])), notes,
        note("Click a bar to list its events.")),
      el("div", {class: "columns"},
        section("Events by type", typeRows.length ? Charts.bars(typeRows, "Events by type") : note("No events yet.")),
        section("Busiest dyads", dyadList),
        section("Largest recent shifts", shiftList)),
      section("Documents", docList));
  }

  function bucketise(events, by) {
    const left = {undated: 0, yearOnly: 0};
    const dated = events.filter((e) => e.date || (left.undated++, false));
    if (!dated.length) return {buckets: [], unit: "month", left};
    const years = dated.map((e) => Number(e.date.slice(0, 4)));
    const y0 = Math.min(...years), y1 = Math.max(...years);
    const unit = by === "month" || by === "year" ? by : (y1 - y0 > 6 ? "year" : "month");
    const counts = new Map();
    for (const e of dated) {
      let key;
      if (unit === "year") key = e.date.slice(0, 4);
      else if (e.date.length >= 7) key = e.date.slice(0, 7);
      else { left.yearOnly++; continue; }
      const c = counts.get(key) || {};
      const q = e.quad || "none";
      c[q] = (c[q] || 0) + 1;
      counts.set(key, c);
    }
    const keys = [...counts.keys()].sort();
    const buckets = [];
    if (!keys.length) return {buckets, unit, left};
    if (unit === "year") {
      for (let y = Number(keys[0]); y <= Number(keys[keys.length - 1]); y++) {
        const key = String(y);
        buckets.push({key, start: key, end: `${key}-12-31`, counts: counts.get(key) || {}});
      }
    } else {
      let [y, m] = keys[0].split("-").map(Number);
      const [yEnd, mEnd] = keys[keys.length - 1].split("-").map(Number);
      while (y < yEnd || (y === yEnd && m <= mEnd)) {
        const key = `${y}-${String(m).padStart(2, "0")}`;
        buckets.push({key, start: key, end: lastDay(key), counts: counts.get(key) || {}});
        m++; if (m > 12) { m = 1; y++; }
      }
    }
    return {buckets, unit, left};
  }

  // -- events ----------------------------------------------------------------------------------
  const EVENT_FILTERS = [
    {name: "actor", label: "actor", placeholder: "IRN"},
    {name: "dyad", label: "dyad", placeholder: "IRN,RUS", size: 9},
    {name: "type", label: "type", options: TYPES},
    {name: "status", label: "status", options: STATUSES},
    {name: "since", label: "since", placeholder: "YYYY-MM-DD", size: 10},
    {name: "until", label: "until", placeholder: "YYYY-MM-DD", size: 10},
    {name: "item", label: "item", placeholder: "Shahed-136"},
    {name: "doc", label: "document", placeholder: "name or id"},
  ];
  const PAGE = 50;

  async function eventsView(_, query) {
    const values = Object.fromEntries(EVENT_FILTERS.map((f) => [f.name, query.get(f.name) || ""]));
    const offset = Math.max(0, Number(query.get("offset")) || 0);
    const form = filterForm("events", EVENT_FILTERS, values);
    let result;
    try {
      result = await api("/api/events", Object.assign({}, values, {limit: PAGE, offset}));
    } catch (err) {
      return el("div", null, form, errorBox(err));
    }
    const {data, headers} = result;
    const listed = await listedActors();
    const next = headers.get("X-Next-Offset");
    const rows = data.map((e) => Object.assign({__attrs: {dataset: {event: e.event_id, type: e.type}}}, e));
    const list = data.length ? table(rows, [
      {label: "date", key: "date"},
      {label: "source", cell: (e) => actorText(e.source, listed)},
      {label: "type", cell: (e) => badge(e.type, "type"), class: "type"},
      {label: "mode", key: "mode"},
      {label: "target", cell: (e) => actorText(e.target, listed)},
      {label: "status", cell: (e) => e.status + (e.negated ? " (negated)" : ""), class: "status"},
      {label: "items", cell: (e) => itemsText(e.items)},
      {label: "document", cell: (e) => docLink(e.doc_id, e.doc || e.doc_id, e.event_id)},
      {label: "sentence", cell: (e) => el("span", {class: "sentence"}, e.sentence || ""), class: "sentence-cell"},
    ], {id: "events-table"}) : note("No events match these filters.");
    const pager = el("nav", {class: "pager", "aria-label": "pages"},
      offset > 0 ? el("a", {href: href(["events"], Object.assign({}, values, {offset: Math.max(0, offset - PAGE) || ""})), rel: "prev"}, "← previous") : null,
      el("span", {class: "muted"}, data.length ? `events ${offset + 1}–${offset + data.length}` : ""),
      next ? el("a", {href: href(["events"], Object.assign({}, values, {offset: next})), rel: "next"}, "next →") : null);
    return el("div", null, el("h2", null, "Events"), form, pager, list);
  }

  async function eventRedirect([id]) {
    const {data: e} = await api(`/api/events/${encodeURIComponent(id || "")}`);
    window.location.replace(e.doc_id ? href(["doc", e.doc_id], {event: e.event_id}) : href(["events"], {doc: e.doc}));
    return el("p", {class: "loading"}, "Opening the event…");
  }

  // -- document --------------------------------------------------------------------------------
  const KIND_LABEL = {trigger: "triggers", actor: "actors", item: "items"};

  async function documentView([id], query) {
    const [{data: doc}, listed] = await Promise.all([api(`/api/documents/${encodeURIComponent(id || "")}`), listedActors()]);
    const text = renderText(doc.text, doc.spans, listed);
    const meta = el("dl", {class: "meta"},
      [["name", doc.name], ["published", doc.published], ["language", doc.language], ["format", doc.source_format], ["id", doc.doc_id]]
        .filter(([, v]) => v).map(([k, v]) => [el("dt", null, k), el("dd", null, v)]),
      doc.url ? [el("dt", null, "url"), el("dd", null, isWebUrl(doc.url) ? el("a", {href: doc.url, rel: "noopener noreferrer nofollow", target: "_blank"}, doc.url) : doc.url)] : null);
    const toggles = el("div", {class: "toggles"}, Object.entries(KIND_LABEL).map(([kind, label]) => {
      const box = el("input", {type: "checkbox", checked: true, id: `show-${kind}`});
      box.addEventListener("change", () => text.classList.toggle(`hide-${kind}`, !box.checked));
      return el("label", {for: `show-${kind}`, class: `toggle toggle-${kind}`}, box, ` ${label}`);
    }));
    const select = (eventId) => {
      for (const m of text.querySelectorAll(".selected")) m.classList.remove("selected");
      for (const li of events.querySelectorAll("li.selected")) li.classList.remove("selected");
      if (!eventId) return;
      const marks = [...text.querySelectorAll("mark")].filter((m) => (m.dataset.events || "").split(" ").includes(eventId));
      marks.forEach((m) => m.classList.add("selected"));
      const item = events.querySelector(`li[data-event="${CSS.escape(eventId)}"]`);
      if (item) item.classList.add("selected");
      if (marks.length && document.body.contains(marks[0])) marks[0].scrollIntoView({block: "center"});
    };
    const events = el("ol", {class: "doc-events"}, doc.events.map((e) => el("li", {dataset: {event: e.event_id}},
      el("button", {type: "button", class: "linklike", onclick: () => select(e.event_id)},
        badge(e.type, "type"), " ", e.source ? (e.source.country || e.source.actor_id) : "?", listedMark(e.source, listed, true),
        " → ", e.target ? (e.target.country || e.target.actor_id) : "–", listedMark(e.target, listed, true),
        " ", el("span", {class: "muted"}, `${e.status}${e.negated ? ", negated" : ""}${e.date ? ", " + e.date : ""}`)),
      e.items.length ? el("div", {class: "muted small"}, itemsText(e.items)) : null,
      e.attribution.length ? el("div", {class: "muted small"}, "according to: " + e.attribution.map((a) => a.text).join("; ")) : null)));
    const wanted = query.get("event");
    if (wanted) setTimeout(() => select(wanted), 0);
    return el("article", {class: "document"},
      el("h2", {class: "doc-title"}, doc.title || doc.name || doc.doc_id), meta,
      el("div", {class: "doc-layout"},
        el("div", null, toggles, Charts.legend([["#ffe08a", "trigger (event type)"], ["#cfe3ff", "actor (code)"], ["#d8f3d0", "item"],
          ...(text.querySelector("mark.hl-listed") ? [["#b2182b", "actor on a sanctions list", "line"]] : [])]), text),
        el("aside", null, el("h3", null, `Events (${doc.events.length})`), doc.events.length ? events : note("No events extracted from this document."))));
  }

  /** The text with every span marked, like displaCy: a <mark> per stretch of text covered by
   *  the same spans, and a label after each span. Offsets count characters (code points). */
  function renderText(text, spans, listed) {
    const chars = Array.from(text);
    const points = new Set([0, chars.length]);
    for (const s of spans) { points.add(s.start); points.add(s.end); }
    const cuts = [...points].filter((p) => p >= 0 && p <= chars.length).sort((a, b) => a - b);
    const root = el("div", {class: "doc-text", id: "doc-text"});
    const order = {trigger: 0, item: 1, actor: 2};
    for (let i = 0; i + 1 < cuts.length; i++) {
      const a = cuts[i], b = cuts[i + 1];
      const piece = chars.slice(a, b).join("");
      const covering = spans.filter((s) => s.start <= a && s.end >= b);
      if (!covering.length) { root.append(piece); continue; }
      covering.sort((x, y) => order[x.kind] - order[y.kind]);
      const kinds = [...new Set(covering.map((s) => s.kind))];
      const ids = [...new Set(covering.flatMap((s) => s.events))];
      const onList = covering.map((s) => (s.kind === "actor" ? listedFor(s, listed) : null)).find(Boolean);
      const classes = ["hl", ...kinds.map((k) => `hl-${k}`), onList ? "hl-listed" : null].filter(Boolean);
      const title = covering.map((s) => `${s.kind}: ${s.label}${s.kind === "actor" ? " (" + s.roles.join(", ") + ")" : ""}`);
      if (onList) title.push(listedTitle(onList));
      root.append(el("mark", {class: classes.join(" "), dataset: {events: ids.join(" "), kinds: kinds.join(" ")}, title: title.join("\n")}, piece));
      for (const s of covering.filter((s) => s.end === b).sort((x, y) => order[x.kind] - order[y.kind])) {
        root.append(el("span", {class: `tag tag-${s.kind}`, "aria-hidden": "true"}, s.label));
      }
    }
    return root;
  }

  // -- dyads -----------------------------------------------------------------------------------
  async function dyadView([a, b], query) {
    const by = query.get("by") || "month";
    const since = query.get("since") || "", until = query.get("until") || "";
    const {data: top} = await api("/api/dyads", {top: 12});
    const form = el("form", {class: "filters"},
      el("label", {for: "dyad-a"}, el("span", null, "actor A"), el("input", {id: "dyad-a", name: "a", value: a || "", size: 8, placeholder: "IRN", required: true})),
      el("label", {for: "dyad-b"}, el("span", null, "actor B"), el("input", {id: "dyad-b", name: "b", value: b || "", size: 8, placeholder: "RUS", required: true})),
      el("label", {for: "dyad-by"}, el("span", null, "by"), el("select", {id: "dyad-by", name: "by"}, ["week", "month", "quarter", "year"].map((p) => el("option", {value: p, selected: p === by}, p)))),
      el("label", {for: "dyad-since"}, el("span", null, "since"), el("input", {id: "dyad-since", name: "since", value: since, size: 10, placeholder: "YYYY"})),
      el("label", {for: "dyad-until"}, el("span", null, "until"), el("input", {id: "dyad-until", name: "until", value: until, size: 10, placeholder: "YYYY"})),
      el("button", {type: "submit"}, "Show"));
    form.addEventListener("submit", (ev) => {
      ev.preventDefault();
      const f = new FormData(form);
      const value = (name) => String(f.get(name) || "").trim();
      window.location.hash = href(["dyad", value("a").toUpperCase(), value("b").toUpperCase()],
        {by: value("by") === "month" ? "" : value("by"), since: value("since"), until: value("until")});
    });
    const chips = el("p", {class: "chips"}, "Busiest: ", top.map((d) => el("a", {href: href(["dyad", d.a, d.b]), class: "chip"}, `${d.a}–${d.b}`)));
    const head = [el("h2", null, "Dyads"), form, chips];
    if (!a || !b) {
      if (top.length) { window.location.replace(href(["dyad", top[0].a, top[0].b])); }
      return el("div", null, head, note("Pick two actors."));
    }
    let data;
    try {
      ({data} = await api(`/api/dyads/${encodeURIComponent(a)}/${encodeURIComponent(b)}`, {by, since, until}));
    } catch (err) {
      return el("div", null, head, errorBox(err));
    }
    const both = data.series.filter((r) => r.direction === "both");
    const shifts = data.shifts.length ? table(data.shifts, [
      {label: "period", key: "period"}, {label: "before", key: "before"}, {label: "after", key: "after"},
      {label: "change", cell: (s) => badge(`${s.magnitude > 0 ? "+" : ""}${s.magnitude}`, s.magnitude > 0 ? "up" : "down")},
      {label: "events behind it", cell: (s) => s.events.length ? s.events.map((id) => [eventLink(id), " "]) : "–"}], {id: "shifts-table"})
      : note("No shift found: the series is too short or too even.");
    const rows = both.length ? table(both, [
      {label: "period", key: "period"}, {label: "events", key: "events"},
      {label: "types", cell: (r) => Object.entries(r.counts).map(([t, n]) => `${t} ${n}`).join(", ")},
      {label: "mean intensity", cell: (r) => fmt(r.intensity.mean)}, {label: "net cooperation", cell: (r) => fmt(r.net_cooperation)},
      {label: "", cell: (r) => el("a", {href: href(["events"], {dyad: `${a},${b}`, since: r.period, until: periodEnd(r.period, by)})}, "events")}])
      : null;
    return el("div", null, head,
      section(`${a} – ${b} by ${by}`, Charts.dyad(data.series, data.shifts, a, b),
        Charts.legend([["#333", "mean intensity, both directions", "line"], ["#4a6fa5", `events ${a}→${b}`], ["#a56f4a", `events ${b}→${a}`],
          ["#1b7837", "shift up", "dashed"], ["#b2182b", "shift down", "dashed"]]),
        note("Denied, hypothetical and negated events are left out; periods without events have no point.")),
      section("Shifts", shifts), rows ? section("Periods", rows) : null);
  }

  function periodEnd(start, by) {
    const d = new Date(start + "T00:00:00Z");
    if (by === "week") d.setUTCDate(d.getUTCDate() + 6);
    else {
      d.setUTCMonth(d.getUTCMonth() + ({month: 1, quarter: 3, year: 12}[by] || 1));
      d.setUTCDate(d.getUTCDate() - 1);
    }
    return d.toISOString().slice(0, 10);
  }

  // -- network ---------------------------------------------------------------------------------
  async function networkView(_, query) {
    const fields = [
      {name: "since", label: "since", placeholder: "YYYY"}, {name: "until", label: "until", placeholder: "YYYY"},
      {name: "weight", label: "weight", options: ["intensity", "count"], any: "intensity"},
      {name: "min_events", label: "min events", type: "number", size: 4}];
    const values = Object.fromEntries(fields.map((f) => [f.name, query.get(f.name) || ""]));
    const form = filterForm("network", fields, values);
    let net;
    try {
      ({data: net} = await api("/api/network", values));
    } catch (err) {
      return el("div", null, el("h2", null, "Network"), form, errorBox(err));
    }
    const chart = Charts.network(net, (n) => { window.location.hash = href(["events"], {actor: n.id}); });
    const blocs = [1, 2].map((b) => el("div", {class: `bloc bloc-${b}`}, el("h3", null, `Bloc ${b}`),
      el("p", null, net.nodes.filter((n) => n.bloc === b).map((n) => [el("a", {href: href(["events"], {actor: n.id}), class: "chip"}, n.id), " "]))));
    const edges = net.edges.length ? table(net.edges, [
      {label: "pair", cell: (e) => el("a", {href: href(["dyad", e.source, e.target])}, `${e.source} – ${e.target}`)},
      {label: "weight", key: "weight"}, {label: "events", key: "events"},
      {label: "frustrated", cell: (e) => e.frustrated ? badge("frustrated", "down") : ""}], {id: "edges-table"}) : null;
    return el("div", null, el("h2", null, "Network"), form,
      section("Relations", chart, Charts.legend([[Charts.BLOC_COLOURS[1], "bloc 1"], [Charts.BLOC_COLOURS[2], "bloc 2"],
        ["#1b7837", "cooperation", "line"], ["#b2182b", "conflict", "line"], ["#555", "frustrated (against the blocs)", "dashed"]]),
      note("Blocs are the split with the least frustration (structural balance). Click an actor for its events.")),
      el("div", {class: "columns"}, blocs),
      net.frustrated_triangles.length ? section("Frustrated triangles", el("ul", null, net.frustrated_triangles.map((t) => el("li", null, t.join(" – "))))) : null,
      edges ? section("Edges", edges) : null);
  }

  // -- claims ----------------------------------------------------------------------------------
  async function claimsView(_, query) {
    const fields = [
      {name: "actor", label: "actor", placeholder: "IRN"}, {name: "dyad", label: "dyad", placeholder: "IRN,RUS", size: 9},
      {name: "type", label: "type", options: TYPES}, {name: "since", label: "since", placeholder: "YYYY"},
      {name: "until", label: "until", placeholder: "YYYY"}, {name: "verdict", label: "verdict", options: VERDICTS}];
    const values = Object.fromEntries(fields.map((f) => [f.name, query.get(f.name) || ""]));
    const form = filterForm("claims", fields, values);
    let found;
    try {
      const params = Object.assign({}, values);
      delete params.verdict;
      ({data: found} = await api("/api/claims", params));
    } catch (err) {
      return el("div", null, el("h2", null, "Claims"), form, errorBox(err));
    }
    const shown = values.verdict ? found.filter((c) => c.verdict === values.verdict) : found;
    const sides = (list) => list.length ? list.join("; ") : "–";
    return el("div", null, el("h2", null, "Claims"), form,
      note("A claim is one proposition (same source, target, type and items) and the sides taken on it."),
      shown.length ? table(shown, [
        {label: "claim", cell: (c) => [c.source || "?", " ", badge(c.type, "type"), " ", c.target || "–"]},
        {label: "items", cell: (c) => c.items.join("; ")},
        {label: "verdict", cell: (c) => badge(c.verdict, "verdict"), class: "verdict"},
        {label: "asserted by", cell: (c) => sides(c.asserted_by)},
        {label: "reported by", cell: (c) => sides(c.reported_by)},
        {label: "denied by", cell: (c) => sides(c.denied_by)},
        {label: "first", key: "first"}, {label: "last", key: "last"},
        {label: "events", cell: (c) => c.events.map((id) => [eventLink(id), " "])}], {id: "claims-table"})
        : note("No claims match."));
  }

  // -- transfers -------------------------------------------------------------------------------
  async function transfersView(_, query) {
    const fields = [
      {name: "supplier", label: "supplier", placeholder: "IRN"}, {name: "recipient", label: "recipient", placeholder: "RUS"},
      {name: "since", label: "since", placeholder: "YYYY"}, {name: "until", label: "until", placeholder: "YYYY"}];
    const values = Object.fromEntries(fields.map((f) => [f.name, query.get(f.name) || ""]));
    const form = filterForm("transfers", fields, values);
    let rows;
    try {
      ({data: rows} = await api("/api/transfers", values));
    } catch (err) {
      return el("div", null, el("h2", null, "Arms transfers"), form, errorBox(err));
    }
    return el("div", null, el("h2", null, "Arms-transfer register"), form,
      rows.length ? table(rows, [
        {label: "supplier", key: "supplier"}, {label: "recipient", key: "recipient"},
        {label: "system", key: "system"}, {label: "category", key: "category"},
        {label: "quantity", key: "quantity"},
        {label: "status", cell: (r) => badge(r.status, "status"), class: "status"},
        {label: "first reported", key: "first_reported"}, {label: "last reported", key: "last_reported"},
        {label: "sources", cell: (r) => el("ul", {class: "sources"}, r.sources.map((s) =>
          el("li", null, el("a", {href: href(["event", s.event_id])}, s.doc || s.event_id),
            el("span", {class: "muted"}, ` ${s.date || "undated"}, ${s.status}${s.negated ? " (negated)" : ""}`),
            s.attribution.length ? el("div", {class: "small muted"}, s.attribution.join("; ")) : null)))},
        {label: "", cell: (r) => el("a", {href: href(["check"], {supplier: r.supplier, recipient: r.recipient, item: r.system, date: r.last_reported || r.first_reported}), class: "button"}, "check")},
      ], {id: "transfers-table"}) : note("No transfers match."));
  }

  // -- check -----------------------------------------------------------------------------------
  async function checkView(_, query) {
    const fields = [
      {name: "supplier", label: "supplier", placeholder: "IRN or Iran"}, {name: "recipient", label: "recipient", placeholder: "RUS"},
      {name: "item", label: "item", placeholder: "Fath-360"}, {name: "date", label: "date", placeholder: "2024-09"},
      {name: "event", label: "or a stored event id", placeholder: "event id", size: 16}];
    const values = Object.fromEntries(fields.map((f) => [f.name, query.get(f.name) || ""]));
    const form = filterForm("check", fields, values);
    form.querySelector("button[type=submit]").textContent = "Check";
    const head = [el("h2", null, "Check a transfer"), form,
      note("Against the arms-control provisions entente knows: does each apply, was it in force, is the item covered, and why.")];
    if (!Object.values(values).some(Boolean)) return el("div", null, head);
    let result;
    try {
      ({data: result} = await api("/api/check", values));
    } catch (err) {
      return el("div", null, head, errorBox(err));
    }
    const results = Array.isArray(result) ? result : [result];
    return el("div", null, head, results.map(checkResult));
  }

  function checkResult(r) {
    const t = r.transfer, item = r.item;
    const mark = (v) => (v === true ? "yes" : v === false ? "no" : "?");
    const applicable = r.verdicts.filter((v) => v.result !== "out_of_scope");
    const outside = r.verdicts.filter((v) => v.result === "out_of_scope");
    const facts = [["item", item.name || "none given"], ["known", item.known ? "yes" : "no"], ["category", item.category],
      ["producer", item.producer], ["MTCR category", item.mtcr_category], ["UN Register category", item.un_register_category]];
    return section(`${t.supplier_name || t.supplier || "?"} → ${t.recipient_name || t.recipient || "?"}, ${t.date || "undated"}`,
      el("p", {class: "summary", id: "check-summary"}, r.summary),
      el("dl", {class: "meta"}, facts.filter(([, v]) => v !== null && v !== undefined).map(([k, v]) => [el("dt", null, k), el("dd", null, v)])),
      applicable.length ? table(applicable, [
        {label: "provision", cell: (v) => [el("strong", null, `${v.regime} ${v.provision}`), el("div", {class: "small muted"}, v.id)]},
        {label: "binds", key: "binds"}, {label: "applies", cell: (v) => mark(v.applies)},
        {label: "in force", cell: (v) => mark(v.in_force)}, {label: "covered", cell: (v) => mark(v.covered)},
        {label: "result", cell: (v) => badge(v.result, "result"), class: "result"},
        {label: "why", cell: (v) => el("ul", {class: "reasons"}, v.reasons.map((x) => el("li", null, x)), el("li", {class: "muted"}, `source: ${v.source}`))},
      ], {class: "data verdicts"}) : note("No provision applies."),
      outside.length ? note(`Out of scope: ${outside.map((v) => v.id).join(", ")}`) : null);
  }

  // -- sanctions -------------------------------------------------------------------------------
  const LISTED_HEADER = "X-Sanctioned-Entities";

  function partyCell(m) {
    return [el("strong", null, m.name), m.matched_name !== m.name ? el("div", {class: "small"}, `as “${m.matched_name}”`) : null,
      el("div", {class: "small muted"}, m.entity_id)];
  }

  const MATCH_COLUMNS = [
    {label: "score", cell: (r) => r.match.score.toFixed(1), class: "score"},
    {label: "listed party", cell: (r) => partyCell(r.match), class: "party"},
    {label: "schema", cell: (r) => r.match.entity_schema},
    {label: "countries", cell: (r) => r.match.countries.join(", ")},
    {label: "programs", cell: (r) => r.match.programs.join("; "), class: "programs"},
    {label: "listed on", cell: (r) => r.match.listed_on || ""},
    {label: "list", cell: (r) => r.match.dataset || ""}];

  async function sanctionsView(_, query) {
    const fields = [
      {name: "name", label: "match a name", placeholder: "Mahan Airlines", size: 28},
      {name: "threshold", label: "lowest score (0–100)", type: "number", size: 5, placeholder: "85"}];
    const values = Object.fromEntries(fields.map((f) => [f.name, query.get(f.name) || ""]));
    const form = filterForm("sanctions", fields, values);
    form.id = "sanctions-form";
    form.querySelector("button[type=submit]").textContent = "Match";
    const head = [el("h2", null, "Sanctions"), form,
      note("Names are matched against the sanctions lists loaded in the store, tolerant of spelling and romanisation; a score is how close the best of the party's names is (100: the same once folded).")];
    let actors, listedCount;
    try {
      const {data, headers} = await api("/api/sanctions/actors", {threshold: values.threshold});
      actors = data;
      listedCount = Number(headers.get(LISTED_HEADER) || "0");
    } catch (err) {
      return el("div", null, head, errorBox(err));
    }
    if (!values.threshold) listedCache = Promise.resolve(listedMap(actors));
    const noList = listedCount ? null : el("p", {class: "note", id: "sanctions-no-list"},
      "No sanctions list is loaded: stop the server and run ", el("code", null, "entente sanctions load FILE"),
      " (FollowTheMoney JSON Lines as OpenSanctions publishes them, or a CSV of name, aliases, country, program, listed_on).");
    let matched = null;
    if (values.name) {
      try {
        const {data: found} = await api("/api/sanctions/match", {name: values.name, threshold: values.threshold});
        matched = section(`Listed parties matching “${values.name}”: ${found.length}`,
          found.length ? table(found.map((m) => ({match: m, __attrs: {dataset: {entity: m.entity_id}}})), MATCH_COLUMNS, {id: "sanctions-match-table"})
            : note(listedCount ? "No listed party matches this name." : "Nothing to match against."));
      } catch (err) {
        matched = errorBox(err);
      }
    }
    const rows = actors.flatMap((a) => a.matches.map((m) => ({actor: a, match: m, __attrs: {dataset: {entity: m.entity_id, words: a.words}}})));
    const actorTable = rows.length ? table(rows, [
      {label: "in events as", cell: (r) => el("strong", null, r.actor.words), class: "words"},
      {label: "actor", cell: (r) => {
        const code = r.actor.actor_id || r.actor.country;
        return code ? el("a", {href: href(["events"], {actor: code})}, code) : "";
      }},
      {label: "events", cell: (r) => String(r.actor.events)},
      ...MATCH_COLUMNS], {id: "sanctions-table"})
      : note(listedCount ? "No actor in the stored events matches a listed party." : "No matches: no list loaded.");
    return el("div", null, head, noList, matched,
      section(`Actors in the stored events matching a listed party: ${actors.length}`, actorTable,
        rows.length ? note("An actor is matched by the words events use for it and by its name; each listed party it matched is a row.") : null));
  }

  // -- adding documents ------------------------------------------------------------------------
  function addView() {
    const token = el("input", {id: "token", type: "password", autocomplete: "off", size: 30, value: sessionStorage.getItem(TOKEN_KEY) || ""});
    const remember = el("input", {id: "remember", type: "checkbox", checked: Boolean(sessionStorage.getItem(TOKEN_KEY))});
    const extract = el("input", {id: "extract-now", type: "checkbox", checked: true});
    const out = el("div", {id: "add-result", "aria-live": "polite"});
    const auth = () => {
      const value = token.value.trim();
      if (remember.checked && value) sessionStorage.setItem(TOKEN_KEY, value); else sessionStorage.removeItem(TOKEN_KEY);
      return value ? {Authorization: `Bearer ${value}`} : {};
    };
    const send = async (path, init, query) => {
      clear(out).append(el("p", {class: "loading"}, "Working… (extraction loads the language model: a few seconds)"));
      try {
        const {data} = await api(path, query, Object.assign({method: "POST"}, init, {headers: Object.assign({Accept: "application/json"}, init.headers || {}, auth())}));
        listedCache = null;  // new events may name listed actors
        clear(out).append(writeResult(data));
      } catch (err) {
        clear(out).append(errorBox(err));
      }
    };
    const textForm = el("form", {id: "add-text", class: "stacked"},
      el("label", {for: "add-title"}, "title", el("input", {id: "add-title", name: "title", size: 60})),
      el("label", {for: "add-url"}, "url", el("input", {id: "add-url", name: "url", type: "url", size: 60, placeholder: "https://…"})),
      el("label", {for: "add-date"}, "date", el("input", {id: "add-date", name: "date", size: 12, placeholder: "2024-09-12"})),
      el("label", {for: "add-body"}, "text", el("textarea", {id: "add-body", name: "text", rows: 10, cols: 80, required: true})),
      el("button", {type: "submit"}, "Add text"));
    textForm.addEventListener("submit", (ev) => {
      ev.preventDefault();
      const f = new FormData(textForm);
      const body = {text: String(f.get("text") || "")};
      for (const k of ["title", "url", "date"]) if (String(f.get(k) || "").trim()) body[k] = String(f.get(k)).trim();
      send("/api/documents", {body: JSON.stringify(body), headers: {"Content-Type": "application/json"}}, {extract: extract.checked ? "true" : ""});
    });
    const fileForm = el("form", {id: "add-file", class: "stacked"},
      el("label", {for: "add-upload"}, "file (.txt .md .html .xml .rss .atom .jsonl)", el("input", {id: "add-upload", name: "file", type: "file", required: true})),
      el("button", {type: "submit"}, "Upload"));
    fileForm.addEventListener("submit", (ev) => {
      ev.preventDefault();
      const data = new FormData();
      const file = fileForm.querySelector("input[type=file]").files[0];
      if (!file) return;
      data.append("file", file, file.name);
      send("/api/documents", {body: data}, {extract: extract.checked ? "true" : ""});
    });
    const extractButton = el("button", {type: "button", id: "extract-pending", onclick: () => send("/api/extract", {})}, "Extract pending documents");
    return el("div", null, el("h2", null, "Add documents"),
      note("Writes need the server's token (ENTENTE_TOKEN). It is sent only to this server, and kept for this tab only if you ask."),
      el("p", {class: "filters"}, el("label", {for: "token"}, el("span", null, "token"), token),
        el("label", {for: "remember", class: "inline"}, remember, " remember in this tab"),
        el("label", {for: "extract-now", class: "inline"}, extract, " extract at once")),
      el("div", {class: "columns"}, section("A text", textForm), section("A file", fileForm, extractButton)), out);
  }

  function writeResult(data) {
    if (!Array.isArray(data.documents)) {
      return el("p", {class: "ok"}, `Extracted ${data.documents} document(s): ${data.events_added} event(s) added, ${data.events_already_stored} already stored.`);
    }
    return el("div", {class: "ok"},
      el("p", null, `Added ${data.added}, already stored ${data.already_stored}.`),
      el("ul", null, data.documents.map((d) => el("li", null, docLink(d.doc_id, d.title || d.name), el("span", {class: "muted"}, ` ${d.language || ""}`)))),
      data.extracted ? el("p", null, `Extracted ${data.extracted.documents} document(s): ${data.extracted.events_added} event(s) added.`) : null,
      data.problems && data.problems.length ? el("ul", {class: "problems"}, data.problems.map((p) => el("li", null, p))) : null);
  }

  // -- API reference ---------------------------------------------------------------------------
  async function apiView() {
    const {data: spec} = await api("/openapi.json");
    const rows = [];
    for (const [path, methods] of Object.entries(spec.paths)) {
      for (const [method, op] of Object.entries(methods)) {
        rows.push({method: method.toUpperCase(), path, op});
      }
    }
    return el("div", null, el("h2", null, "API"),
      el("p", null, "The machine-readable description is at ", el("a", {href: "/openapi.json"}, "/openapi.json"),
        "; the interactive Swagger page at ", el("a", {href: "/docs"}, "/docs"), " (it loads Swagger UI from its CDN, so it needs a network)."),
      table(rows, [
        {label: "method", cell: (r) => badge(r.method, "method")},
        {label: "path", cell: (r) => el("code", null, r.path)},
        {label: "what", cell: (r) => [r.op.summary || "", r.op.security ? el("div", {class: "small muted"}, "needs the bearer token") : null]},
        {label: "parameters", cell: (r) => (r.op.parameters || []).map((p) => el("div", {class: "small"}, el("code", null, p.name), ` (${p.in}${p.required ? ", required" : ""}) `, p.description || ""))},
      ]));
  }

  window.addEventListener("hashchange", route);
  route();
})();
