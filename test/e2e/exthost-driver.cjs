/**
 * Runs test/e2e/exthost/index.cjs inside code-server's Node extension host: Chromium opens the
 * workbench with a `?payload=` naming the extension (this checkout) and the tests module; VS
 * Code calls window.codeAutomationExit(code) when run() settles. Needs code-server started with
 * `--vscode-option enable-smoke-test-driver`. Env: CS_URL, WS_DIR, EXT_DEV_PATH, EXT_TESTS_PATH.
 */
const path = require('path');
const util = require('util');
const { launchEditorBrowser, log } = require('./browser.cjs');

const env = (k, d) => process.env[k] || d;
const CS_URL = new URL(env('CS_URL', 'http://127.0.0.1:18080'));
const remote = (p) => `vscode-remote://${CS_URL.host}${path.resolve(p)}`;

(async () => {
  const browser = await launchEditorBrowser();
  const { page } = browser;
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
  await browser.close();
  if (exitCode === null) log(`no codeAutomationExit within ${timeout} ms`);
  if (!summary) console.log(`exthost: 0 passed, 1 failed`);
  process.exit(exitCode === 0 ? 0 : 1);
})();
