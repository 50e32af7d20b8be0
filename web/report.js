// sortie report page. Reads the plan's data blob ("sortie/report-data@1",
// described in docs/report.md) from <script id="sortie-data"> and the
// Natural Earth country outlines from <script id="sortie-world">, then draws
// six parts: summary, map, closure curve, Gantt chart, ground occupancy and
// manifests. Everything is inline; nothing is fetched.
//
// Times in the data are whole minutes after the scenario's start (D.t0,
// minutes since 1970). The Gantt chart draws one <path> per colour and finds
// the leg under the pointer itself, so that tens of thousands of legs stay fast.
(function () {
  "use strict";
  const t0ms = performance.now();
  const $ = (id) => document.getElementById(id);
  const D = JSON.parse($("sortie-data").textContent);
  const WORLD = JSON.parse($("sortie-world").textContent);

  // ------------------------------------------------------------ formatting
  const fmtDate = d3.utcFormat("%a %d %b %H:%MZ");
  const fmtShort = d3.utcFormat("%d %b %H:%M");
  const fmtInt = d3.format(",d");
  // Time axes in UTC and 24 hours: dates at midnight, hours between.
  const tickFmt = (d) => (d3.utcDay(d) < d ? d3.utcFormat("%H:%M")(d) : d3.utcFormat("%d %b")(d));
  const fmtT = (kg) => d3.format(",.1f")(kg / 1000) + " t";
  const toDate = (t) => new Date((D.t0 + t) * 60000);
  const when = (t) => (t === null || t === undefined ? "—" : fmtDate(toDate(t)));
  const sinceStart = (t) => {
    if (t === null || t === undefined) return "";
    const sign = t < 0 ? "−" : "+";
    const a = Math.abs(t);
    return `${sign}${Math.floor(a / 1440)}d ${String(Math.floor((a % 1440) / 60)).padStart(2, "0")}:${String(a % 60).padStart(2, "0")}`;
  };
  const dur = (m) => `${Math.floor(m / 60)}h${String(m % 60).padStart(2, "0")}`;
  const esc = (s) => String(s ?? "").replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]);
  const hhmm = (m) => `${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`;

  // ------------------------------------------------------------- the data
  const AF = D.airfields, REQ = D.requirements, LOADS = D.loads, AC = D.aircraft;
  const TYPES = D.types;
  const S = D.summary || {};
  const afName = (i) => (AF[i] ? AF[i].id : "?");
  const reqId = (i) => (REQ[i] ? REQ[i].id : "?");
  const typeOf = (a) => (a && a.type >= 0 ? TYPES[a.type] : null);
  const reqOps = Array.from(new Set(REQ.map((r) => r.operator).filter((o) => o))).sort();

  // Per load: people, cargo weight, and the requirement it mostly carries.
  const paxKg = (D.scenario && D.scenario.pax_kg) || 100;
  for (const l of LOADS) {
    l.nPax = d3.sum(l.pax, (p) => p[1]);
    l.cargoKg = d3.sum(l.items, (it) => (it[3] || 0) * it[2]);
    const share = new Map();
    for (const [r, n] of l.pax) share.set(r, (share.get(r) || 0) + n * paxKg);
    for (const [r, , n, kg] of l.items) share.set(r, (share.get(r) || 0) + n * (kg || 1));
    l.main = share.size ? d3.greatest(share, (e) => e[1])[0] : -1;
    l.reqs = Array.from(share.keys());
  }
  const legsTotal = d3.sum(AC, (a) => a.legs.length);
  const used = AC.filter((a) => a.legs.length > 0);

  // One time domain for the curve, the Gantt chart and occupancy.
  let tLo = 0, tHi = Math.max(60, S.closure || 0, S.lower_bound || 0);
  for (const a of AC) for (const g of a.legs) { tLo = Math.min(tLo, g[2]); tHi = Math.max(tHi, g[3]); }
  for (const r of REQ) if (r.due !== null && r.due !== undefined && r.due <= tHi * 1.5) tHi = Math.max(tHi, r.due);
  const pad = (tHi - tLo) * 0.02;
  const full = [toDate(tLo - pad), toDate(tHi + pad)];
  let view = full; // the time window on show; brushing the Gantt chart's axis narrows it

  // ---------------------------------------------------------------- filters
  const F = { op: "", req: -1, colour: "req", width: "kg" };
  const reqMatch = (r) => {
    if (F.req >= 0 && r !== F.req) return false;
    if (F.op && (!REQ[r] || REQ[r].operator !== F.op)) return false;
    return true;
  };
  const filtering = () => F.op !== "" || F.req >= 0;
  const loadMatch = (li) => !filtering() || (li >= 0 && LOADS[li].reqs.some(reqMatch));
  // The people and kilograms of a load that the filter keeps.
  const loadShare = (l) => {
    if (!filtering()) return [l.nPax, l.cargoKg];
    let p = 0, kg = 0;
    for (const [r, n] of l.pax) if (reqMatch(r)) p += n;
    for (const [r, , n, w] of l.items) if (reqMatch(r)) kg += n * (w || 0);
    return [p, kg];
  };

  const palette = d3.schemeTableau10;
  const opPalette = d3.schemeSet2;
  const reqColour = (r) => (r >= 0 ? palette[r % palette.length] : "#555");
  const opColour = (o) => { const k = reqOps.indexOf(o); return k >= 0 ? opPalette[k % opPalette.length] : "#555"; };
  const loadColour = (li) => {
    if (li < 0) return "#9aa5b1";
    const l = LOADS[li];
    if (!loadMatch(li)) return "#d9dee3";
    return F.colour === "op" ? opColour(REQ[l.main] ? REQ[l.main].operator : "") : reqColour(l.main);
  };

  // ---------------------------------------------------------------- tooltip
  const tip = $("tooltip");
  const showTip = (ev, html) => {
    tip.innerHTML = html;
    tip.hidden = false;
    const w = tip.offsetWidth, h = tip.offsetHeight;
    let x = ev.clientX + 14, y = ev.clientY + 14;
    if (x + w > window.innerWidth - 4) x = ev.clientX - w - 14;
    if (y + h > window.innerHeight - 4) y = ev.clientY - h - 14;
    tip.style.left = Math.max(4, x) + "px";
    tip.style.top = Math.max(4, y) + "px";
  };
  const hideTip = () => { tip.hidden = true; };

  function loadHtml(li) {
    if (li < 0 || !LOADS[li]) return "empty";
    const l = LOADS[li];
    const a = AC[l.aircraft], ty = typeOf(a);
    const parts = [];
    for (const [r, n] of l.pax) parts.push(`${fmtInt(n)} people of ${esc(reqId(r))}`);
    for (const [r, name, n] of l.items) parts.push(`${fmtInt(n)} × ${esc(name)} of ${esc(reqId(r))}`);
    let html = `load <b>${esc(l.id)}</b>: ${parts.join(", ") || "nothing"}<br>`;
    html += `${fmtT(l.weight_kg)}`;
    if (ty && ty.payload_kg) html += ` of ${fmtT(ty.payload_kg)} payload (${Math.round((100 * l.weight_kg) / ty.payload_kg)}%)`;
    html += `, ${fmtInt(l.nPax)}${ty && ty.seats !== null ? ` of ${fmtInt(ty.seats)}` : ""} seats`;
    return html;
  }

  // ----------------------------------------------------------- each part
  function guard(id, fn) {
    try { fn(); } catch (e) {
      console.error(`sortie report: ${id}:`, e);
      const el = $(id);
      if (el) el.insertAdjacentHTML("beforeend", `<p class="error">This part could not be drawn: ${esc(e.message)}</p>`);
    }
  }

  // ---- summary
  function renderSummary() {
    const name = (D.scenario && D.scenario.name) || "";
    document.title = `sortie report: ${name}`;
    $("title").textContent = name ? `Movement plan: ${name}` : "Movement plan";
    $("subtitle").textContent = `Start ${when(0)} · ${fmtInt(REQ.length)} requirements · ${fmtInt(used.length)} of ${fmtInt(AC.length)} aircraft used · ${fmtInt(legsTotal)} legs`;
    const sum = $("summary");
    sum.dataset.closure = S.closure ?? "";
    const totPax = d3.sum(REQ, (r) => r.pax || 0), totKg = d3.sum(REQ, (r) => r.cargo_kg || 0);
    const lateReqs = REQ.map((r, i) => [r, i]).filter(([r]) => r.late_min > 0).sort((a, b) => b[0].late_min - a[0].late_min);
    const card = (k, v, s, cls) => `<div class="card ${cls || ""}"><div class="k">${k}</div><div class="v">${v}</div><div class="s">${s || ""}</div></div>`;
    const gap = S.gap === null || S.gap === undefined ? "—" : d3.format(".1%")(S.gap);
    $("cards").innerHTML = [
      card("Closure", S.closure === null || S.closure === undefined ? "—" : fmtShort(toDate(S.closure)) + "Z", sinceStart(S.closure) + " after start"),
      card("Lower bound", S.lower_bound === null || S.lower_bound === undefined ? "—" : fmtShort(toDate(S.lower_bound)) + "Z", sinceStart(S.lower_bound) + " after start"),
      card("Gap", gap, "closure ÷ bound − 1", S.gap === 0 ? "good" : ""),
      card("Outcome", esc(S.outcome || "—"), S.seconds ? `planned in ${d3.format(".1f")(S.seconds)} s` : ""),
      card("Late requirements", fmtInt(lateReqs.length), `of ${fmtInt(REQ.length)}`, lateReqs.length ? "bad" : "good"),
      card("People", fmtInt(totPax), "to move"),
      card("Cargo", fmtT(totKg), "to move"),
      card("Loaded legs", fmtInt(S.loaded_legs ?? LOADS.length), `${fmtInt(legsTotal)} legs in all`),
      card("Flight hours", d3.format(",.1f")(S.flight_h || 0), `${fmtInt(used.length)} aircraft used`),
    ].join("");
    $("binding").textContent = S.binding ? `What binds: ${S.binding}` : "What binds: not reported by the planner.";
    $("late").innerHTML = lateReqs.length
      ? `<table><thead><tr><th>Requirement</th><th>Due</th><th class="num">Late by</th></tr></thead><tbody>${lateReqs
          .map(([r]) => `<tr class="late"><td>${esc(r.id)}</td><td>${when(r.due)}</td><td class="num">${dur(r.late_min)}</td></tr>`).join("")}</tbody></table>`
      : `<p class="muted">None: every requirement arrives by its due date.</p>`;
    renderReqTable();
  }
  function renderReqTable() {
    const rows = REQ.map((r, i) => [r, i]).filter(([r]) => !F.op || r.operator === F.op);
    $("reqs").innerHTML = `<table><thead><tr><th>Id</th><th>Operator</th><th>Route</th><th class="num">People</th><th class="num">Cargo</th><th>Ready</th><th>Due</th><th>Delivered</th><th class="num">Slack</th></tr></thead><tbody>${rows
      .map(([r, i]) => {
        const slack = r.delivered === null || r.delivered === undefined || r.due === null ? "" : r.due - r.delivered;
        const cls = ["clickable", r.late_min > 0 ? "late" : "", F.req === i ? "sel" : ""].join(" ");
        return `<tr class="${cls}" data-req="${i}"><td><span class="swatch" style="background:${reqColour(i)}"></span>${esc(r.id)}${r.known === false ? " (not in scenario)" : ""}</td><td>${esc(r.operator)}</td><td>${esc(afName(r.from))}→${esc(afName(r.to))}</td><td class="num">${fmtInt(r.pax || 0)}</td><td class="num">${fmtT(r.cargo_kg || 0)}</td><td>${when(r.ready)}</td><td>${when(r.due)}</td><td>${when(r.delivered)}</td><td class="num">${slack === "" ? "" : (slack < 0 ? "−" : "") + dur(Math.abs(slack))}</td></tr>`;
      }).join("")}</tbody></table>`;
  }
  $("reqs").addEventListener("click", (ev) => {
    const tr = ev.target.closest("tr[data-req]");
    if (!tr) return;
    const i = +tr.dataset.req;
    F.req = F.req === i ? -1 : i;
    $("f-req").value = F.req >= 0 ? String(F.req) : "";
    update();
  });

  // ---- map
  const rad = Math.PI / 180;
  function mapProjection(pts, W, H) {
    // Longitudes relative to their circular mean, so that a set across the antimeridian stays whole.
    const mean = Math.atan2(d3.mean(pts, (p) => Math.sin(p[0] * rad)), d3.mean(pts, (p) => Math.cos(p[0] * rad))) / rad;
    const rel = pts.map((p) => ((p[0] - mean + 540) % 360) - 180);
    const spanLon = (d3.max(rel) - d3.min(rel)) || 0;
    const cx = mean + (d3.max(rel) + d3.min(rel)) / 2;
    const [la0, la1] = d3.extent(pts, (p) => p[1]);
    const cy = (la0 + la1) / 2;
    let proj;
    if (spanLon > 150 || la1 - la0 > 90) {
      proj = d3.geoNaturalEarth1().rotate([-cx, 0]);
    } else {
      const p0 = la0 + (la1 - la0) / 6, p1 = la1 - (la1 - la0) / 6;
      proj = Math.abs(p0 + p1) < 1 ? d3.geoEquirectangular().rotate([-cx, 0]) : d3.geoConicEqualArea().parallels([p0, p1]).rotate([-cx, 0]);
    }
    // Never closer than about 10 by 6 degrees, so that one field or two
    // neighbours still show the country around them.
    const hx = Math.max(5, spanLon * 0.08), hy = Math.max(3, (la1 - la0) * 0.08);
    const frame = pts.concat([[cx - spanLon / 2 - hx, cy], [cx + spanLon / 2 + hx, cy], [cx, Math.max(-89, la0 - hy)], [cx, Math.min(89, la1 + hy)]]);
    proj.fitExtent([[40, 30], [W - 110, H - 30]], { type: "MultiPoint", coordinates: frame }); // room for labels on the right
    return proj;
  }

  function renderMap() {
    const W = 1000, H = 600;
    const host = $("map-chart");
    const placed = AF.map((a, i) => [a, i]).filter(([a]) => Number.isFinite(a.lat) && Number.isFinite(a.lon));
    // Traffic per airfield and per route (unordered pair), for the filter in force.
    const traffic = AF.map(() => ({ outPax: 0, outKg: 0, inPax: 0, inKg: 0, dep: 0, arr: 0 }));
    const routes = new Map();
    for (const a of AC) for (const g of a.legs) {
      const [f, t, , , li] = g;
      if (!AF[f] || !AF[t]) continue;
      traffic[f].dep++; traffic[t].arr++;
      const key = f < t ? `${f}-${t}` : `${t}-${f}`;
      let r = routes.get(key);
      if (!r) routes.set(key, (r = { a: Math.min(f, t), b: Math.max(f, t), pax: [0, 0], kg: [0, 0], loaded: [0, 0], empty: 0 }));
      const dir = f < t ? 0 : 1;
      if (li < 0) { r.empty++; continue; }
      if (!loadMatch(li)) continue;
      const [p, kg] = loadShare(LOADS[li]);
      r.pax[dir] += p; r.kg[dir] += kg; r.loaded[dir]++;
      traffic[f].outPax += p; traffic[f].outKg += kg; traffic[t].inPax += p; traffic[t].inKg += kg;
    }
    if (!placed.length) { host.innerHTML = `<p class="muted">No airfield has coordinates.</p>`; return; }
    const proj = mapProjection(placed.map(([a]) => [a.lon, a.lat]), W, H);
    const path = d3.geoPath(proj);
    const svg = d3.create("svg").attr("viewBox", `0 0 ${W} ${H}`).attr("role", "img").attr("aria-label", "map");
    svg.append("rect").attr("width", W).attr("height", H).attr("fill", "#eaf2f8");
    const countries = topojson.feature(WORLD, WORLD.objects.countries);
    svg.append("path").attr("d", path(d3.geoGraticule10())).attr("fill", "none").attr("stroke", "#d6e2ec").attr("stroke-width", 0.6);
    svg.append("path").attr("d", path(countries)).attr("fill", "#f4f1ea").attr("stroke", "none");
    svg.append("path").attr("d", path(topojson.mesh(WORLD, WORLD.objects.countries, (a, b) => a !== b))).attr("fill", "none").attr("stroke", "#c9c2b4").attr("stroke-width", 0.7);
    const metric = F.width;
    const val = (r) => (metric === "kg" ? r.kg[0] + r.kg[1] : r.pax[0] + r.pax[1]);
    const list = Array.from(routes.values()).filter((r) => AF[r.a] && AF[r.b] && Number.isFinite(AF[r.a].lat) && Number.isFinite(AF[r.b].lat));
    const maxV = d3.max(list, val) || 1;
    const wScale = d3.scaleSqrt().domain([0, maxV]).range([1.2, 16]);
    const line = (r) => path({ type: "LineString", coordinates: [[AF[r.a].lon, AF[r.a].lat], [AF[r.b].lon, AF[r.b].lat]] });
    const gR = svg.append("g").attr("fill", "none").attr("stroke-linecap", "round");
    gR.selectAll("path.empty").data(list.filter((r) => r.empty > 0)).join("path").attr("class", "empty").attr("d", line)
      .attr("stroke", "#8d99a6").attr("stroke-width", 1).attr("stroke-dasharray", "3 3").attr("data-route", (r) => `${AF[r.a].id}-${AF[r.b].id}`);
    gR.selectAll("path.loaded").data(list.filter((r) => r.loaded[0] + r.loaded[1] > 0).sort((x, y) => val(y) - val(x))).join("path")
      .attr("class", "loaded").attr("d", line).attr("stroke", "#1f5fa8").attr("stroke-opacity", 0.7)
      .attr("stroke-width", (r) => wScale(val(r))).attr("data-route", (r) => `${AF[r.a].id}-${AF[r.b].id}`);
    gR.selectAll("path").on("mousemove", (ev, r) => {
      const dir = (d, f, t) => `${esc(AF[f].id)} → ${esc(AF[t].id)}: ${fmtInt(r.loaded[d])} loaded legs, ${fmtInt(r.pax[d])} people, ${fmtT(r.kg[d])}`;
      showTip(ev, `<b>${esc(AF[r.a].id)} – ${esc(AF[r.b].id)}</b><br>${dir(0, r.a, r.b)}<br>${dir(1, r.b, r.a)}<br><span class="t">${fmtInt(r.empty)} empty legs</span>`);
    }).on("mouseleave", hideTip);
    // Airfields, all of them, labelled when there are few or they are busy.
    const busy = new Set(placed.map(([, i]) => i).sort((x, y) => traffic[y].dep + traffic[y].arr - traffic[x].dep - traffic[x].arr).slice(0, 40));
    const gA = svg.append("g");
    const node = gA.selectAll("g").data(placed).join("g")
      .attr("data-airfield", ([a]) => a.id)
      .attr("transform", ([a]) => { const p = proj([a.lon, a.lat]); return `translate(${p[0].toFixed(1)},${p[1].toFixed(1)})`; });
    node.append("circle").attr("r", ([, i]) => (traffic[i].dep + traffic[i].arr > 0 ? 5 : 3.5))
      .attr("fill", ([, i]) => (traffic[i].outPax + traffic[i].outKg > 0 ? "#c0392b" : traffic[i].inPax + traffic[i].inKg > 0 ? "#1f5fa8" : "#fff"))
      .attr("stroke", "#1d2329").attr("stroke-width", 1.2);
    // Labels: right of the dot, else left, above or below, whichever overlaps no label placed yet.
    const boxes = placed.map(([a]) => { const [px, py] = proj([a.lon, a.lat]); return [px - 5, py - 5, px + 5, py + 5]; });
    const spot = new Map();
    for (const [a, i] of placed.filter(([, i]) => busy.has(i)).sort((p, q) => traffic[q[1]].dep + traffic[q[1]].arr - traffic[p[1]].dep - traffic[p[1]].arr)) {
      const [px, py] = proj([a.lon, a.lat]), w = 7.2 * a.id.length + 4, h = 13;
      const tries = [[7, 4, "start"], [-7, 4, "end"], [0, -8, "middle"], [0, 16, "middle"]];
      const box = ([dx, dy, anchor]) => {
        const x0 = px + dx - (anchor === "end" ? w : anchor === "middle" ? w / 2 : 0);
        return [x0, py + dy - 10, x0 + w, py + dy - 10 + h];
      };
      const free = (b) => boxes.every((o) => b[2] < o[0] || b[0] > o[2] || b[3] < o[1] || b[1] > o[3]);
      const pick = tries.find((t) => free(box(t))) || tries[0];
      boxes.push(box(pick));
      spot.set(i, pick);
    }
    node.filter(([, i]) => spot.has(i)).append("text")
      .attr("x", ([, i]) => spot.get(i)[0]).attr("y", ([, i]) => spot.get(i)[1]).attr("text-anchor", ([, i]) => spot.get(i)[2])
      .text(([a]) => a.id)
      .attr("paint-order", "stroke").attr("stroke", "#fff").attr("stroke-width", 3).attr("font-weight", 600);
    node.on("mousemove", (ev, [a, i]) => {
      const t = traffic[i];
      showTip(ev, `<b>${esc(a.id)}</b> ${esc(a.name || "")}<br>MOG ${a.mog ?? "unlimited"} · ${a.open === null || a.open === undefined ? "open around the clock" : `open ${hhmm(a.open)}–${hhmm(a.close)}Z`}<br>` +
        `${fmtInt(t.dep)} take-offs, ${fmtInt(t.arr)} landings<br>out: ${fmtInt(t.outPax)} people, ${fmtT(t.outKg)}<br>in: ${fmtInt(t.inPax)} people, ${fmtT(t.inKg)}`);
    }).on("mouseleave", hideTip);
    // Legend: three line widths, the airfield roles.
    const lg = svg.append("g").attr("transform", `translate(16,${H - 78})`);
    lg.append("rect").attr("x", -8).attr("y", -14).attr("width", 220).attr("height", 86).attr("fill", "#fff").attr("fill-opacity", 0.85).attr("rx", 4);
    [maxV, maxV / 4].forEach((v, k) => {
      lg.append("line").attr("x1", 0).attr("x2", 40).attr("y1", k * 18).attr("y2", k * 18).attr("stroke", "#1f5fa8").attr("stroke-opacity", 0.7).attr("stroke-width", wScale(v));
      lg.append("text").attr("x", 50).attr("y", k * 18 + 4).text(metric === "kg" ? fmtT(v) : `${fmtInt(Math.round(v))} people`);
    });
    [["#c0392b", "sends people or cargo"], ["#1f5fa8", "receives"]].forEach(([c, s], k) => {
      lg.append("circle").attr("cx", 20).attr("cy", 38 + k * 16).attr("r", 4.5).attr("fill", c).attr("stroke", "#1d2329");
      lg.append("text").attr("x", 50).attr("y", 42 + k * 16).text(s);
    });
    host.replaceChildren(svg.node());
  }

  // ---- closure curve
  function renderCurve() {
    const host = $("curve-chart");
    const W = 1000, panelH = 170, m = { l: 64, r: 20, t: 22, b: 24 }, gapH = 34;
    const H = m.t + 2 * panelH + gapH + m.b + 20;
    const x = d3.scaleUtc().domain(view).range([m.l, W - m.r]);
    // Deliveries of the loads (filtered), as cumulative steps.
    const ev = [];
    for (const l of LOADS) {
      if (l.arr === null || l.arr === undefined) continue;
      const [p, kg] = loadShare(l);
      if (p > 0 || kg > 0) ev.push([l.arr, p, kg]);
    }
    ev.sort((a, b) => a[0] - b[0]);
    const pts = [[0, 0, 0]];
    for (const [t, p, kg] of ev) {
      const last = pts[pts.length - 1];
      if (last[0] === t) { last[1] += p; last[2] += kg; } else pts.push([t, last[1] + p, last[2] + kg]);
    }
    // What is due by then: each requirement's whole amount at its due time.
    const due = REQ.map((r, i) => [r, i]).filter(([r, i]) => reqMatch(i) && r.due !== null && r.due !== undefined).sort((a, b) => a[0].due - b[0].due);
    const duePts = [[0, 0, 0]];
    for (const [r] of due) {
      const last = duePts[duePts.length - 1];
      if (last[0] === r.due) { last[1] += r.pax || 0; last[2] += r.cargo_kg || 0; } else duePts.push([r.due, last[1] + (r.pax || 0), last[2] + (r.cargo_kg || 0)]);
    }
    const svg = d3.create("svg").attr("viewBox", `0 0 ${W} ${H}`).attr("role", "img").attr("aria-label", "closure curve");
    const panels = [
      { key: 1, name: "people", fmt: (v) => fmtInt(Math.round(v)), y0: m.t },
      { key: 2, name: "tonnes", fmt: (v) => d3.format(",.0f")(v / 1000), y0: m.t + panelH + gapH },
    ];
    const lastT = pts[pts.length - 1][0];
    for (const P of panels) {
      const top = P.y0, bottom = P.y0 + panelH;
      const maxV = Math.max(d3.max(pts, (p) => p[P.key]), d3.max(duePts, (p) => p[P.key])) || 1;
      const y = d3.scaleLinear().domain([0, maxV]).nice().range([bottom, top]);
      P.y = y;
      const g = svg.append("g");
      const clip = `curve-clip-${P.name}`;
      svg.append("clipPath").attr("id", clip).append("rect").attr("x", m.l).attr("y", top - 12).attr("width", W - m.l - m.r).attr("height", panelH + 14);
      g.append("g").attr("class", "axis").attr("transform", `translate(${m.l},0)`).call(d3.axisLeft(y).ticks(5).tickFormat(P.fmt).tickSizeOuter(0))
        .call((s) => s.selectAll(".tick line").clone().attr("x2", W - m.l - m.r).attr("stroke", "#eef1f4"));
      g.append("g").attr("class", "axis").attr("transform", `translate(0,${bottom})`).call(d3.axisBottom(x).ticks(8).tickFormat(tickFmt).tickSizeOuter(0));
      g.append("text").attr("x", m.l + 6).attr("y", top - 6).attr("font-weight", 600).text(P.key === 1 ? "People delivered" : "Cargo delivered (t)");
      const pg = g.append("g").attr("clip-path", `url(#${clip})`);
      const stepLine = d3.line().curve(d3.curveStepAfter).x((p) => x(toDate(p[0]))).y((p) => y(p[P.key]));
      // Due steps: continue flat to the right edge so the total shows.
      const dueDraw = duePts.concat([[Math.max(tHi, duePts[duePts.length - 1][0]), duePts[duePts.length - 1][1], duePts[duePts.length - 1][2]]]);
      pg.append("path").attr("d", stepLine(dueDraw)).attr("fill", "none").attr("stroke", "#8d99a6").attr("stroke-dasharray", "4 3").attr("stroke-width", 1.3);
      pg.append("path").attr("class", `curve-${P.name}`).attr("d", stepLine(pts)).attr("fill", "none").attr("stroke", "#1f5fa8").attr("stroke-width", 2.2)
        .attr("data-last-t", lastT);
      const lastP = pts[pts.length - 1];
      pg.append("circle").attr("cx", x(toDate(lastP[0]))).attr("cy", y(lastP[P.key])).attr("r", 4).attr("fill", "#1f5fa8")
        .attr("data-curve-end", P.name).attr("data-t", lastP[0]);
      // Bound and closure.
      const mark = (t, label, dash, colour) => {
        if (t === null || t === undefined) return;
        const xx = x(toDate(t));
        pg.append("line").attr("x1", xx).attr("x2", xx).attr("y1", top).attr("y2", bottom).attr("stroke", colour).attr("stroke-width", 1.4).attr("stroke-dasharray", dash)
          .attr("data-mark", label);
      };
      if (P.key === 1) {
        // The key, in the top margin on the right.
        const key = [["delivered", "#1f5fa8", ""], ["due by then", "#8d99a6", "4 3"]];
        if (S.lower_bound !== null && S.lower_bound !== undefined) key.push([`bound ${fmtShort(toDate(S.lower_bound))}Z`, "#6a1b9a", "5 3"]);
        if (S.closure !== null && S.closure !== undefined) key.push([`closure ${fmtShort(toDate(S.closure))}Z`, "#c0392b", ""]);
        let kx = W - m.r;
        for (const [text, colour, dash] of key.reverse()) {
          g.append("text").attr("x", kx).attr("y", top - 6).attr("text-anchor", "end").text(text);
          const tw = 6.2 * text.length; // the svg is not in the page yet, so it cannot be measured
          g.append("line").attr("x1", kx - tw - 24).attr("x2", kx - tw - 4).attr("y1", top - 10).attr("y2", top - 10).attr("stroke", colour).attr("stroke-width", 2).attr("stroke-dasharray", dash);
          kx -= tw + 40;
        }
        // Due dates beyond the window, said in words.
        const later = due.filter(([r]) => toDate(r.due) > view[1]);
        if (later.length) {
          const first = d3.min(later, ([r]) => r.due);
          pg.append("text").attr("x", W - m.r - 4).attr("y", bottom - 10).attr("text-anchor", "end").attr("fill", "#5f6b76")
            .text(`${later.length} requirement${later.length > 1 ? "s" : ""} due later, from ${fmtShort(toDate(first))}Z →`);
        }
      }
      mark(S.lower_bound, "bound", "5 3", "#6a1b9a");
      mark(S.closure, "closure", "", "#c0392b");
      // Due dates of the requirements in the filter.
      pg.append("g").selectAll("path").data(due).join("path")
        .attr("transform", ([r]) => `translate(${x(toDate(r.due))},${bottom})`).attr("d", "M0,0L-4,-7L4,-7Z")
        .attr("fill", ([r, i]) => reqColour(i)).attr("stroke", "#fff").attr("stroke-width", 0.5)
        .attr("data-due", ([r]) => r.id)
        .on("mousemove", (e, [r]) => showTip(e, `<b>${esc(r.id)}</b> due ${when(r.due)}<br>delivered ${when(r.delivered)}${r.late_min > 0 ? `, <b>late by ${dur(r.late_min)}</b>` : ""}`))
        .on("mouseleave", hideTip);
    }
    // Hover: the amounts delivered at the pointer's time.
    const rule = svg.append("line").attr("y1", m.t).attr("y2", H - m.b - 20).attr("stroke", "#1d2329").attr("stroke-opacity", 0.35).attr("visibility", "hidden").attr("pointer-events", "none");
    const totP = pts[pts.length - 1][1], totK = pts[pts.length - 1][2];
    svg.append("rect").attr("x", m.l).attr("y", m.t).attr("width", W - m.l - m.r).attr("height", H - m.t - m.b - 20).attr("fill", "transparent").lower()
      .on("mousemove", (e) => {
        const [px] = d3.pointer(e);
        const t = Math.round((x.invert(px).getTime()) / 60000 - D.t0);
        const k = d3.bisector((p) => p[0]).right(pts, t) - 1;
        const p = pts[Math.max(0, k)];
        rule.attr("x1", px).attr("x2", px).attr("visibility", "visible");
        showTip(e, `${when(t)} <span class="t">(${sinceStart(t)})</span><br>${fmtInt(p[1])} people${totP ? ` (${d3.format(".0%")(p[1] / totP)})` : ""}, ${fmtT(p[2])}${totK ? ` (${d3.format(".0%")(p[2] / totK)})` : ""} delivered`);
      })
      .on("mouseleave", () => { rule.attr("visibility", "hidden"); hideTip(); });
    host.replaceChildren(svg.node());
  }

  // ---- Gantt chart
  let gantt = null;
  function renderGantt() {
    const W = 1000, labelW = 120, rowH = 16, r = 20;
    const rows = used.filter((a) => !filtering() || a.legs.some((g) => g[4] >= 0 && loadMatch(g[4])));
    const x = d3.scaleUtc().domain(view).range([labelW, W - r]);
    const axis = d3.create("svg").attr("viewBox", `0 0 ${W} 26`);
    axis.append("g").attr("class", "axis").attr("transform", "translate(0,24)").call(d3.axisTop(x).ticks(10).tickFormat(tickFmt).tickSizeOuter(0));
    axis.append("g").attr("class", "brush").call(d3.brushX().extent([[labelW, 0], [W - r, 26]]).on("end", (ev) => {
      if (!ev.selection) return;
      const [a, b] = ev.selection.map((px) => x.invert(px));
      if (b - a >= 3600000) setView([a, b]); // an hour at least
    }));
    axis.on("dblclick", () => setView(full));
    $("gantt-axis").replaceChildren(axis.node());
    $("zoom-reset").hidden = view === full;
    const H = Math.max(rowH, rows.length * rowH) + 4;
    const svg = d3.create("svg").attr("viewBox", `0 0 ${W} ${H}`).attr("role", "img").attr("aria-label", "Gantt chart");
    // Zebra rows, day lines, bound and closure.
    svg.append("clipPath").attr("id", "gantt-clip").append("rect").attr("x", labelW).attr("y", 0).attr("width", W - labelW - r).attr("height", H);
    const bg = svg.append("g").attr("clip-path", "url(#gantt-clip)");
    let zebra = "";
    for (let k = 1; k < rows.length; k += 2) zebra += `M${labelW},${k * rowH}h${W - labelW - r}v${rowH}h${-(W - labelW - r)}Z`;
    bg.append("path").attr("d", zebra).attr("fill", "#f6f8fa");
    bg.selectAll("line.day").data(d3.utcDay.range(view[0], view[1])).join("line").attr("class", "day")
      .attr("x1", (d) => x(d)).attr("x2", (d) => x(d)).attr("y1", 0).attr("y2", H).attr("stroke", "#e3e8ed");
    for (const [t, c, dash] of [[S.lower_bound, "#6a1b9a", "5 3"], [S.closure, "#c0392b", ""]]) {
      if (t === null || t === undefined) continue;
      bg.append("line").attr("x1", x(toDate(t))).attr("x2", x(toDate(t))).attr("y1", 0).attr("y2", H).attr("stroke", c).attr("stroke-dasharray", dash);
    }
    // Labels: one per row, each carrying data-aircraft.
    const labels = svg.append("g");
    labels.selectAll("text").data(rows).join("text").attr("x", 4).attr("y", (a, k) => k * rowH + rowH / 2 + 4)
      .attr("data-aircraft", (a) => a.id).text((a) => (a.id.length > 18 ? a.id.slice(0, 17) + "…" : a.id));
    // Bars: one path per colour.
    const byColour = new Map();
    const vLo = view[0].getTime() / 60000 - D.t0, vHi = view[1].getTime() / 60000 - D.t0;
    rows.forEach((a, k) => {
      for (const g of a.legs) {
        if (g[3] < vLo || g[2] > vHi) continue;
        const c = loadColour(g[4]);
        const x0 = x(toDate(g[2])), x1 = Math.max(x0 + 0.8, x(toDate(g[3])));
        const h = g[4] >= 0 ? rowH - 5 : 4;
        const y0 = k * rowH + (rowH - h) / 2;
        byColour.set(c, (byColour.get(c) || "") + `M${x0.toFixed(1)},${y0.toFixed(1)}H${x1.toFixed(1)}v${h}H${x0.toFixed(1)}Z`);
      }
    });
    const bars = svg.append("g").attr("clip-path", "url(#gantt-clip)");
    for (const [c, d] of byColour) bars.append("path").attr("d", d).attr("fill", c);
    // Pointer: find the row from y, the leg from x.
    const hover = svg.append("rect").attr("fill", "none").attr("stroke", "#1d2329").attr("stroke-width", 1.2).attr("visibility", "hidden").attr("pointer-events", "none");
    svg.on("mousemove", (ev) => {
      const [px, py] = d3.pointer(ev);
      const k = Math.floor(py / rowH), a = rows[k];
      if (!a) { hideTip(); hover.attr("visibility", "hidden"); return; }
      const t = x.invert(px).getTime() / 60000 - D.t0;
      const tol = (x.invert(px + 3).getTime() - x.invert(px).getTime()) / 60000;
      const legIdx = a.legs.findIndex((g) => g[2] - tol <= t && t <= g[3] + tol);
      const ty = typeOf(a);
      if (legIdx < 0) {
        hover.attr("visibility", "hidden");
        if (px < labelW) showTip(ev, `<b>${esc(a.id)}</b> ${ty ? esc(ty.name || ty.id) : ""}<br>${fmtInt(a.legs.length)} legs, ${fmtInt(a.legs.filter((g) => g[4] >= 0).length)} loaded<br>based at ${esc(afName(a.base))}`);
        else hideTip();
        return;
      }
      const g = a.legs[legIdx];
      const x0 = x(toDate(g[2])), x1 = Math.max(x0 + 0.8, x(toDate(g[3])));
      hover.attr("x", x0).attr("y", k * rowH + 1).attr("width", x1 - x0).attr("height", rowH - 2).attr("visibility", "visible");
      showTip(ev, `<b>${esc(a.id)}</b> <span class="t">${ty ? esc(ty.id) : ""}</span> leg ${legIdx + 1}<br>${esc(afName(g[0]))} → ${esc(afName(g[1]))}<br>` +
        `${when(g[2])} → ${when(g[3])} <span class="t">(${dur(g[3] - g[2])})</span><br>${loadHtml(g[4])}`);
    }).on("mouseleave", () => { hover.attr("visibility", "hidden"); hideTip(); });
    $("gantt-chart").replaceChildren(svg.node());
    // Legend.
    $("gantt-colour").textContent = F.colour === "op" ? "operator" : "requirement";
    const seen = new Map();
    for (const a of rows) for (const g of a.legs) if (g[4] >= 0 && loadMatch(g[4])) {
      const l = LOADS[g[4]];
      const key = F.colour === "op" ? (REQ[l.main] ? REQ[l.main].operator : "?") : reqId(l.main);
      if (!seen.has(key)) seen.set(key, loadColour(g[4]));
    }
    const items = Array.from(seen).slice(0, 24).map(([k, c]) => `<span><span class="swatch" style="background:${c}"></span>${esc(k)}</span>`);
    if (seen.size > 24) items.push(`<span class="muted">and ${seen.size - 24} more (colours repeat)</span>`);
    items.push(`<span><span class="swatch" style="background:#9aa5b1;height:4px;vertical-align:2px"></span>empty</span>`);
    if (filtering()) items.push(`<span><span class="swatch" style="background:#d9dee3"></span>other requirements</span>`);
    $("gantt-legend").innerHTML = items.join("");
    // Where the first loaded leg is drawn on screen (for tests and tours).
    gantt = {
      rows: rows.length,
      firstLoadedLegBox() {
        const k = rows.findIndex((a) => a.legs.some((g) => g[4] >= 0));
        if (k < 0) return null;
        const g = rows[k].legs.find((l) => l[4] >= 0);
        const box = svg.node().getBoundingClientRect(), sx = box.width / W, sy = box.height / H;
        const x0 = x(toDate(g[2])), x1 = Math.max(x0 + 0.8, x(toDate(g[3])));
        return { x: box.left + x0 * sx, y: box.top + (k * rowH + 3) * sy, width: (x1 - x0) * sx, height: (rowH - 6) * sy };
      },
    };
  }

  // ---- ground occupancy
  function groundIntervals() {
    const per = AF.map(() => []);
    const endT = Math.max(tHi, D.horizon || 0);
    AC.forEach((a, ai) => {
      a.legs.forEach((g, k) => {
        const at = g[1];
        if (at === a.base || !AF[at]) return;
        const next = a.legs[k + 1];
        per[at].push([g[3], next ? next[2] : endT, ai]);
      });
    });
    return per;
  }
  function renderOccupancy() {
    const host = $("occupancy-chart");
    const W = 1000, labelW = 170, r = 20, h = 54, gap = 14;
    const per = groundIntervals();
    const touched = new Set();
    for (const a of AC) for (const g of a.legs) { touched.add(g[0]); touched.add(g[1]); }
    const fields = [];
    for (const i of touched) {
      if (!AF[i]) continue;
      const evs = [];
      for (const [s, e] of per[i]) { evs.push([s, 1]); evs.push([e, -1]); }
      evs.sort((p, q) => p[0] - q[0] || p[1] - q[1]); // take-offs first: [landing, take-off)
      const steps = [[tLo, 0]];
      let n = 0, peak = 0;
      for (const [t, d] of evs) {
        n += d;
        const last = steps[steps.length - 1];
        if (last[0] === t) last[1] = n; else steps.push([t, n]);
        if (n > peak) peak = n;
      }
      const mog = AF[i].mog;
      fields.push({ i, steps, peak, mog, util: mog === null || mog === undefined ? -1 : mog === 0 ? (peak > 0 ? 99 : 0) : peak / mog });
    }
    fields.sort((a, b) => b.util - a.util || b.peak - a.peak);
    const x = d3.scaleUtc().domain(view).range([labelW, W - r]);
    // Airfields where rule 6 counts nothing (only their own aircraft stand there) get a thin row.
    const tall = (f) => f.peak > 0;
    const tops = [];
    let acc = 0;
    for (const f of fields) { tops.push(acc + 4); acc += (tall(f) ? h : 18) + gap; }
    const H = acc + 30;
    const svg = d3.create("svg").attr("viewBox", `0 0 ${W} ${H}`).attr("role", "img").attr("aria-label", "ground occupancy");
    svg.append("g").attr("class", "axis").attr("transform", `translate(0,${H - 24})`).call(d3.axisBottom(x).ticks(10).tickFormat(tickFmt).tickSizeOuter(0));
    svg.append("clipPath").attr("id", "occupancy-clip").append("rect").attr("x", labelW).attr("y", 0).attr("width", W - labelW - r).attr("height", H);
    const days = d3.utcDay.range(d3.utcDay.offset(d3.utcDay.floor(view[0]), -1), view[1]);
    fields.forEach((f, k) => {
      const a = AF[f.i];
      if (!tall(f)) {
        const top = tops[k];
        const g = svg.append("g").attr("data-occupancy", a.id);
        g.append("text").attr("x", 0).attr("y", top + 13).attr("font-weight", 600).text(a.id);
        g.append("text").attr("x", labelW).attr("y", top + 13).attr("fill", "#5f6b76")
          .text(`${a.name ? a.name + ": " : ""}no aircraft on the ground that count against its MOG${f.mog === null || f.mog === undefined ? " (unlimited)" : ` (${f.mog})`}; only its own based aircraft stand there`);
        return;
      }
      const top = tops[k], bottom = top + h;
      const ymax = Math.max(1, f.peak, f.mog ?? 0);
      const y = d3.scaleLinear().domain([0, ymax]).range([bottom, top + 4]);
      const g = svg.append("g").attr("data-occupancy", a.id);
      g.append("rect").attr("x", labelW).attr("y", top).attr("width", W - labelW - r).attr("height", h).attr("fill", "#fbfcfd").attr("stroke", "#e3e8ed");
      if (a.open !== null && a.open !== undefined && !(a.open === 0 && a.close >= 1440)) {
        // Closed from close to open (wrapping midnight when close < open).
        let d = "";
        for (const day of days) {
          const base = day.getTime();
          const spans = a.close > a.open ? [[a.close, 1440 + a.open]] : [[a.close, a.open]];
          for (const [s, e] of spans) {
            const x0 = Math.max(labelW, x(new Date(base + s * 60000))), x1 = Math.min(W - r, x(new Date(base + e * 60000)));
            if (x1 > x0) d += `M${x0.toFixed(1)},${top}H${x1.toFixed(1)}v${h}H${x0.toFixed(1)}Z`;
          }
        }
        g.append("path").attr("d", d).attr("fill", "#e6e9ed");
      }
      const plot = g.append("g").attr("clip-path", "url(#occupancy-clip)");
      const steps = f.steps.concat([[tHi + pad, f.steps[f.steps.length - 1][1]]]);
      const area = d3.area().curve(d3.curveStepAfter).x((p) => x(toDate(p[0]))).y0(bottom).y1((p) => y(p[1]));
      plot.append("path").attr("d", area(steps)).attr("fill", "#7aa6d6").attr("fill-opacity", 0.8);
      if (f.mog !== null && f.mog !== undefined) {
        if (f.peak > f.mog) {
          const id = `over-${k}`;
          g.append("clipPath").attr("id", id).append("rect").attr("x", labelW).attr("y", top).attr("width", W - labelW - r).attr("height", Math.max(0, y(f.mog) - top));
          plot.append("g").attr("clip-path", `url(#${id})`).append("path").attr("d", area(steps)).attr("fill", "#c0392b");
        }
        g.append("line").attr("x1", labelW).attr("x2", W - r).attr("y1", y(f.mog)).attr("y2", y(f.mog)).attr("stroke", "#c0392b").attr("stroke-width", 1.3).attr("stroke-dasharray", "5 2");
      }
      g.append("text").attr("x", 0).attr("y", top + 14).attr("font-weight", 600).text(`${a.id}`);
      g.append("text").attr("x", 0).attr("y", top + 28).attr("class", "muted").attr("fill", "#5f6b76").text((a.name || "").slice(0, 26));
      g.append("text").attr("x", 0).attr("y", top + 42).attr("fill", f.mog !== null && f.peak > f.mog ? "#c0392b" : "#5f6b76")
        .text(`peak ${f.peak} · MOG ${f.mog ?? "∞"}`);
      g.append("rect").attr("x", labelW).attr("y", top).attr("width", W - labelW - r).attr("height", h).attr("fill", "transparent")
        .on("mousemove", (ev) => {
          const [px] = d3.pointer(ev);
          const t = x.invert(px).getTime() / 60000 - D.t0;
          const on = per[f.i].filter(([s, e]) => s <= t && t < e).map(([, , ai]) => AC[ai].id);
          showTip(ev, `<b>${esc(a.id)}</b> ${when(Math.round(t))}<br>${on.length} on the ground (MOG ${f.mog ?? "unlimited"})${on.length ? "<br><span class=\"t\">" + on.slice(0, 12).map(esc).join(", ") + (on.length > 12 ? ", …" : "") + "</span>" : ""}`);
        })
        .on("mouseleave", hideTip);
    });
    host.replaceChildren(svg.node());
  }

  // ---- manifests
  let manifestLimit = 100;
  function renderManifests() {
    const rows = LOADS.map((l, i) => i).filter((i) => loadMatch(i))
      .sort((p, q) => (LOADS[p].dep ?? Infinity) - (LOADS[q].dep ?? Infinity) || p - q);
    const shown = rows.slice(0, manifestLimit);
    $("manifest-status").textContent = `${fmtInt(rows.length)} loads${filtering() ? " for the filter" : ""}, by departure; showing ${fmtInt(shown.length)}.`;
    const chips = (list) => list.map((s) => `<span class="chip" style="background:${s[1]}22;border-left:3px solid ${s[1]}">${s[0]}</span>`).join(" ");
    const body = shown.map((li) => {
      const l = LOADS[li], a = AC[l.aircraft], ty = typeOf(a);
      const pax = chips(l.pax.map(([r, n]) => [`${fmtInt(n)} ${esc(reqId(r))}`, reqColour(r)]));
      const items = chips(l.items.map(([r, name, n, kg]) => [`${fmtInt(n)} × ${esc(name)}${kg ? ` <span class="muted">${fmtT(kg)}</span>` : ""} · ${esc(reqId(r))}`, reqColour(r)]));
      const pct = ty && ty.payload_kg ? l.weight_kg / ty.payload_kg : null;
      const bar = pct === null ? fmtT(l.weight_kg)
        : `<div class="bar${pct > 1.0000001 ? " over" : ""}"><span style="width:${Math.min(100, pct * 100).toFixed(1)}%"></span><b>${fmtT(l.weight_kg)} / ${fmtT(ty.payload_kg)} (${Math.round(pct * 100)}%)</b></div>`;
      const seats = ty && ty.seats !== null ? `${fmtInt(l.nPax)} / ${fmtInt(ty.seats)}` : fmtInt(l.nPax);
      return `<tr data-load="${esc(l.id)}"><td><b>${esc(l.id)}</b></td><td>${esc(a ? a.id : "?")}<br><span class="muted">${esc(ty ? ty.id : "")}</span></td>` +
        `<td>${esc(afName(l.from))}→${esc(afName(l.to))}</td><td class="nowrap">${l.dep === null ? "—" : fmtShort(toDate(l.dep)) + "Z"}<br>${l.arr === null ? "—" : fmtShort(toDate(l.arr)) + "Z"}</td><td>${pax || '<span class="muted">none</span>'}</td>` +
        `<td>${items || '<span class="muted">none</span>'}</td><td>${bar}</td><td class="num">${seats}</td></tr>`;
    }).join("");
    $("manifest-table").innerHTML = `<table><thead><tr><th>Load</th><th>Aircraft</th><th>Route</th><th>Departs / arrives</th><th>People</th><th>Items</th><th>Weight / payload</th><th class="num">Seats</th></tr></thead><tbody>${body}</tbody></table>`;
    $("manifest-more").hidden = shown.length >= rows.length;
    $("manifest-all").hidden = shown.length >= rows.length;
  }
  $("manifest-more").addEventListener("click", () => { manifestLimit += 100; guard("manifests", renderManifests); });
  $("manifest-all").addEventListener("click", () => { manifestLimit = Infinity; guard("manifests", renderManifests); });
  window.addEventListener("beforeprint", () => { if (manifestLimit !== Infinity) { manifestLimit = Infinity; guard("manifests", renderManifests); } });

  // ---------------------------------------------------------------- wiring
  function fillFilters() {
    const opSel = $("f-operator");
    for (const o of reqOps) opSel.add(new Option(o, o));
    fillReqOptions();
  }
  function fillReqOptions() {
    const sel = $("f-req");
    sel.length = 1;
    REQ.forEach((r, i) => { if (!F.op || r.operator === F.op) sel.add(new Option(r.id, String(i))); });
    sel.value = F.req >= 0 ? String(F.req) : "";
  }
  function setView(v) {
    view = v;
    guard("curve", renderCurve);
    guard("gantt", renderGantt);
    guard("occupancy", renderOccupancy);
  }
  $("zoom-reset").addEventListener("click", () => setView(full));
  function update() {
    guard("summary", renderReqTable);
    guard("map", renderMap);
    guard("curve", renderCurve);
    guard("gantt", renderGantt);
    guard("manifests", renderManifests);
    const n = REQ.filter((r, i) => reqMatch(i)).length;
    $("f-status").textContent = filtering() ? `${n} of ${REQ.length} requirements` : "";
  }
  $("f-operator").addEventListener("change", (e) => {
    F.op = e.target.value;
    if (F.req >= 0 && F.op && REQ[F.req].operator !== F.op) F.req = -1;
    fillReqOptions();
    update();
  });
  $("f-req").addEventListener("change", (e) => { F.req = e.target.value === "" ? -1 : +e.target.value; update(); });
  $("f-colour").addEventListener("change", (e) => { F.colour = e.target.value; guard("gantt", renderGantt); });
  $("f-width").addEventListener("change", (e) => { F.width = e.target.value; guard("map", renderMap); });
  $("f-clear").addEventListener("click", () => {
    F.op = ""; F.req = -1; $("f-operator").value = ""; fillReqOptions(); update();
  });

  guard("summary", fillFilters);
  guard("summary", renderSummary);
  guard("map", renderMap);
  guard("curve", renderCurve);
  guard("gantt", renderGantt);
  guard("occupancy", renderOccupancy);
  guard("manifests", renderManifests);
  // For tests and the curious: how long drawing took, and that it is done.
  window.sortieReport = {
    renderMs: performance.now() - t0ms,
    readyMs: null, // after the first frame is painted
    get gantt() { return gantt; },
    firstLoadedLegBox: () => (gantt ? gantt.firstLoadedLegBox() : null),
  };
  requestAnimationFrame(() => requestAnimationFrame(() => {
    window.sortieReport.readyMs = performance.now();
    document.body.dataset.ready = "1";
  }));
})();
