// Browser test of the HTML report: opens a report file in Debian's Chromium,
// headless, through playwright-core (from web/node_modules; never a
// downloaded browser), and checks what the page shows against the data it
// embeds.
//
//   node tests/browser/report.test.mjs REPORT.html [--screenshots DIR] [--max-ms N]
//   SORTIE_REPORT=REPORT.html node --test tests/browser/report.test.mjs
//
// Environment: SORTIE_REPORT (the file), SORTIE_SCREENSHOTS (a folder for
// PNGs of the page and each part), SORTIE_CHROMIUM (default /usr/bin/chromium),
// SORTIE_MAX_MS (a render budget to enforce; none by default: speed is measured
// by bench/report.sh, never asserted in the test suite), SORTIE_MAX_BYTES (default 3 MB).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import { mkdtempSync, rmSync, readFileSync, statSync, mkdirSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");
const require = createRequire(join(root, "web", "package.json"));
const { chromium } = require("playwright-core");

function options() {
  const o = {
    report: process.env.SORTIE_REPORT || null,
    shots: process.env.SORTIE_SCREENSHOTS || null,
    maxMs: process.env.SORTIE_MAX_MS ? Number(process.env.SORTIE_MAX_MS) : null,
    maxBytes: Number(process.env.SORTIE_MAX_BYTES || 3 * 1024 * 1024),
    chromium: process.env.SORTIE_CHROMIUM || "/usr/bin/chromium",
  };
  const argv = process.argv.slice(2);
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === "--screenshots") o.shots = argv[++i];
    else if (argv[i] === "--max-ms") o.maxMs = Number(argv[++i]);
    else if (!argv[i].startsWith("-") && argv[i].endsWith(".html")) o.report = argv[i];
  }
  return o;
}
const opt = options();
if (!opt.report) {
  process.stderr.write("report.test.mjs: give the report file as an argument or in SORTIE_REPORT\n");
  process.exit(2);
}
if (!existsSync(opt.chromium)) {
  process.stderr.write(`report.test.mjs: no Chromium at ${opt.chromium}: apt-get install chromium (or set SORTIE_CHROMIUM)\n`);
  process.exit(1);
}
const file = resolve(opt.report);
const html = readFileSync(file, "utf8");
const PARTS = ["summary", "map", "curve", "gantt", "occupancy", "manifests"];

let browser, page, profile, data;
const consoleErrors = [], pageErrors = [], failed = [], foreign = [];
let loadMs = 0;

