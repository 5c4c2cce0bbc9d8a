// The browser tests of optiviz's web build (scripts/web-test runs them):
// build-web/site served by python3 -m http.server, opened in Debian's
// chromium (headless, software WebGL 2 through SwiftShader), driven by
// puppeteer-core. Each picture is compared with the desktop program's
// --screenshot of the same scene at the same size (the native binary).
//   node tests/web/run.js SITE_DIR NATIVE_BINARY OUT_DIR
// Prints one line per check and the measured figures; exit status 1 when
// a check failed.
"use strict";
const fs = require("fs");
const path = require("path");
const net = require("net");
const { spawn, spawnSync } = require("child_process");
const puppeteer = require("puppeteer-core");
const png = require("./png.js");

const [site, native, out] = process.argv.slice(2);
if (!site || !native || !out) {
  console.error("usage: node run.js SITE_DIR NATIVE_BINARY OUT_DIR");
  process.exit(2);
}
fs.mkdirSync(out, { recursive: true });
const W = 1280, H = 720;
// The golden test's per-channel tolerance (tests/test_render_golden.c);
// MAX_OFF: pixels that may miss it, measured between SwiftShader in
// chromium and llvmpipe (see tests/web/README.md for the figures).
const TOL = 24;
const MAX_OFF = Number(process.env.OV_WEB_MAX_OFF || 0.004 * W * H);

let failures = 0, checks = 0;
function check(ok, what, detail) {
  checks++;
  if (!ok) failures++;
  console.log(`${ok ? "ok  " : "FAIL"} ${what}${detail ? ": " + detail : ""}`);
}

function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.listen(0, "127.0.0.1", () => { const p = s.address().port; s.close(() => resolve(p)); });
    s.on("error", reject);
  });
}

async function serve(dir) {
  const port = await freePort();
  const proc = spawn("python3", ["-m", "http.server", String(port), "--bind", "127.0.0.1",
                                 "--directory", dir], { stdio: "ignore" });
  for (let i = 0; i < 100; i++) {
    const up = await new Promise((r) => {
      const c = net.connect(port, "127.0.0.1", () => { c.end(); r(true); });
      c.on("error", () => r(false));
    });
    if (up) return { port, proc };
    await new Promise((r) => setTimeout(r, 100));
  }
  proc.kill();
  throw new Error("the HTTP server did not start");
}

// The desktop program's picture of a scene (options as on its command line).
function nativeShot(name, args) {
  const file = path.join(out, `native-${name}.png`);
  const r = spawnSync(native, ["--screenshot", file, "--size", `${W}x${H}`, ...args],
                      { env: { ...process.env, SDL_VIDEODRIVER: "offscreen" }, encoding: "utf8" });
  if (r.status !== 0) throw new Error(`native ${args.join(" ")}: ${r.stderr}`);
  return png.decode(fs.readFileSync(file));
}

// The native program's message for a bad command line (its first stderr line).
function nativeError(args) {
  const r = spawnSync(native, args, { env: { ...process.env, SDL_VIDEODRIVER: "offscreen" },
                                      encoding: "utf8" });
  return { status: r.status, line: r.stderr.split("\n")[0].replace(/^optiviz: /, "") };
}

