/* eventwire's timeline chart: stacked bars of events per QuadClass and a line of mean
   Goldstein (right axis, -10 to +10), drawn as SVG from the JSON the page embeds.
   Written for eventwire; no library, nothing fetched. */
(function () {
  "use strict";
  var NS = "http://www.w3.org/2000/svg";
  var QUADS = [
    ["quad1", "Verbal cooperation", "#8cc9a1"], ["quad2", "Material cooperation", "#2f8f5b"],
    ["quad3", "Verbal conflict", "#f2a65a"], ["quad4", "Material conflict", "#c8413b"]
  ];
  var W = 900, H = 320, M = { left: 44, right: 48, top: 34, bottom: 40 };

  function el(name, attrs, parent, text) {
    var node = document.createElementNS(NS, name);
    Object.keys(attrs).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (text !== undefined) { node.textContent = text; }
    if (parent) { parent.appendChild(node); }
    return node;
  }

  function niceMax(value) {
    if (value <= 5) { return 5; }
    var step = Math.pow(10, Math.floor(Math.log10(value)));
    return Math.ceil(value / step) * step;
  }

  function next(day, unit) {
    var d = new Date(day + "T00:00:00Z");
    if (unit === "month") { d.setUTCMonth(d.getUTCMonth() + 1); }
    else { d.setUTCDate(d.getUTCDate() + (unit === "week" ? 7 : 1)); }
    return d.toISOString().slice(0, 10);
  }

  /* The store returns only buckets with events; empty ones are put back so the x axis
     is time, not a list. Past 2,000 buckets the rows are drawn as they are. */
  function fill(rows, unit) {
    if (rows.length < 2) { return rows; }
    var known = {}, out = [], day = rows[0].bucket, last = rows[rows.length - 1].bucket;
    rows.forEach(function (r) { known[r.bucket] = r; });
    while (day <= last) {
      if (out.length > 2000) { return rows; }
      out.push(known[day] || { bucket: day, events: 0, quad1: 0, quad2: 0, quad3: 0, quad4: 0,
                               goldstein_mean: null });
      day = next(day, unit);
    }
    return out;
  }

  function draw(container, rows) {
    var svg = el("svg", { viewBox: "0 0 " + W + " " + H, "class": "timeline" });
    var plotW = W - M.left - M.right, plotH = H - M.top - M.bottom;
    var top = niceMax(Math.max.apply(null, rows.map(function (r) { return r.events; }).concat([1])));
    var band = plotW / rows.length, bar = Math.max(2, Math.min(40, band * 0.7));
    var y = function (v) { return M.top + plotH - (v / top) * plotH; };
    var g = function (v) { return M.top + plotH / 2 - (v / 10) * (plotH / 2); };
    [0, 0.5, 1].forEach(function (f) {
      el("line", { x1: M.left, x2: W - M.right, y1: y(top * f), y2: y(top * f), stroke: "#e4e7ee" }, svg);
      el("text", { x: M.left - 6, y: y(top * f) + 4, "text-anchor": "end" }, svg, String(top * f));
    });
    [-10, 0, 10].forEach(function (v) {
      el("text", { x: W - M.right + 6, y: g(v) + 4 }, svg, (v > 0 ? "+" : "") + v);
    });
    rows.forEach(function (r, i) {
      var x = M.left + band * i + (band - bar) / 2, base = 0;
      QUADS.forEach(function (q) {
        var n = r[q[0]] || 0;
        if (n > 0) {
          var rect = el("rect", { x: x, y: y(base + n), width: bar, height: y(base) - y(base + n),
                                  fill: q[2], "class": "bar " + q[0] }, svg);
          el("title", {}, rect, r.bucket + ": " + n + " " + q[1].toLowerCase());
        }
        base += n;
      });
    });
    var points = [];
    rows.forEach(function (r, i) {
      if (r.goldstein_mean === null) { return; }
      points.push((M.left + band * (i + 0.5)).toFixed(1) + "," + g(r.goldstein_mean).toFixed(1));
    });
    el("polyline", { points: points.join(" "), fill: "none", stroke: "#2d5bd7",
                     "stroke-width": 2, "class": "goldstein" }, svg);
    rows.forEach(function (r, i) {
      if (r.goldstein_mean === null) { return; }
      var dot = el("circle", { cx: M.left + band * (i + 0.5), cy: g(r.goldstein_mean), r: 3,
                               fill: "#2d5bd7" }, svg);
      el("title", {}, dot, r.bucket + ": mean Goldstein " + r.goldstein_mean.toFixed(2));
    });
    var labels = rows.length > 1 ? [0, rows.length - 1] : [0];
    labels.forEach(function (i) {
      el("text", { x: M.left + band * (i + 0.5), y: H - M.bottom + 16, "text-anchor": "middle" },
         svg, rows[i].bucket);
    });
    var lx = M.left;
    QUADS.concat([["goldstein", "Mean Goldstein", "#2d5bd7"]]).forEach(function (q) {
      el("rect", { x: lx, y: 10, width: 10, height: 10, fill: q[2] }, svg);
      el("text", { x: lx + 14, y: 19 }, svg, q[1]);
      lx += 14 + q[1].length * 6.2 + 16;
    });
    container.appendChild(svg);
  }

  document.addEventListener("DOMContentLoaded", function () {
    var data = document.getElementById("timeline-data");
    var container = document.getElementById("chart");
    if (data && container) {
      draw(container, fill(JSON.parse(data.textContent), container.getAttribute("data-bucket")));
    }
  });
}());
