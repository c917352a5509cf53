/* entente web UI: charts as inline SVG, drawn from the API's JSON. No library. */
"use strict";

const Charts = (() => {
  const {svg, el} = Dom;

  const QUAD_COLOURS = {
    verbal_cooperation: "#7fbf7b",
    material_cooperation: "#1b7837",
    verbal_conflict: "#f4a582",
    material_conflict: "#b2182b",
    none: "#9e9e9e",
  };
  const QUAD_ORDER = ["material_cooperation", "verbal_cooperation", "none", "verbal_conflict", "material_conflict"];
  const BLOC_COLOURS = {1: "#2166ac", 2: "#e08214"};

  function scale(d0, d1, r0, r1) {
    const span = d1 - d0 || 1;
    return (v) => r0 + ((v - d0) / span) * (r1 - r0);
  }

  function niceTicks(lo, hi, count) {
    if (hi <= lo) return [lo];
    const raw = (hi - lo) / Math.max(1, count);
    const power = Math.pow(10, Math.floor(Math.log10(raw)));
    const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw) || raw;
    const ticks = [];
    for (let t = Math.ceil(lo / step) * step; t <= hi + step * 1e-9; t += step) ticks.push(Math.round(t * 1e6) / 1e6);
    return ticks;
  }

  function day(iso) {
    const [y, m, d] = iso.split("-").map(Number);
    return Date.UTC(y, (m || 1) - 1, d || 1);
  }

  /** Ticks on month boundaries, 1 to 120 months apart, at most about `count` of them. */
  function timeTicks(start, end, count) {
    const first = new Date(start), last = new Date(end);
    const months = (last.getUTCFullYear() - first.getUTCFullYear()) * 12 + last.getUTCMonth() - first.getUTCMonth() + 1;
    const step = [1, 2, 3, 6, 12, 24, 60, 120].find((s) => months / s <= count) || 240;
    let y = first.getUTCFullYear(), m = first.getUTCMonth();
    if (step >= 12) { m = 0; y = Math.ceil(y / (step / 12)) * (step / 12); } else { m = Math.ceil(m / step) * step; }
    const ticks = [];
    for (let i = 0; i < 400; i++) {
      const t = Date.UTC(y, m, 1);
      if (t > end) break;
      if (t >= start) ticks.push({t, label: step >= 12 ? String(new Date(t).getUTCFullYear()) : new Date(t).toISOString().slice(0, 7)});
      m += step;
    }
    return ticks;
  }

  function frame(width, height, label) {
    return svg("svg", {viewBox: `0 0 ${width} ${height}`, width: "100%", role: "img", "aria-label": label, class: "chart"});
  }

  /** A legend: entries [colour, text, kind] with kind "box" (default), "line" or "dashed". */
  function legend(entries) {
    const mark = (colour, kind) => {
      if (kind === "line" || kind === "dashed") {
        return svg("line", {x1: 0, y1: 7, x2: 14, y2: 7, stroke: colour, "stroke-width": 3,
          "stroke-dasharray": kind === "dashed" ? "4 2" : null});
      }
      return svg("rect", {width: 14, height: 14, rx: 2, fill: colour});
    };
    return el("ul", {class: "legend"}, entries.map(([colour, text, kind]) =>
      el("li", null, svg("svg", {width: 14, height: 14, "aria-hidden": "true"}, mark(colour, kind)), " ", text)));
  }

  /** Horizontal bars: rows [{label, value, href}]. */
  function bars(rows, label) {
    const width = 380, rowHeight = 22, left = 90, right = 36;
    const height = rows.length * rowHeight + 10;
    const max = Math.max(1, ...rows.map((r) => r.value));
    const x = scale(0, max, left, width - right);
    const root = frame(width, height, label);
    rows.forEach((row, i) => {
      const y = 5 + i * rowHeight;
      const bar = svg("g", {class: "bar"},
        svg("title", null, `${row.label}: ${row.value}`),
        svg("text", {x: left - 6, y: y + 15, "text-anchor": "end", class: "axis-label"}, row.label),
        svg("rect", {x: left, y: y + 3, width: Math.max(1, x(row.value) - left), height: rowHeight - 6, fill: row.colour || "#4a6fa5", rx: 2}),
        svg("text", {x: x(row.value) + 4, y: y + 15, class: "value-label"}, String(row.value)));
      root.append(row.href ? svg("a", {href: row.href}, bar) : bar);
    });
    return root;
  }

  /** Events per month or year, stacked by QuadClass. `buckets`: [{key, start, end, counts}]. */
  function timeline(buckets, label, onPick) {
    const width = 900, height = 240, left = 40, right = 10, top = 10, bottom = 40;
    const root = frame(width, height, label);
    if (!buckets.length) return root;
    const max = Math.max(1, ...buckets.map((b) => Object.values(b.counts).reduce((a, c) => a + c, 0)));
    const slot = (width - left - right) / buckets.length;
    const y = scale(0, max, height - bottom, top);
    for (const t of niceTicks(0, max, 4)) {
      root.append(svg("line", {x1: left, x2: width - right, y1: y(t), y2: y(t), class: "grid"}),
        svg("text", {x: left - 4, y: y(t) + 4, "text-anchor": "end", class: "axis-label"}, String(t)));
    }
    const every = Math.max(1, Math.ceil(buckets.length / 12));
    buckets.forEach((b, i) => {
      const x0 = left + i * slot;
      let base = 0;
      const total = Object.values(b.counts).reduce((a, c) => a + c, 0);
      const group = svg("g", {class: "bucket", dataset: {key: b.key}, tabindex: total ? 0 : null,
        onclick: total && onPick ? () => onPick(b) : null,
        onkeydown: total && onPick ? (ev) => { if (ev.key === "Enter") onPick(b); } : null},
      svg("title", null, `${b.key}: ${total} event${total === 1 ? "" : "s"}` +
        QUAD_ORDER.filter((q) => b.counts[q]).map((q) => `\n${q.replace("_", " ")}: ${b.counts[q]}`).join("")));
      for (const q of QUAD_ORDER) {
        const n = b.counts[q] || 0;
        if (!n) continue;
        group.append(svg("rect", {x: x0 + slot * 0.1, width: Math.max(1, slot * 0.8), y: y(base + n), height: y(base) - y(base + n), fill: QUAD_COLOURS[q], class: "bar"}));
        base += n;
      }
      root.append(group);
      if (i % every === 0) {
        root.append(svg("text", {x: x0 + slot / 2, y: height - bottom + 16, "text-anchor": "middle", class: "axis-label"}, b.key));
      }
    });
    root.append(svg("line", {x1: left, x2: width - right, y1: height - bottom, y2: height - bottom, class: "axis"}));
    return root;
  }

  /** Dyad: mean intensity of the combined series (line) over counts per direction (bars),
   *  with a marker at each shift and the levels before and after it. */
  function dyad(series, shifts, a, b) {
    const width = 900, height = 360, left = 46, right = 16, top = 16, mid = 220, bottom = 40;
    const root = frame(width, height, `Relations ${a}–${b} with shifts`);
    const both = series.filter((r) => r.direction === "both");
    if (!both.length) {
      root.append(svg("text", {x: width / 2, y: height / 2, "text-anchor": "middle", class: "axis-label"}, "No factual events between these two actors."));
      return root;
    }
    const times = both.map((r) => day(r.period));
    const t0 = Math.min(...times), t1 = Math.max(...times);
    const pad = Math.max((t1 - t0) * 0.03, 15 * 864e5);
    const x = scale(t0 - pad, t1 + pad, left, width - right);
    const y = scale(-10, 10, mid, top);
    // intensity panel
    for (const t of [-10, -5, 0, 5, 10]) {
      root.append(svg("line", {x1: left, x2: width - right, y1: y(t), y2: y(t), class: t === 0 ? "axis" : "grid"}),
        svg("text", {x: left - 4, y: y(t) + 4, "text-anchor": "end", class: "axis-label"}, String(t)));
    }
    root.append(svg("text", {x: left, y: top - 4, class: "axis-label"}, "mean intensity (−10 hostile … +10 cooperative)"));
    const points = both.filter((r) => r.intensity.mean !== null);
    if (points.length) {
      root.append(svg("polyline", {class: "series-line", fill: "none", stroke: "#333", "stroke-width": 1.5,
        points: points.map((r) => `${x(day(r.period)).toFixed(1)},${y(r.intensity.mean).toFixed(1)}`).join(" ")}));
      for (const r of points) {
        root.append(svg("circle", {cx: x(day(r.period)), cy: y(r.intensity.mean), r: 3.5, fill: r.intensity.mean >= 0 ? "#1b7837" : "#b2182b", class: "point"},
          svg("title", null, `${r.period}: mean ${r.intensity.mean}, ${r.events} event(s), net cooperation ${r.net_cooperation}`)));
      }
    }
    // counts panel: forward up, backward down
    const directed = series.filter((r) => r.direction !== "both");
    const maxCount = Math.max(1, ...directed.map((r) => r.events));
    const cy = scale(0, maxCount, 0, (height - bottom - mid - 20) / 2);
    const base = mid + 20 + (height - bottom - mid - 20) / 2;
    root.append(svg("line", {x1: left, x2: width - right, y1: base, y2: base, class: "axis"}),
      svg("text", {x: left - 4, y: base - cy(maxCount) + 8, "text-anchor": "end", class: "axis-label"}, `${a}→`),
      svg("text", {x: left - 4, y: base + cy(maxCount), "text-anchor": "end", class: "axis-label"}, `${b}→`));
    for (const r of directed) {
      const h = cy(r.events);
      const forward = r.direction === "forward";
      root.append(svg("rect", {x: x(day(r.period)) - 3, width: 6, y: forward ? base - h : base, height: h, fill: forward ? "#4a6fa5" : "#a56f4a", class: "count-bar"},
        svg("title", null, `${r.period}: ${r.source}→${r.target} ${r.events} event(s)`)));
    }
    // shifts
    shifts.forEach((s, i) => {
      const sx = x(day(s.period));
      const up = s.magnitude > 0;
      const marker = svg("g", {class: "shift-marker", dataset: {period: s.period}},
        svg("title", null, `shift at ${s.period}: ${s.before} → ${s.after} (${up ? "+" : ""}${s.magnitude})`),
        svg("line", {x1: sx, x2: sx, y1: top, y2: height - bottom, stroke: up ? "#1b7837" : "#b2182b", "stroke-width": 2, "stroke-dasharray": "6 3"}),
        svg("text", {x: sx + 4, y: top + 12 + (i % 3) * 13, class: "shift-label", fill: up ? "#1b7837" : "#b2182b"},
          `${up ? "▲" : "▼"} ${up ? "+" : ""}${s.magnitude}`));
      const before = both.filter((r) => day(r.period) < day(s.period));
      const after = both.filter((r) => day(r.period) >= day(s.period));
      if (before.length) marker.append(svg("line", {x1: x(day(before[Math.max(0, before.length - 3)].period)), x2: sx, y1: y(s.before), y2: y(s.before), class: "level"}));
      if (after.length) marker.append(svg("line", {x1: sx, x2: x(day(after[Math.min(after.length - 1, 2)].period)), y1: y(s.after), y2: y(s.after), class: "level"}));
      root.append(marker);
    });
    for (const tick of timeTicks(t0 - pad, t1 + pad, 10)) {
      root.append(svg("line", {x1: x(tick.t), x2: x(tick.t), y1: height - bottom, y2: height - bottom + 5, class: "axis"}),
        svg("text", {x: x(tick.t), y: height - bottom + 18, "text-anchor": "middle", class: "axis-label"}, tick.label));
    }
    return root;
  }

  /** The signed network: blocs pulled apart, edges green (cooperation) or red (conflict),
   *  dashed when frustrated, nodes coloured by bloc and sized by centrality. */
  function network(net, onPick) {
    const width = 900, height = 520;
    const root = frame(width, height, "Network of relations, blocs coloured");
    const nodes = net.nodes.map((n, i) => ({...n, index: i}));
    if (!nodes.length) {
      root.append(svg("text", {x: width / 2, y: height / 2, "text-anchor": "middle", class: "axis-label"}, "No relations in this window."));
      return root;
    }
    const byId = new Map(nodes.map((n) => [n.id, n]));
    const edges = net.edges.map((e) => ({...e, s: byId.get(e.source), t: byId.get(e.target)})).filter((e) => e.s && e.t);
    layout(nodes, edges, width, height);
    const maxWeight = Math.max(1, ...edges.map((e) => Math.abs(e.weight)));
    for (const e of edges) {
      root.append(svg("line", {x1: e.s.x, y1: e.s.y, x2: e.t.x, y2: e.t.y, class: "edge " + (e.weight > 0 ? "edge-pos" : "edge-neg") + (e.frustrated ? " edge-frustrated" : ""),
        stroke: e.weight > 0 ? "#1b7837" : "#b2182b", "stroke-width": 1 + 4 * Math.abs(e.weight) / maxWeight,
        "stroke-dasharray": e.frustrated ? "5 4" : null, "stroke-opacity": 0.7},
      svg("title", null, `${e.source}–${e.target}: weight ${e.weight}, ${e.events} event(s)${e.frustrated ? ", frustrated" : ""}`)));
    }
    for (const n of nodes) {
      const r = 7 + 14 * (n.centrality || 0);
      const node = svg("g", {class: "node", dataset: {id: n.id, bloc: n.bloc}, tabindex: 0,
        onclick: onPick ? () => onPick(n) : null,
        onkeydown: onPick ? (ev) => { if (ev.key === "Enter") onPick(n); } : null},
      svg("title", null, `${n.id}: bloc ${n.bloc}, centrality ${n.centrality}`),
      svg("circle", {cx: n.x, cy: n.y, r, fill: BLOC_COLOURS[n.bloc] || "#777", stroke: "#fff", "stroke-width": 1.5, class: `bloc-${n.bloc}`}),
      svg("text", {x: n.x, y: n.y - r - 4, "text-anchor": "middle", class: "node-label"}, n.id));
      root.append(node);
    }
    return root;
  }

  /** A small deterministic force layout: every node repels every other, edges pull
   *  (cooperation) or push (conflict), and each bloc is drawn towards its own side. */
  function layout(nodes, edges, width, height) {
    const blocs = [1, 2].map((b) => nodes.filter((n) => n.bloc === b));
    for (const [k, group] of blocs.entries()) {
      group.forEach((n, i) => {
        const angle = (2 * Math.PI * i) / Math.max(1, group.length);
        n.x = width * (k ? 0.7 : 0.3) + Math.cos(angle) * width * 0.15;
        n.y = height / 2 + Math.sin(angle) * height * 0.3;
      });
    }
    for (const n of nodes) if (n.x === undefined) { n.x = width / 2; n.y = height / 2; }
    const maxWeight = Math.max(1, ...edges.map((e) => Math.abs(e.weight)));
    for (let step = 0; step < 300; step++) {
      const cool = 1 - step / 300;
      for (const n of nodes) { n.dx = 0; n.dy = 0; }
      for (let i = 0; i < nodes.length; i++) {
        for (let j = i + 1; j < nodes.length; j++) {
          const a = nodes[i], b = nodes[j];
          let dx = a.x - b.x, dy = a.y - b.y;
          const d2 = Math.max(dx * dx + dy * dy, 25);
          const f = 7000 / d2;
          const d = Math.sqrt(d2);
          dx /= d; dy /= d;
          a.dx += dx * f; a.dy += dy * f; b.dx -= dx * f; b.dy -= dy * f;
        }
      }
      for (const e of edges) {
        let dx = e.t.x - e.s.x, dy = e.t.y - e.s.y;
        const d = Math.max(Math.sqrt(dx * dx + dy * dy), 1);
        const strength = 0.5 + Math.abs(e.weight) / maxWeight;
        const f = e.weight > 0 ? (d - 90) * 0.02 * strength : -Math.max(0, 260 - d) * 0.01 * strength;
        dx /= d; dy /= d;
        e.s.dx += dx * f; e.s.dy += dy * f; e.t.dx -= dx * f; e.t.dy -= dy * f;
      }
      for (const n of nodes) {
        const home = n.bloc === 2 ? width * 0.7 : width * 0.3;
        n.dx += (home - n.x) * 0.02;
        n.dy += (height / 2 - n.y) * 0.004;
        const len = Math.sqrt(n.dx * n.dx + n.dy * n.dy) || 1;
        const move = Math.min(len, 12 * cool + 0.5);
        n.x = Math.min(width - 40, Math.max(40, n.x + (n.dx / len) * move));
        n.y = Math.min(height - 30, Math.max(36, n.y + (n.dy / len) * move));
      }
    }
  }

  return {bars, timeline, dyad, network, legend, QUAD_COLOURS, QUAD_ORDER, BLOC_COLOURS};
})();