// Waits until the program has drawn a frame and says its picture stays as
// it is until an event (animation over, messages gone), and no frame came
// for quiet ms (the browser has shown the last one).
async function settle(page, quiet = 300, limit = 30000) {
  const t0 = Date.now();
  await page.waitForFunction("window.ovPage && window.ovPage.drawn > 0", { timeout: limit });
  let last = -1, since = Date.now();
  while (Date.now() - t0 < limit) {
    const [n, still] = await page.evaluate("[window.ovPage.drawn, window.ovPage.still]");
    if (n !== last || !still) { last = n; since = Date.now(); }
    else if (Date.now() - since >= quiet) return Date.now() - t0;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error("the picture did not settle");
}

async function shot(page, name) {
  await page.evaluate(() => {
    for (const id of ["hint", "error", "buttons"]) {
      const e = document.getElementById(id);
      if (e) e.style.visibility = "hidden";
    }
  });
  const buf = await page.screenshot({ type: "png", clip: { x: 0, y: 0, width: W, height: H } });
  await page.evaluate(() => {
    for (const id of ["hint", "error", "buttons"]) {
      const e = document.getElementById(id);
      if (e) e.style.visibility = "";
    }
  });
  fs.writeFileSync(path.join(out, `web-${name}.png`), buf);
  return png.decode(buf);
}

function same(img, ref, what) {
  const c = png.compare(img, ref, TOL);
  check(c.sizes && c.off <= MAX_OFF, what,
        `${c.off} px off of ${W * H} (worst excess ${c.worst}; at most ${Math.round(MAX_OFF)})`);
  return c;
}

async function main() {
  const server = await serve(site);
  const base = `http://127.0.0.1:${server.port}/index.html`;
  const browser = await puppeteer.launch({
    executablePath: process.env.OV_CHROMIUM || "/usr/bin/chromium",
    headless: "new",
    args: ["--headless=new", "--use-angle=swiftshader", "--enable-unsafe-swiftshader",
           "--no-sandbox", "--disable-dev-shm-usage", `--window-size=${W},${H}`],
  });
  const downloads = path.join(out, "downloads");
  fs.rmSync(downloads, { recursive: true, force: true });
  fs.mkdirSync(downloads, { recursive: true });
  const consoleLines = [];
  async function open(query) {
    const page = await browser.newPage();
    await page.setViewport({ width: W, height: H, deviceScaleFactor: 1 });
    page.on("console", (m) => consoleLines.push(`[${query}] ${m.text()}`));
    page.on("pageerror", (e) => consoleLines.push(`[${query}] page error: ${e.message}`));
    const cdp = await page.target().createCDPSession();
    await cdp.send("Browser.setDownloadBehavior", { behavior: "allow", downloadPath: downloads });
    const t0 = Date.now();
    await page.goto(base + query, { waitUntil: "load" });
    await page.waitForFunction("window.ovPage && window.ovPage.drawn > 0", { timeout: 20000 });
    const first = Date.now() - t0;
    return { page, first };
  }
  try {
    // 1. The default scene: the first frame comes, and once the (1 s)
    //    animation is over the canvas shows what --screenshot writes.
    let { page, first } = await open("?pace=1");
    check(first < 5000, "first frame of the default scene", `${first} ms after navigation`);
    const size = await page.evaluate(() => {
      const c = document.getElementById("canvas");
      return [c.width, c.height];
    });
    check(size[0] === W && size[1] === H, "canvas drawing buffer is the window's size",
          `${size[0]}x${size[1]}`);
    await settle(page);
    // Nothing said on stderr (a preset the 32-bit build could not read, a
    // shader that did not build, a GL error would be).
    const said = consoleLines.filter((l) => /optiviz:/.test(l));
    check(said.length === 0, "the default page's console has no message from the program",
          said.join(" | "));
    const def = await shot(page, "default");
    const nDef = nativeShot("default", ["--pace", "1"]);
    same(def, nDef, "default scene matches the native --screenshot");
    // The comparison can fail: preset 4's native picture is not the default scene.
    const nP4 = nativeShot("preset4", ["--preset", "4", "--pace", "1"]);
    const cross = png.compare(def, nP4, TOL);
    check(cross.off > 10 * MAX_OFF, "the comparison tells scenes apart",
          `default vs native preset 4: ${cross.off} px off`);

    // The frame cost while the default scene plays (its own 10 s pace):
    // 2 s measured after the first second.
    {
      const { page: pb } = await open("");
      await new Promise((r) => setTimeout(r, 1000));
      const [n1, ms1] = await pb.evaluate("[window.ovPage.drawn, window.ovPage.drawMs]");
      const t1 = Date.now();
      await new Promise((r) => setTimeout(r, 2000));
      const [n2, ms2] = await pb.evaluate("[window.ovPage.drawn, window.ovPage.drawMs]");
      const frames = n2 - n1;
      console.log(`info frame cost (default scene playing, ${W}x${H}, SwiftShader): ` +
                  `${frames} frames in ${Date.now() - t1} ms, ` +
                  `${frames ? ((ms2 - ms1) / frames).toFixed(1) : "?"} ms each in the program`);
      check(frames > 0, "the default scene animates", `${frames} frames in 2 s`);
      await pb.close();
    }

    // 2. Keys change the canvas as they change the desktop program's.
    let before = def;
    await page.keyboard.press("ArrowUp");          // alpha x 1.25
    await settle(page);
    let after = await shot(page, "key-alpha");
    check(png.changed(before, after) > 1000, "Up (alpha up) changes the canvas",
          `${png.changed(before, after)} px changed`);
    // Up multiplies every run's alpha by 1.25: gd 0.15, momentum 0.05 and
    // adam 0.1 (the default scene's) become 0.1875, 0.0625 and 0.125.
    const upRuns = ["--optimizer", "gd:alpha=0.1875", "--optimizer", "momentum:alpha=0.0625",
                    "--optimizer", "adam:alpha=0.125", "--pace", "1"];
    same(after, nativeShot("alpha-up", upRuns), "after Up the canvas shows the native picture");
    const afterUp = after;
    before = after;
    // Q and Esc twice quit the desktop program; the page goes on.
    await page.keyboard.press("q");
    await page.keyboard.press("Escape");
    await page.keyboard.press("Escape");
    await settle(page);
    await page.keyboard.press("h");
    await settle(page);
    after = await shot(page, "key-help");
    check(png.changed(before, after) > 20000, "after Q and Esc twice, H shows the help overlay",
          `${png.changed(before, after)} px changed`);
    await page.keyboard.press("h");
    await settle(page);
    await page.keyboard.press("d");                // 3-D view, a short transition
    await settle(page);
    after = await shot(page, "key-3d");
    check(png.changed(afterUp, after) > 50000, "D turns to the 3-D view",
          `${png.changed(afterUp, after)} px changed`);
    // (Not compared with --3d: the desktop's D frames its camera on the
    // view shown before, --3d on the scene; ?3d=1 is compared below.)
    await page.close();

    // The preset key: 4 opens preset 4 (its own pace), as --preset 4 does.
    ({ page } = await open("?pace=1"));
    await settle(page);
    before = await shot(page, "before-preset");
    await page.keyboard.press("4");
    await settle(page);
    after = await shot(page, "key-preset4");
    // The page's --pace stays (the HUD says "1 s a playing").
    same(after, nativeShot("preset4", ["--preset", "4", "--pace", "1"]),
         "key 4 shows preset 4 as --preset 4 does");
    await page.close();

    // 3. Scenes in the URL, each against the same options on the command line.
    const scenes = [
      ["?surface=rosenbrock&optimizers=gd,momentum,adam&alpha=0.001&pace=1",
       ["--surface", "rosenbrock", "--optimizers", "gd,momentum,adam", "--alpha", "0.001", "--pace", "1"]],
      ["?preset=4&pace=1", ["--preset", "4", "--pace", "1"]],
      ["?kappa=100&theta=30&3d=1&pace=1", ["--kappa", "100", "--theta", "30", "--3d", "--pace", "1"]],
      ["?surface=x%5E2%20%2B%203*y%5E2+0.5*x*y&optimizer=gd:alpha=0.1&optimizer=adam&pace=1",
       ["--surface", "x^2 + 3*y^2+0.5*x*y", "--optimizer", "gd:alpha=0.1", "--optimizer", "adam",
        "--pace", "1"]],
      // Models: the slice's shader is the model's GLSL, compiled as GLSL ES here.
      ["?model=gauss4&slice=a,b&panels=fit&pace=1",
       ["--model", "gauss4", "--slice", "a,b", "--panels", "fit", "--pace", "1"]],
      ["?model=xor&slice=pca&optimizers=adam,gd&steps=300&pace=1",
       ["--model", "xor", "--slice", "pca", "--optimizers", "adam,gd", "--steps", "300",
        "--pace", "1"]],
    ];
    for (let i = 0; i < scenes.length; i++) {
      ({ page } = await open(scenes[i][0]));
      await settle(page);
      const err = await page.$eval("#error", (e) => e.textContent);
      check(err === "", `${scenes[i][0]} opens with no error`, err);
      same(await shot(page, `url${i}`), nativeShot(`url${i}`, scenes[i][1]),
           `${scenes[i][0]} matches the native picture`);
      await page.close();
    }
    // A bad value: the CLI's message on the page, the default scene open.
    ({ page } = await open("?alpha=abc&pace=1"));
    await settle(page);
    const shown = await page.$eval("#error", (e) => e.textContent);
    const cli = nativeError(["--alpha", "abc"]);
    check(cli.status === 2 && shown === cli.line, "?alpha=abc shows the command line's message",
          `page '${shown}', CLI '${cli.line}'`);
    const role = await page.$eval("#error", (e) => e.getAttribute("role"));
    check(role === "alert", "the message is in an element a screen reader announces", role);
    // The default scene: its own pace too (the HUD says "10 s a playing").
    same(await shot(page, "bad-url"), nativeShot("default-10s", []),
         "?alpha=abc opens the default scene");
    await page.close();

    // 4. A click starts the runs where it lands: the CSV (X) says where.
    ({ page } = await open("?pace=1"));
    await settle(page);
    async function startAfterClick(x, y, name) {
      await page.mouse.click(x, y);
      await settle(page);
      await page.keyboard.press("x");
      const file = await waitDownload(downloads, ".csv", name);
      const rows = fs.readFileSync(file, "utf8").trim().split("\n");
      const step0 = rows.slice(1).map((r) => r.split(",")).filter((c) => c[2] === "0");
      return step0.map((c) => [Number(c[3]), Number(c[4])]);
    }
    const a = await startAfterClick(W * 0.4, H * 0.5, "a");
    const b = await startAfterClick(W * 0.6, H * 0.3, "b");
    const nativeCsv = spawnSync(native, ["--export-csv", path.join(out, "native.csv")],
                                { env: { ...process.env, SDL_VIDEODRIVER: "offscreen" } });
    const defStart = fs.readFileSync(path.join(out, "native.csv"), "utf8").trim().split("\n")[1]
                       .split(",").slice(3, 5).map(Number);
    const allSame = (s) => s.length > 0 && s.every((p) => p[0] === s[0][0] && p[1] === s[0][1]);
    check(nativeCsv.status === 0 && allSame(a) && allSame(b), "every run starts at the click",
          `first click ${JSON.stringify(a[0])}, second ${JSON.stringify(b[0])}`);
    check(a.length && (a[0][0] !== defStart[0] || a[0][1] !== defStart[1]),
          "the click moved the start", `default start ${defStart}`);
    check(a.length && b.length && b[0][0] > a[0][0] && b[0][1] > a[0][1],
          "a click further right and higher starts further right and higher",
          `${a[0]} -> ${b[0]}`);

    // A tap on a touch screen is a click: the runs start where it lands.
    await page.touchscreen.tap(W * 0.3, H * 0.7);
    await settle(page);
    await page.keyboard.press("x");
    const tapRows = fs.readFileSync(await waitDownload(downloads, ".csv", "tap"), "utf8")
                      .trim().split("\n").slice(1).map((r) => r.split(","))
                      .filter((c) => c[2] === "0").map((c) => [Number(c[3]), Number(c[4])]);
    check(allSame(tapRows) && tapRows[0][0] < a[0][0] && tapRows[0][1] < a[0][1],
          "a tap starts the runs where it lands (left of and below the first click)",
          JSON.stringify(tapRows[0]));

    // Two fingers spread from 100 to 400 px apart about the middle: 8 wheel
    // steps (4 = (1 / 0.85)^8.53), the view 0.85^8 = 0.2725 of its size; no
    // click, so the start stays.
    const cdp = await page.target().createCDPSession();
    const fingers = (half) => [{ x: W / 2 - half, y: H / 2, id: 1 }, { x: W / 2 + half, y: H / 2, id: 2 }];
    await cdp.send("Input.dispatchTouchEvent", { type: "touchStart", touchPoints: fingers(50) });
    for (let half = 60; half <= 200; half += 10)
      await cdp.send("Input.dispatchTouchEvent", { type: "touchMove", touchPoints: fingers(half) });
    await cdp.send("Input.dispatchTouchEvent", { type: "touchEnd", touchPoints: [] });
    await settle(page);
    await shot(page, "pinched");
    async function startNow(name) {
      await page.keyboard.press("x");
      const r = fs.readFileSync(await waitDownload(downloads, ".csv", name), "utf8").trim().split("\n")[1];
      return r.split(",").slice(3, 5).map(Number);
    }
    const kept = await startNow("pinch");
    check(kept[0] === tapRows[0][0] && kept[1] === tapRows[0][1], "a pinch does not move the start",
          JSON.stringify(kept));
    await page.mouse.click(W * 0.4, H * 0.5);
    await settle(page);
    const a2 = await startNow("a2");
    await page.touchscreen.tap(W * 0.3, H * 0.7);
    await settle(page);
    const t2 = await startNow("t2");
    const dist = (p, q) => Math.hypot(p[0] - q[0], p[1] - q[1]);
    const ratio = dist(a2, t2) / dist(a[0], tapRows[0]);
    check(Math.abs(ratio - 0.2725) < 0.02, "two fingers spread 4 times wider zoom in 8 wheel steps",
          `the same two pixels ${ratio.toFixed(4)} as far apart in the world (0.85^8 = 0.2725)`);

    // 5. P: a PNG download of the canvas's size.
    await page.keyboard.press("p");
    const pngFile = await waitDownload(downloads, ".png", "p");
    let dl = null;
    try { dl = png.decode(fs.readFileSync(pngFile)); } catch (e) { dl = { error: e.message }; }
    check(dl && dl.width === W && dl.height === H, "P downloads a valid PNG of the canvas's size",
          dl.error || `${dl.width}x${dl.height}`);
    await page.close();

    // U: the scene's URL in the address bar; opened again, the same scene,
    // changes made with keys included (here a surface formula, alpha up
    // twice, gradient noise on). (The 3-D camera that D frames on the view
    // shown before is not in the URL: --3d frames the scene.)
    ({ page } = await open("?surface=x%5E2%2B3*y%5E2&pace=1"));
    await settle(page);
    await page.keyboard.press("ArrowUp");
    await page.keyboard.press("ArrowUp");
    await page.keyboard.press("]");
    await settle(page);
    const shared0 = await shot(page, "before-share");
    await page.keyboard.press("u");
    await page.waitForFunction("window.ovPage.shared", { timeout: 5000 });
    const url = await page.evaluate("window.ovPage.shared");
    const address = await page.evaluate("location.href");
    check(address === url && /\?surface=/.test(url) && !/[+,:^*]/.test(url.split("?")[1]),
          "U puts the scene's URL, reserved characters encoded, in the address bar", url);
    await page.close();
    ({ page } = await open(url.slice(url.indexOf("?"))));
    await settle(page);
    same(await shot(page, "after-share"), shared0, "the shared URL reopens the same scene");
    await page.close();

    // The formula field: Enter, the text typed, Enter; as --surface.
    ({ page } = await open("?pace=1"));
    await settle(page);
    await page.keyboard.press("Enter");
    await page.keyboard.down("Control");
    await page.keyboard.press("a");
    await page.keyboard.up("Control");
    // As a US keyboard's main block sends them: puppeteer's own choice for
    // + - * is the numeric keypad.
    for (const ch of "x^2+4*y^2-x*y") {
      const main = { "+": ["Equal", true], "*": ["Digit8", true], "-": ["Minus", false] }[ch];
      if (!main) { await page.keyboard.type(ch); continue; }
      if (main[1]) await page.keyboard.down("Shift");
      await page.keyboard.press(main[0], { text: ch });
      if (main[1]) await page.keyboard.up("Shift");
    }
    await page.keyboard.press("Enter");
    await settle(page);
    const typed = await shot(page, "formula");
    // The window keeps the runs' start where the new surface allows it (the
    // CSV says where): the native picture with that start.
    await page.keyboard.press("x");
    const csv = fs.readFileSync(await waitDownload(downloads, ".csv", "formula"), "utf8");
    const start = csv.trim().split("\n")[1].split(",").slice(3, 5).join(",");
    same(typed, nativeShot("formula", ["--surface", "x^2+4*y^2-x*y", "--start", start, "--pace", "1"]),
         `a formula typed into the field shows as --surface does (start ${start})`);
    // The window resized, on a screen of 2 device pixels per CSS pixel: the
    // drawing buffer follows at full resolution.
    await page.setViewport({ width: 800, height: 500, deviceScaleFactor: 2 });
    await page.waitForFunction(() => document.getElementById("canvas").width === 1600, { timeout: 5000 })
      .catch(() => {});
    await settle(page);
    const hi = await page.evaluate(() => {
      const c = document.getElementById("canvas");
      return [c.width, c.height, c.clientWidth, c.clientHeight];
    });
    check(hi[0] === 1600 && hi[1] === 1000 && hi[2] === 800 && hi[3] === 500,
          "resized to 800x500 at devicePixelRatio 2, the canvas draws 1600x1000", hi.join(" "));
    await page.close();

    // G: the animation as a GIF download (12 frames, at most 960 wide).
    ({ page } = await open("?gif-frames=12&pace=1"));
    await settle(page);
    await page.keyboard.press("g");
    const gifFile = await waitDownload(downloads, ".gif", "g");
    const gif = fs.readFileSync(gifFile);
    const gw = gif.readUInt16LE(6), gh = gif.readUInt16LE(8);
    check(gif.subarray(0, 6).toString("latin1") === "GIF89a" && gif[gif.length - 1] === 0x3b &&
          gw > 0 && Math.abs(gw / gh - W / H) < 0.01,
          "G downloads a GIF of the canvas's shape", `${gw}x${gh}, ${gif.length} bytes`);
    await page.close();

    // Every built-in surface, in 2-D and 3-D, builds its shaders under
    // WebGL 2 (GLSL ES 3.00 is stricter than the desktop's GLSL 3.30):
    // no renderer message in the console or on the page.
    const surfaces = spawnSync(native, ["--list-surfaces"], { encoding: "utf8" }).stdout
                       .split("\n").filter((l) => /^[a-z]/.test(l));
    const bad = [];
    for (const name of surfaces)
      for (const q of [`?surface=${name}&pace=1`, `?surface=${name}&3d=1&pace=1`]) {
        const before = consoleLines.length;
        ({ page } = await open(q));
        await settle(page);
        const err = await page.$eval("#error", (e) => e.textContent);
        const logged = consoleLines.slice(before).filter((l) => /render|shader|error/i.test(l));
        if (err || logged.length) bad.push(`${q}: ${err} ${logged.join(" ")}`);
        await page.close();
      }
    check(surfaces.length >= 7 && bad.length === 0,
          `all ${surfaces.length} built-in surfaces draw in 2-D and 3-D with no renderer message`,
          bad.join("; "));

    // No WebGL 2: the page says so.
    // The on-screen buttons: hidden with a mouse, shown by the page's button;
    // a touch tap on alpha x (touch_strip.c's layout at 1280x720: the first
    // of ten 52 px buttons 6 px apart, centred, their foot 44 px above the
    // frame's) acts as Up: every run's alpha x 1.25, and the start stays.
    {
      const { page: ps } = await open("?pace=1");
      await settle(ps);
      const shownAtFirst = await ps.evaluate(() => window.ovPage.strip);
      check(shownAtFirst === false, "a device with a mouse starts without the on-screen buttons",
            String(shownAtFirst));
      await ps.click("#buttons");
      await settle(ps);
      const stripShot = await shot(ps, "strip");
      const x0 = (W - (10 * 52 + 9 * 6)) / 2;
      await ps.touchscreen.tap(x0 + 26, H - 44 - 26);
      await settle(ps);
      await shot(ps, "strip-alpha");
      await ps.keyboard.press("x");
      const rows = fs.readFileSync(await waitDownload(downloads, ".csv", "strip"), "utf8")
                     .trim().split("\n").slice(1);
      const nat = path.join(out, "native-alpha-up.csv");
      spawnSync(native, ["--export-csv", nat, "--optimizer", "gd:alpha=0.1875", "--optimizer",
                         "momentum:alpha=0.0625", "--optimizer", "adam:alpha=0.125"],
                { env: { ...process.env, SDL_VIDEODRIVER: "offscreen" } });
      const want = fs.existsSync(nat) ? fs.readFileSync(nat, "utf8").trim().split("\n").slice(1) : [];
      const differ = rows.filter((r, i) => r !== want[i]).length;
      check(want.length > 0 && rows.length === want.length && differ === 0,
            "a tap on the strip's alpha x button runs what Up does (the native CSV of alpha x 1.25)",
            `${rows.length} rows, ${want.length} native, ${differ} differ`);
      check(png.changed(def, stripShot) > 500, "the page's button shows the strip",
            `${png.changed(def, stripShot)} px changed`);
      await ps.close();
    }
    // A touch-only device (DevTools' touch emulation: pointer coarse, no
    // fine pointer) shows the strip from the start.
    {
      const pt = await browser.newPage();
      await pt.setViewport({ width: W, height: H, deviceScaleFactor: 1 });
      const tc = await pt.target().createCDPSession();
      await tc.send("Emulation.setTouchEmulationEnabled", { enabled: true, maxTouchPoints: 5 });
      await pt.goto(base + "?pace=1", { waitUntil: "load" });
      await pt.waitForFunction("window.ovPage && window.ovPage.drawn > 0", { timeout: 20000 });
      await settle(pt);
      const on = await pt.evaluate(() => window.ovPage.strip);
      const touchShot = await shot(pt, "strip-touch");
      check(on === true && png.changed(def, touchShot) > 500,
            "a touch-only device shows the on-screen buttons from the start",
            `strip ${on}, ${png.changed(def, touchShot)} px differ from the default scene`);
      await pt.close();
    }
    const ctx = await browser.createIncognitoBrowserContext();
    const p2 = await ctx.newPage();
    await p2.evaluateOnNewDocument(() => {
      const orig = HTMLCanvasElement.prototype.getContext;
      HTMLCanvasElement.prototype.getContext = function (kind, ...rest) {
        return kind === "webgl2" ? null : orig.call(this, kind, ...rest);
      };
    });
    await p2.goto(base, { waitUntil: "load" });
    const msg = await p2.evaluate(() => document.body.innerText);
    check(/needs WebGL 2/.test(msg), "without WebGL 2 the page says so", msg.slice(0, 60));
    await ctx.close();
  } finally {
    await browser.close();
    server.proc.kill();
    fs.writeFileSync(path.join(out, "console.log"), consoleLines.join("\n") + "\n");
  }
  console.log(`web tests: ${checks} checks, ${failures} failed (pictures and console in ${out})`);
  if (failures || checks === 0) process.exit(1);
}


// Waits for a finished download ending in ext that was not there before.
const seen = new Set();
async function waitDownload(dir, ext, what) {
  for (let i = 0; i < 600; i++) {   /* 30 s: a loaded machine */
    const f = fs.readdirSync(dir).filter((n) => n.endsWith(ext) && !seen.has(n));
    if (f.length) {
      seen.add(f[0]);
      return path.join(dir, f[0]);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`no ${ext} download (${what})`);
}

main().catch((e) => { console.error("web tests: " + (e.stack || e)); process.exit(1); });