before(async () => {
  profile = mkdtempSync(join(tmpdir(), "sortie-chromium-"));
  // A persistent context is how playwright takes a fresh --user-data-dir.
  browser = await chromium.launchPersistentContext(profile, {
    executablePath: opt.chromium,
    headless: true,
    viewport: { width: 1280, height: 900 },
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
           "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  page = browser.pages()[0] || (await browser.newPage());
  page.on("console", (m) => { if (m.type() === "error") consoleErrors.push(m.text()); });
  page.on("pageerror", (e) => pageErrors.push(String(e)));
  page.on("requestfailed", (r) => failed.push(`${r.url()}: ${r.failure()?.errorText}`));
  page.on("request", (r) => { if (!/^(file|data|about|blob):/.test(r.url())) foreign.push(r.url()); });
  const t = Date.now();
  await page.goto(pathToFileURL(file).href, { waitUntil: "load" });
  await page.waitForSelector("body[data-ready='1']", { timeout: 20000 });
  loadMs = Date.now() - t;
  data = await page.evaluate(() => JSON.parse(document.getElementById("sortie-data").textContent));
});

after(async () => {
  await browser?.close();
  if (profile) rmSync(profile, { recursive: true, force: true });
});

test("the file is self-contained and small", () => {
  assert.ok(statSync(file).size < opt.maxBytes, `${statSync(file).size} bytes`);
  assert.doesNotMatch(html, /<(script|link|img|iframe)[^>]+(src|href)\s*=\s*["']?(https?:)?\/\//i, "no external resource");
  // The only URLs are XML namespaces (identifiers d3 needs) and the libraries' attribution comments.
  const allowed = /^https?:\/\/(www\.w3\.org\/|d3js\.org$|github\.com\/topojson\/topojson-client$)/;
  const urls = (html.match(/https?:\/\/[^\s"'<>)\\]+/g) || []).filter((u) => !allowed.test(u));
  assert.deepEqual(urls, [], "no other URL in the file");
});

test("the page loads with no console error and no failed or foreign request", () => {
  assert.deepEqual(pageErrors, []);
  assert.deepEqual(consoleErrors, []);
  assert.deepEqual(failed, []);
  assert.deepEqual(foreign, []);
});

test("the page reports its drawing time" + (opt.maxMs ? ` within ${opt.maxMs} ms` : ""), async () => {
  const ms = await page.evaluate(() => performance.now());
  const render = await page.evaluate(() => window.sortieReport.renderMs);
  const ready = await page.evaluate(() => window.sortieReport.readyMs);
  process.stderr.write(`# ${file}: drawn in ${render.toFixed(0)} ms, ready ${ready.toFixed(0)} ms after navigation (goto+wait ${loadMs} ms, now ${ms.toFixed(0)})\n`);
  assert.ok(Number.isFinite(ready) && ready > 0, `readyMs is ${ready}`);
  if (opt.maxMs) assert.ok(ready < opt.maxMs, `ready after ${ready} ms`);
});

test("all six parts are present and drawn", async () => {
  for (const p of PARTS) {
    const el = page.locator(`[data-part="${p}"]`);
    assert.equal(await el.count(), 1, p);
    assert.ok(await el.isVisible(), `${p} visible`);
    assert.equal(await el.locator(".error").count(), 0, `${p} drew without error`);
  }
  for (const p of ["map", "curve", "gantt", "occupancy"])
    assert.ok(await page.locator(`#${p} svg`).count() >= 1, `${p} has a chart`);
  assert.ok(await page.locator("#manifests table").count() === 1, "manifest table");
  assert.ok(await page.locator("#cards .card").count() >= 5, "summary cards");
});

test("names are shown as text, whatever they hold", async () => {
  const title = await page.textContent("#title");
  assert.ok(title.includes(data.scenario.name), title);
  assert.equal(await page.locator("#title *").count(), 0, "no markup from the data");
  assert.equal(await page.locator("script").count(), 5, "no script from the data");
});

test("the map shows every airfield, inside the map", async () => {
  const placed = data.airfields.filter((a) => Number.isFinite(a.lat) && Number.isFinite(a.lon)).map((a) => a.id);
  const shown = await page.$$eval("#map [data-airfield]", (els) => els.map((e) => e.getAttribute("data-airfield")));
  assert.deepEqual(shown.slice().sort(), placed.slice().sort());
  const outside = await page.$$eval("#map [data-airfield]", (els) => {
    const box = document.querySelector("#map svg").getBoundingClientRect();
    return els.filter((e) => {
      const r = e.querySelector("circle").getBoundingClientRect();
      const cx = r.x + r.width / 2, cy = r.y + r.height / 2;
      return !(cx >= box.left && cx <= box.right && cy >= box.top && cy <= box.bottom);
    }).map((e) => e.getAttribute("data-airfield"));
  });
  assert.deepEqual(outside, []);
});

test("the Gantt chart has one row per aircraft used", async () => {
  const usedIds = data.aircraft.filter((a) => a.legs.length > 0).map((a) => a.id);
  const rows = await page.$$eval("#gantt [data-aircraft]", (els) => els.map((e) => e.getAttribute("data-aircraft")));
  assert.equal(rows.length, usedIds.length);
  assert.deepEqual(rows, usedIds);
});

test("the closure curve ends at the closure", async () => {
  assert.ok(data.summary.closure !== null && data.summary.closure !== undefined, "the plan has a closure");
  const ends = await page.$$eval("#curve [data-curve-end]", (els) => els.map((e) => [e.getAttribute("data-curve-end"), +e.getAttribute("data-t"), +e.getAttribute("cx")]));
  assert.equal(ends.length, 2, "people and tonnes");
  const marks = await page.$$eval("#curve [data-mark='closure']", (els) => els.map((e) => +e.getAttribute("x1")));
  assert.equal(marks.length, 2, "closure marked on both panels");
  for (const [name, t, cx] of ends) {
    assert.equal(t, data.summary.closure, `${name} curve's last point`);
    assert.ok(Math.abs(cx - marks[0]) < 0.5, `${name} curve ends on the closure line`);
  }
  assert.equal(await page.locator("#curve [data-mark='bound']").count(), data.summary.lower_bound === null ? 0 : 2);
  assert.equal(await page.getAttribute("#summary", "data-closure"), String(data.summary.closure));
});

test("ground occupancy has a panel per airfield used, with its MOG", async () => {
  const usedFields = new Set();
  for (const a of data.aircraft) for (const g of a.legs) { usedFields.add(g[0]); usedFields.add(g[1]); }
  const panels = await page.$$eval("#occupancy [data-occupancy]", (els) => els.map((e) => e.getAttribute("data-occupancy")));
  assert.deepEqual(panels.slice().sort(), [...usedFields].filter((i) => data.airfields[i]).map((i) => data.airfields[i].id).sort());
});

test("manifests list the loads with their weight against payload", async () => {
  const n = Math.min(100, data.loads.length);
  assert.equal(await page.locator("#manifests tr[data-load]").count(), n);
  if (n) assert.ok(await page.locator("#manifests tr[data-load] .bar").count() >= 1, "payload bars");
});

test("the requirement filter filters the Gantt chart, the manifests and the curve", async () => {
  const req = data.requirements.findIndex((r, i) => data.loads.some((l) => l.pax.some((p) => p[0] === i) || l.items.some((it) => it[0] === i)));
  if (req < 0) return;
  await page.selectOption("#f-req", String(req));
  const loads = data.loads.filter((l) => l.pax.some((p) => p[0] === req) || l.items.some((it) => it[0] === req));
  const rows = await page.$$eval("#manifests tr[data-load]", (els) => els.map((e) => e.getAttribute("data-load")));
  assert.equal(rows.length, Math.min(100, loads.length));
  assert.ok(rows.every((id) => loads.some((l) => l.id === id)));
  const carriers = new Set(loads.map((l) => data.aircraft[l.aircraft]?.id));
  const gantt = await page.$$eval("#gantt [data-aircraft]", (els) => els.map((e) => e.getAttribute("data-aircraft")));
  assert.deepEqual(new Set(gantt), carriers);
  const lastArr = Math.max(...loads.map((l) => l.arr));
  const end = await page.getAttribute("#curve [data-curve-end='people']", "data-t");
  assert.equal(+end, lastArr, "the filtered curve ends at the requirement's last delivery");
  assert.deepEqual(consoleErrors, []);
  await page.click("#f-clear");
  assert.equal(await page.locator("#gantt [data-aircraft]").count(), data.aircraft.filter((a) => a.legs.length).length);
});

test("hovering a loaded leg shows its details", async () => {
  const box = await page.evaluate(() => window.sortieReport.firstLoadedLegBox());
  if (!box) return;
  await page.locator("#gantt-chart").scrollIntoViewIfNeeded();
  const b = await page.evaluate(() => window.sortieReport.firstLoadedLegBox());
  await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2);
  const tip = page.locator("#tooltip");
  assert.ok(await tip.isVisible(), "tooltip shown");
  assert.match(await tip.innerText(), /load/);
  await page.mouse.move(0, 0);
});

test("dragging along the Gantt chart's time axis zooms; the button shows the whole plan", async () => {
  await page.locator("#gantt-axis").scrollIntoViewIfNeeded();
  const box = await page.locator("#gantt-axis svg").boundingBox();
  const closureX = async () => +(await page.getAttribute("#curve [data-mark='closure']", "x1"));
  const before = await closureX();
  await page.mouse.move(box.x + box.width * 0.3, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.6, box.y + box.height / 2, { steps: 5 });
  await page.mouse.up();
  assert.ok(await page.locator("#zoom-reset").isVisible(), "zoomed");
  assert.notEqual(await closureX(), before, "the curve's time axis changed");
  await page.click("#zoom-reset");
  assert.ok(!(await page.locator("#zoom-reset").isVisible()), "whole plan again");
  assert.ok(Math.abs((await closureX()) - before) < 0.01);
  assert.deepEqual(consoleErrors, []);
  assert.deepEqual(pageErrors, []);
});

test("screenshots", { skip: !opt.shots }, async () => {
  mkdirSync(opt.shots, { recursive: true });
  await page.setViewportSize({ width: 1280, height: 900 });
  // The sticky filter bar would cover the top of each part's picture.
  await page.addStyleTag({ content: ".top { position: static !important; }" });
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: join(opt.shots, "report-top.png") });
  for (const p of PARTS) {
    // Long parts (manifests of many loads) are cut to their first screenful.
    const box = await page.$eval(`[data-part="${p}"]`, (e) => {
      const r = e.getBoundingClientRect();
      return { x: r.left + window.scrollX, y: r.top + window.scrollY, width: r.width, height: r.height };
    });
    if (box.height <= 1400) await page.locator(`[data-part="${p}"]`).screenshot({ path: join(opt.shots, `report-${p}.png`) });
    else await page.screenshot({ path: join(opt.shots, `report-${p}.png`), fullPage: true, clip: { ...box, height: 1200 } });
  }
  assert.ok(existsSync(join(opt.shots, "report-map.png")));
});
