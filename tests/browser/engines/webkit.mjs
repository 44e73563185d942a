// WebKit (Debian's WebKitGTK MiniBrowser) through WebKitWebDriver and selenium-webdriver:
// the Engine interface of common.mjs. What the driver cannot do, and how this adapter does
// it instead:
//  - No display in CI: when DISPLAY is unset, an Xvfb of our own is started (and ended by
//    close(), or at process exit).
//  - devicePixelRatio: MiniBrowser has no switch for it, but GTK 3 scales a whole process by
//    the GDK_SCALE environment variable, which WebKit reports as devicePixelRatio. So each dpr
//    gets its own WebKitWebDriver (and MiniBrowser) started with GDK_SCALE=<dpr>: a real
//    dpr 2 backing store, not an emulation. GDK_SCALE is an integer: dpr 1 and 2 only.
//  - Console errors: WebKitWebDriver has no log endpoint and no BiDi, and MiniBrowser's
//    --enable-write-console-messages-to-stdout is not applied to automation views. Pages are
//    opened through a small proxy that adds <script src="/__engines-console.js"> to each HTML
//    page (same origin, so a CSP of script-src 'self' allows it); that script records
//    console.error, uncaught errors and unhandled rejections before the page's own scripts run.
//  - Touch: WebKitGTK's WebDriver performs a "touch" pointer action as mouse input (the page
//    sees pointerType "mouse" and no touch events: measured with a page logging its events),
//    and MiniBrowser under Xvfb has no touch screen. So page.tap() dispatches, in the page, the
//    events a touch screen's tap sends (pointer events of pointerType "touch", touch events
//    where the engine has them, then the compatibility mouse events and click, with the focus
//    moving as on mousedown): emulated, untrusted events, and TAP_NOTE says so in the test's name.
import { spawn } from 'node:child_process';
import { createServer, request } from 'node:http';
import net from 'node:net';
import { writeFile } from 'node:fs/promises';
import { artifactPath, pollUntil, toolsPackage } from './common.mjs';

const MINIBROWSER = process.env.WEBKIT_MINIBROWSER ?? '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';
const CAPTURE_PATH = '/__engines-console.js';

/** What the tap test's name says in WebKit: its taps are emulated, and why. */
export const TAP_NOTE = " (WebKit: touch emulated by events dispatched in the page, as WebKitGTK's WebDriver taps with a mouse and Xvfb has no touch screen)";

/** Runs in the page before its own scripts: window.__engineErrors collects what went wrong. */
const CAPTURE_SCRIPT = `(() => {
  const errors = (window.__engineErrors = []);
  const text = (v) => (v instanceof Error ? (v.stack ? v.message + '\\n' + v.stack : v.message) : String(v));
  const orig = console.error;
  console.error = function (...args) {
    errors.push('console.error: ' + args.map(text).join(' '));
    return orig.apply(this, args);
  };
  addEventListener('error', (e) => {
    if (e.target === window) errors.push('pageerror: ' + (e.error ? text(e.error) : e.message));
    else if (e.target && e.target.src) errors.push('console.error: failed to load ' + e.target.src);
  }, true);
  addEventListener('unhandledrejection', (e) => errors.push('pageerror: ' + text(e.reason)));
})();`;

const children = new Set();
process.on('exit', () => {
  for (const c of children) c.kill('SIGKILL');
});

function track(child) {
  children.add(child);
  child.once('exit', () => children.delete(child));
  return child;
}

/** Ends a child process and waits for it (SIGKILL after 3 s). */
async function stop(child) {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const gone = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  const t = setTimeout(() => child.kill('SIGKILL'), 3000);
  await gone;
  clearTimeout(t);
}

/** An Xvfb on a free display number (Xvfb picks it and writes it to fd 3). Resolves to { display, child }. */
async function startXvfb() {
  // Big enough for a 1280×800 CSS px window at GDK_SCALE=2 with its toolbar.
  const child = track(spawn('Xvfb', ['-displayfd', '3', '-screen', '0', '3840x2400x24', '-nolisten', 'tcp'],
    { stdio: ['ignore', 'ignore', 'pipe', 'pipe'] }));
  let stderr = '';
  child.stdio[2].on('data', (d) => { stderr += d; });
  const display = await new Promise((resolve, reject) => {
    let out = '';
    child.stdio[3].on('data', (d) => {
      out += d;
      if (out.includes('\n')) resolve(`:${out.trim()}`);
    });
    child.once('error', (e) => reject(new Error(`Xvfb could not start (apt-get install xvfb): ${e.message}`)));
    child.once('exit', (code) => reject(new Error(`Xvfb exited with ${code}: ${stderr}`)));
  });
  return { display, child };
}

function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

