// Builds the report template: web/template.html with d3, topojson-client,
// the Natural Earth countries topology (world-atlas), report.css and
// report.js inlined, so that one file holds the whole page. The C library
// embeds the result and puts a plan's data where "@@SORTIE_DATA@@" stands.
//
//   node build.mjs [--install] [--out FILE] [--sample DATA.json --sample-out PAGE.html]
//
// --install  runs `npm ci` first, but only when node_modules lacks a pinned
//            package, so that a second build needs no network.
// --out      where the template goes (default web/dist/report-template.html).
// --sample   also writes a filled page from a data blob, for development.
import { readFileSync, writeFileSync, renameSync, mkdirSync, existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { spawnSync } from "node:child_process";

const here = dirname(fileURLToPath(import.meta.url));
const PLACEHOLDER = "@@SORTIE_DATA@@";
// The countries at 1:110m keep the page small; 1:50m would add 650 kB.
const ATLAS = "world-atlas/countries-110m.json";

function fail(msg) {
  process.stderr.write(`build.mjs: ${msg}\n`);
  process.exit(1);
}

function args(argv) {
  const o = { install: false, out: join(here, "dist", "report-template.html"), sample: null, sampleOut: null };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const val = () => { if (i + 1 >= argv.length) fail(`${a} needs a value`); return argv[++i]; };
    if (a === "--install") o.install = true;
    else if (a === "--out") o.out = resolve(val());
    else if (a === "--sample") o.sample = resolve(val());
    else if (a === "--sample-out") o.sampleOut = resolve(val());
    else fail(`unknown argument ${a}`);
  }
  if (o.sample && !o.sampleOut) fail("--sample needs --sample-out");
  return o;
}

// True when every dependency in package.json is installed at the version the lock pins.
function installed() {
  const pkg = JSON.parse(readFileSync(join(here, "package.json"), "utf8"));
  const lockPath = join(here, "package-lock.json");
  const lock = existsSync(lockPath) ? JSON.parse(readFileSync(lockPath, "utf8")) : null;
  const names = Object.keys({ ...pkg.dependencies, ...pkg.devDependencies });
  return names.every((name) => {
    const p = join(here, "node_modules", name, "package.json");
    if (!existsSync(p)) return false;
    const have = JSON.parse(readFileSync(p, "utf8")).version;
    const want = lock?.packages?.[`node_modules/${name}`]?.version ?? { ...pkg.dependencies, ...pkg.devDependencies }[name];
    return have === want;
  });
}

function install() {
  if (installed()) return;
  const ci = existsSync(join(here, "package-lock.json"));
  const cmd = ci ? ["ci", "--no-audit", "--no-fund"] : ["install", "--no-audit", "--no-fund"];
  process.stderr.write(`build.mjs: npm ${cmd.join(" ")} in ${here}\n`);
  const r = spawnSync("npm", cmd, { cwd: here, stdio: ["ignore", "inherit", "inherit"] });
  if (r.error) fail(`cannot run npm: ${r.error.message}`);
  if (r.status !== 0) fail(`npm ${cmd[0]} failed (exit ${r.status})`);
  if (!installed()) fail("npm finished but the pinned packages are still missing");
}

const read = (rel) => {
  const p = join(here, rel);
  if (!existsSync(p)) fail(`missing ${p}: run \`npm ci\` in ${here} (or build with --install)`);
  return readFileSync(p, "utf8");
};

// Script text inside <script> must not contain "</script" or "<!--".
const safeScript = (js) => js.replace(/<\/(script)/gi, "<\\/$1").replace(/<!--/g, "<\\!--");
// JSON inside <script type="application/json">: "<\/" is the same JSON string.
const safeJson = (json) => json.replace(/<\//g, "<\\/").replace(/<!--/g, "<\\u0021--");

function splice(template, marker, text) {
  const at = template.indexOf(marker);
  if (at < 0 || template.indexOf(marker, at + 1) >= 0) fail(`template must hold ${marker} exactly once`);
  return template.slice(0, at) + text + template.slice(at + marker.length);
}

function build() {
  let page = read("template.html");
  page = splice(page, "/*@REPORT_CSS@*/", read("report.css"));
  page = splice(page, "/*@WORLD_JSON@*/", safeJson(JSON.stringify(JSON.parse(read(join("node_modules", ATLAS))))));
  page = splice(page, "/*@D3_JS@*/", safeScript(read("node_modules/d3/dist/d3.min.js")));
  page = splice(page, "/*@TOPOJSON_JS@*/", safeScript(read("node_modules/topojson-client/dist/topojson-client.min.js")));
  page = splice(page, "/*@REPORT_JS@*/", safeScript(read("report.js")));
  const first = page.indexOf(PLACEHOLDER);
  if (first < 0 || page.indexOf(PLACEHOLDER, first + 1) >= 0) fail(`the page must hold ${PLACEHOLDER} exactly once`);
  return page;
}

function writeAtomic(path, text) {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.tmp-${process.pid}`;
  writeFileSync(tmp, text);
  renameSync(tmp, path);
}

const o = args(process.argv.slice(2));
if (o.install) install();
const page = build();
writeAtomic(o.out, page);
process.stderr.write(`build.mjs: wrote ${o.out} (${page.length} bytes)\n`);
if (o.sample) {
  const data = safeJson(JSON.stringify(JSON.parse(readFileSync(o.sample, "utf8"))));
  writeAtomic(o.sampleOut, page.replace(PLACEHOLDER, () => data));
  process.stderr.write(`build.mjs: wrote ${o.sampleOut}\n`);
}
