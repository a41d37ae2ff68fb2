/**
 * Runs test/e2e/exthost/index.cjs inside code-server's Node extension host: Chromium opens the
 * workbench with a `?payload=` naming the extension (this checkout) and the tests module; VS
 * Code calls window.codeAutomationExit(code) when run() settles. Needs code-server started with
 * `--vscode-option enable-smoke-test-driver`. Env: CS_URL, WS_DIR, EXT_DEV_PATH, EXT_TESTS_PATH.
 */
const { chromium } = require('playwright-core');
const fs = require('fs');
const os = require('os');
const path = require('path');
const util = require('util');

const env = (k, d) => process.env[k] || d;
const CS_URL = new URL(env('CS_URL', 'http://127.0.0.1:18080'));
const remote = (p) => `vscode-remote://${CS_URL.host}${path.resolve(p)}`;
const t0 = Date.now();
const log = (m) => console.log(`[${((Date.now() - t0) / 1000).toFixed(1)}s] ${m}`);

(async () => {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'warrant-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: env('CHROMIUM', '/usr/bin/chromium'),
    headless: true,
    viewport: { width: 1280, height: 800 },
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  });
  const page = context.pages()[0] || (await context.newPage());
  let exitCode = null;
  let summary = null;
  const done = new Promise((resolve) => {
    void page.exposeFunction('codeAutomationLog', (type, args) => {
      const line = util.format(...(args || []).map((a) => (typeof a === 'string' ? a : JSON.stringify(a))));
      if (/^exthost: \d+ passed, \d+ failed$/.test(line)) summary = line;
      console.log(summary === line ? line : `  ${line}`);
    });
    void page.exposeFunction('codeAutomationExit', (code) => {
      exitCode = code;
      resolve();
    });
  });
  const payload = JSON.stringify([
    ['extensionDevelopmentPath', remote(env('EXT_DEV_PATH', '.'))],
    ['extensionTestsPath', remote(env('EXT_TESTS_PATH', path.join(__dirname, 'exthost/index.cjs')))],
    ['skipWelcome', 'true'],
  ]);
  await page.goto(`${CS_URL.origin}/?folder=${encodeURIComponent(path.resolve(env('WS_DIR', '.')))}&payload=${encodeURIComponent(payload)}`);
  const timeout = Number(env('TEST_TIMEOUT_MS', '180000'));
  await Promise.race([done, new Promise((r) => setTimeout(r, timeout))]);
  await context.close();
  fs.rmSync(profile, { recursive: true, force: true });
  if (exitCode === null) log(`no codeAutomationExit within ${timeout} ms`);
  if (!summary) console.log(`exthost: 0 passed, 1 failed`);
  process.exit(exitCode === 0 ? 0 : 1);
})();