/** A WebKitWebDriver with GDK_SCALE=dpr and a session on it; resolves to { driver, child }. */
async function startSession({ dpr, display }) {
  const { Builder, Capabilities } = toolsPackage('selenium-webdriver');
  const port = await freePort();
  const child = track(spawn('WebKitWebDriver', [`--port=${port}`, '--host=127.0.0.1'], {
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { ...process.env, DISPLAY: display, GDK_SCALE: String(dpr), GDK_DPI_SCALE: '1' },
  }));
  let stderr = '';
  child.stderr.on('data', (d) => { stderr += d; });
  const failed = new Promise((_, reject) => {
    child.once('error', (e) => reject(new Error(`WebKitWebDriver could not start (apt-get install webkit2gtk-driver): ${e.message}`)));
    child.once('exit', (code) => reject(new Error(`WebKitWebDriver exited with ${code}: ${stderr}`)));
  });
  failed.catch(() => {});
  const ready = (async () => {
    for (let i = 0; i < 200; i += 1) {
      const ok = await new Promise((r) => {
        const s = net.connect(port, '127.0.0.1', () => { s.end(); r(true); });
        s.once('error', () => r(false));
      });
      if (ok) return;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`WebKitWebDriver did not listen on port ${port}: ${stderr}`);
  })();
  await Promise.race([ready, failed]);
  const caps = new Capabilities({
    browserName: 'MiniBrowser',
    'webkitgtk:browserOptions': { binary: MINIBROWSER, args: ['--automation'] },
  });
  const driver = await Promise.race([new Builder().usingServer(`http://127.0.0.1:${port}`).withCapabilities(caps).build(), failed]);
  await driver.manage().setTimeouts({ script: 60_000, pageLoad: 60_000 });
  return { driver, child };
}

