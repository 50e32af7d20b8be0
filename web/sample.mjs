// Writes a synthetic report data blob ("sortie/report-data@1", see
// docs/report.md) so that the page can be developed and timed without the
// planner: `node sample.mjs [S|M|L] > sample-data.json`. The shuttles it
// invents respect ground times but not MOG; it is test data, not a plan.
const scale = (process.argv[2] || "S").toUpperCase();
const sizes = { S: [8, 3, 6], M: [200, 12, 60], L: [800, 30, 200] }; // aircraft, airfields, requirements
const [nAircraft, nExtraFields, nReqs] = sizes[scale] || sizes.S;
const mult = { S: 1, M: 6, L: 20 }[scale] || 1;

let seed = 7;
const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
const pick = (a) => a[Math.floor(rand() * a.length)];

const airfields = [
  { id: "UAAA", name: "Almaty International", lat: 43.352, lon: 77.041, mog: 6, open: null, close: null },
  { id: "UUBI", name: "Ivanovo-Severny", lat: 56.939, lon: 40.941, mog: null, open: null, close: null },
  { id: "UUMU", name: "Chkalovsky", lat: 55.878, lon: 38.062, mog: 8, open: null, close: null },
  { id: "UMMS", name: "Minsk National", lat: 53.882, lon: 28.031, mog: 4, open: 360, close: 1320 },
  { id: "UDYZ", name: "Yerevan Zvartnots", lat: 40.147, lon: 44.396, mog: 3, open: 300, close: 1380 },
  { id: "UTDD", name: "Dushanbe", lat: 38.543, lon: 68.825, mog: 2, open: 0, close: 1200 },
];
for (let i = 0; i < nExtraFields; i++)
  airfields.push({ id: `XF${i}`, name: `Field ${i}`, lat: 35 + rand() * 25, lon: 25 + rand() * 55,
                   mog: 2 + Math.floor(rand() * 6), open: null, close: null });
airfields.forEach((a) => (a.known = true));
const operators = ["RU", "BY", "AM", "TJ"];
const types = [
  { id: "IL-76MD", name: "Ilyushin Il-76MD", payload_kg: 40000, seats: 126, cruise: 750 },
  { id: "AN-124-100", name: "Antonov An-124-100", payload_kg: 120000, seats: 88, cruise: 800 },
];
const homes = [1, 2, 3, 4, 5];
const reqs = [];
for (let i = 0; i < nReqs; i++) {
  const op = i < 4 ? operators[i] : pick(operators);
  const to = i < 4 ? [1, 3, 4, 5][i] : pick(homes.concat(airfields.slice(6).map((_, k) => 6 + k)));
  const from = i < 4 ? 0 : pick([0, 0, 0, 6 + Math.floor(rand() * Math.max(1, nExtraFields))]);
  reqs.push({ id: `${op}-R${i}`, operator: op, from: from === to ? 0 : from, to: from === to ? 1 : to,
              pax: Math.floor(rand() * 800 * mult), cargo: [{ name: "BTR-82A", kg: 15400, n: Math.floor(rand() * 8 * mult) },
                                                    { name: "KamAZ-5350", kg: 9000, n: Math.floor(rand() * 10 * mult) }],
              ready: Math.floor(rand() * 600), due: 2880 + Math.floor(rand() * 10000), priority: 1 + Math.floor(rand() * 3) });
}
const rad = (d) => (d * Math.PI) / 180;
const dist = (a, b) => {
  const A = airfields[a], B = airfields[b];
  const h = Math.sin(rad(B.lat - A.lat) / 2) ** 2 + Math.cos(rad(A.lat)) * Math.cos(rad(B.lat)) * Math.sin(rad(B.lon - A.lon) / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.sqrt(h));
};
const legMin = (t, a, b) => Math.ceil((dist(a, b) / types[t].cruise) * 60) + 15;

const remaining = reqs.map((r) => ({ pax: r.pax, items: r.cargo.map((c) => c.n) }));
const aircraft = [], loads = [];
for (let i = 0; i < nAircraft; i++) {
  const type = rand() < 0.2 ? 1 : 0, base = pick([1, 2]);
  const ac = { id: `${type ? "RU-124" : "RU-76"}#${i + 1}`, fleet: type ? "RU-124" : "RU-76", type, operator: 0, base, legs: [] };
  aircraft.push(ac);
  if (i >= nAircraft * 0.95) continue; // a few stay home
  let at = base, t = Math.floor(rand() * 240);
  for (let trip = 0; trip < (scale === "S" ? 6 : 40); trip++) {
    const ri = reqs.findIndex((r, k) => remaining[k].pax > 0 || remaining[k].items.some((n) => n > 0));
    if (ri < 0) break;
    const r = reqs[ri], rem = remaining[ri];
    if (at !== r.from) { const d = legMin(type, at, r.from); ac.legs.push([at, r.from, t, t + d, -1]); t += d + 120; at = r.from; }
    t = Math.max(t, r.ready);
    let kg = 0; const items = [];
    r.cargo.forEach((c, k) => {
      const fit = Math.min(rem.items[k], Math.floor((types[type].payload_kg - kg) / c.kg));
      if (fit > 0) { items.push([ri, c.name, fit, c.kg]); rem.items[k] -= fit; kg += fit * c.kg; }
    });
    const pax = Math.min(rem.pax, types[type].seats, Math.floor((types[type].payload_kg - kg) / 100));
    rem.pax -= pax; kg += pax * 100;
    const d = legMin(type, at, r.to), li = loads.length;
    loads.push({ id: `L${li + 1}`, from: at, to: r.to, weight_kg: kg, pax: pax ? [[ri, pax]] : [], items,
                 aircraft: i, dep: t, arr: t + d });
    ac.legs.push([at, r.to, t, t + d, li]);
    t += d + 120; at = r.to;
  }
  if (at !== base) { const d = legMin(type, at, base); ac.legs.push([at, base, t, t + d, -1]); }
}
const delivered = reqs.map(() => null);
for (const l of loads) for (const [r] of l.pax.concat(l.items)) delivered[r] = Math.max(delivered[r] ?? 0, l.arr);
const closure = Math.max(...delivered.filter((d) => d !== null));
const data = {
  format: "sortie/report-data@1",
  scenario: { name: `Synthetic ${scale}-scale sample (not a plan)`, start: "2022-01-13T06:00Z", end: "2022-02-12T06:00Z", pax_kg: 100 },
  t0: Date.parse("2022-01-13T06:00:00Z") / 60000,
  horizon: 43200,
  summary: { closure, lower_bound: Math.floor(closure * 0.9), gap: closure / Math.floor(closure * 0.9) - 1,
             binding: "Almaty's MOG of 6 (about 85% of its ground minutes used until closure)",
             outcome: "feasible", loaded_legs: loads.length,
             flight_h: aircraft.reduce((s, a) => s + a.legs.reduce((u, l) => u + (l[3] - l[2]) / 60, 0), 0),
             late: reqs.filter((r, k) => delivered[k] > r.due).length, seconds: 2.0 },
  airfields,
  operators,
  types: types.map(({ cruise, ...t }) => t),
  aircraft,
  loads,
  requirements: reqs.map((r, k) => ({ id: r.id, operator: r.operator, from: r.from, to: r.to, pax: r.pax,
    cargo_kg: r.cargo.reduce((s, c) => s + c.kg * c.n, 0), items: r.cargo.reduce((s, c) => s + c.n, 0),
    ready: r.ready, due: r.due, priority: r.priority, delivered: delivered[k],
    late_min: delivered[k] !== null && delivered[k] > r.due ? delivered[k] - r.due : 0, known: true })),
};
process.stdout.write(JSON.stringify(data) + "\n");