/** An HTTP proxy to `origin` that adds the capture script to HTML pages; resolves to { url, close }. */
async function startProxy(origin) {
  const target = new URL(origin);
  const server = createServer((req, res) => {
    if (req.url === CAPTURE_PATH) {
      res.writeHead(200, { 'Content-Type': 'text/javascript; charset=utf-8', 'Cache-Control': 'no-cache' });
      res.end(CAPTURE_SCRIPT);
      return;
    }
    const up = request({ host: target.hostname, port: target.port, path: req.url, method: req.method, headers: req.headers }, (r) => {
      if (!/^text\/html/.test(r.headers['content-type'] ?? '')) {
        res.writeHead(r.statusCode, r.headers);
        r.pipe(res);
        return;
      }
      const chunks = [];
      r.on('data', (c) => chunks.push(c));
      r.on('end', () => {
        const html = Buffer.concat(chunks).toString('utf8');
        const tag = `<script src="${CAPTURE_PATH}"></script>`;
        const m = /<head[^>]*>/i.exec(html) ?? /<!doctype[^>]*>/i.exec(html);
        const out = m ? html.slice(0, m.index + m[0].length) + tag + html.slice(m.index + m[0].length) : tag + html;
        const headers = { ...r.headers };
        delete headers['content-length'];
        res.writeHead(r.statusCode, headers);
        res.end(out);
      });
    });
    up.on('error', (e) => {
      res.writeHead(502);
      res.end(String(e));
    });
    req.pipe(up);
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    close: () => new Promise((r) => { server.closeAllConnections?.(); server.close(r); }),
  };
}

/**
 * Runs in the page: a tap at viewport (x, y) as a touch screen sends it: pointerover/enter/
 * down, touchstart, pointerup, touchend, pointerout/leave, then mouseover/move/down (which
 * focuses the nearest focusable ancestor), mouseup and click.
 */
function emulatedTap({ x, y }) {
  const target = document.elementFromPoint(x, y);
  if (!target) throw new Error(`tap: nothing at ${x},${y}`);
  const base = { bubbles: true, cancelable: true, composed: true, clientX: x, clientY: y, view: window };
  const pointer = (type, extra = {}) => target.dispatchEvent(new PointerEvent(type, {
    ...base, pointerId: 2, pointerType: 'touch', isPrimary: true, width: 1, height: 1, ...extra }));
  const touch = (type) => {
    let t;
    try {
      t = new Touch({ identifier: 2, target, clientX: x, clientY: y });
    } catch {
      return true; // WebKitGTK without a touch screen: "Illegal constructor", no touch events
    }
    const list = type === 'touchend' ? [] : [t];
    return target.dispatchEvent(new TouchEvent(type, { ...base, touches: list, targetTouches: list, changedTouches: [t] }));
  };
  const mouse = (type, extra = {}) => target.dispatchEvent(new MouseEvent(type, { ...base, button: 0, detail: 1, ...extra }));
  pointer('pointerover');
  pointer('pointerenter', { bubbles: false });
  pointer('pointerdown', { buttons: 1, pressure: 0.5 });
  const go = touch('touchstart');
  pointer('pointerup', { pressure: 0 });
  touch('touchend');
  pointer('pointerout');
  pointer('pointerleave', { bubbles: false });
  if (!go) return;
  mouse('mouseover');
  mouse('mousemove');
  if (mouse('mousedown', { buttons: 1 })) {
    const focusable = target.closest('[tabindex], a[href], button, input, select, textarea');
    if (focusable) focusable.focus({ preventScroll: true });
    else if (document.activeElement && document.activeElement !== document.body) document.activeElement.blur();
  }
  mouse('mouseup');
  mouse('click');
}

/** WebDriver key codes for the keys the tests press. */
function keyCode(key) {
  const { Key } = toolsPackage('selenium-webdriver');
  const map = { ArrowDown: Key.ARROW_DOWN, ArrowUp: Key.ARROW_UP, ArrowLeft: Key.ARROW_LEFT, ArrowRight: Key.ARROW_RIGHT,
    Escape: Key.ESCAPE, Enter: Key.ENTER, Tab: Key.TAB, Home: Key.HOME, End: Key.END };
  return map[key] ?? key;
}

/** Starts Xvfb when there is no display; MiniBrowser sessions start on first use, one per dpr. */
export async function launch() {
  let xvfb = null;
  let display = process.env.DISPLAY;
  if (!display) {
    xvfb = await startXvfb();
    display = xvfb.display;
  }
  const sessions = new Map(); // dpr → Promise<{ driver, child }>
  const proxies = new Map(); // origin → Promise<proxy>
  const session = (dpr) => {
    if (dpr !== 1 && dpr !== 2) throw new Error(`WebKit: devicePixelRatio ${dpr} is not possible (GDK_SCALE is 1 or 2 here)`);
    if (!sessions.has(dpr)) sessions.set(dpr, startSession({ dpr, display }));
    return sessions.get(dpr);
  };
  const proxy = (origin) => {
    if (!proxies.has(origin)) proxies.set(origin, startProxy(origin));
    return proxies.get(origin);
  };
  return {
    name: 'webkit',
    async open({ url, width = 1280, height = 800, dpr = 1 }) {
      const s = await session(dpr);
      const { driver } = s;
      const u = new URL(url);
      const via = new URL(u.pathname + u.search + u.hash, (await proxy(u.origin)).url).href;
      const evaluate = async (fn, arg) => {
        const r = await driver.executeAsyncScript(`const done = arguments[arguments.length - 1];
          Promise.resolve().then(() => (${fn})(arguments[0])).then((v) => done({ ok: v === undefined ? null : v }),
            (e) => done({ error: String(e && e.stack ? e.message + '\\n' + e.stack : e) }));`, arg);
        if (r && 'error' in r) throw new Error(`evaluate failed in WebKit: ${r.error}`);
        return r?.ok;
      };
      // WebDriver sets the window's outer size; the toolbar takes the difference, and GTK
      // applies a new size asynchronously: adjust until the viewport is what was asked.
      let got = [0, 0];
      let rect = { width, height };
      for (let i = 0; i < 10; i += 1) {
        await driver.manage().window().setRect(rect);
        await new Promise((r) => setTimeout(r, 50 * i));
        got = await driver.executeScript('return [innerWidth, innerHeight]');
        if (got[0] === width && got[1] === height) break;
        rect = { width: rect.width + width - got[0], height: rect.height + height - got[1] };
      }
      // MiniBrowser's toolbar keeps the window at least 447 CSS px wide.
      if (got[0] !== width || got[1] !== height) throw new Error(`WebKit: the window gives a ${got[0]}×${got[1]} viewport, not ${width}×${height}`);
      await driver.get(via);
      const pointer = (x, y) => ({ x: Math.round(x), y: Math.round(y), duration: 0 });
      return {
        evaluate,
        waitFor: (fn, arg, timeout) => pollUntil(evaluate, fn, arg, timeout),
        mouseMove: (x, y) => driver.actions({ async: true }).move(pointer(x, y)).perform(),
        // See the file's head: a WebDriver touch action arrives as a mouse, so the tap is
        // the event sequence a touch screen sends, dispatched in the page.
        tap: (x, y) => evaluate(emulatedTap, { x, y }),
        press: (key) => driver.actions({ async: true }).sendKeys(keyCode(key)).perform(),
        errors: async () => (await driver.executeScript('return window.__engineErrors || ["no error capture in this page"]')),
        async screenshot(name) {
          const file = await artifactPath('webkit', name);
          await writeFile(file, Buffer.from(await driver.takeScreenshot(), 'base64'));
          return file;
        },
        close: () => driver.get('about:blank'),
      };
    },
    async close() {
      for (const p of sessions.values()) {
        const s = await p.catch(() => null);
        if (!s) continue;
        await s.driver.quit().catch(() => {});
        await stop(s.child);
      }
      for (const p of proxies.values()) await (await p).close();
      if (xvfb) await stop(xvfb.child);
    },
  };
}
