/**
 * Web-host test: a web-only build of the .vsix (no `main`, so VS Code must run the `browser`
 * entry in its web worker extension host) installed in code-server, driven in Chromium. Asserts
 * that the web extension runs there and not in Node, a diagnostic in the Problems panel, and a
 * hover card listing a claim's sources, as the desktop UI test does; and that files the worker
 * cannot read itself came through the editor (replies.md defends Claim 2, refs.bib resolves
 * @rivera2019). Prints "web: N passed, N failed".
 * Env: CS_URL, WS_DIR, EXT_DIR (where the web-only .vsix is installed), SHOT_DIR (a failure
 * screenshot only), CHROMIUM
 */
const fs = require('fs');
const os = require('os');
const path = require('path');
const { checks, hoverClaimSources, launchEditorBrowser, log, openFromExplorer } = require('./browser.cjs');

const env = (k, d) => process.env[k] || d;
const CS_URL = env('CS_URL', 'http://127.0.0.1:18080');
const WS_DIR = env('WS_DIR', '/tmp/warrant-e2e/ws');
const SHOT_DIR = env('SHOT_DIR', os.tmpdir());
const EXT_DIR = env('EXT_DIR', '/tmp/warrant-e2e/run/exts-web');
const FILE = 'lanes.md';
const tally = checks('web');
const { check } = tally;

(async () => {
  const browser = await launchEditorBrowser({ profilePrefix: 'warrant-chromium-web-', logPageErrors: true });
  const { page } = browser;
  // The web worker extension host logs to the page's console: shown when a check fails.
  const consoleLines = [];
  page.on('console', (m) => consoleLines.push(`${m.type()}: ${m.text()}`));
  let rows = [];
  let editorOpen = false;
  try {
    await check('the installed extension is web-only: no `main`, a `browser` entry', async () => {
      // So every finding below came from the browser entry and its web worker server.
      const dir = fs.readdirSync(EXT_DIR).find((d) => d.startsWith('warrant-dev.warrant-'));
      if (!dir) throw new Error(`no warrant extension in ${EXT_DIR}`);
      const manifest = JSON.parse(fs.readFileSync(path.join(EXT_DIR, dir, 'package.json'), 'utf8'));
      if (manifest.main !== undefined) throw new Error(`main is ${manifest.main}`);
      if (manifest.browser !== './dist/web/extension.js') throw new Error(`browser is ${manifest.browser}`);
    });

    await check('workbench opens the workspace and lanes.md', async () => {
      await openFromExplorer(page, CS_URL, WS_DIR, FILE);
      await page.locator('.editor-instance .monaco-editor .view-lines').first().waitFor({ timeout: 30000 });
      await page.keyboard.press('Control+B');
      editorOpen = true;
    });
    if (!editorOpen) throw new Error('no editor');

    await check('the Problems panel lists unsupported-claim for Claim 3 (diagnostics from the web worker server)', async () => {
      await page.locator('.editor-instance .squiggly-warning').first().waitFor({ timeout: 90000 });
      await page.keyboard.press('Control+Shift+M');
      await page.locator('.markers-panel .monaco-list-row', { hasText: 'Painted lines alone do little' }).first().waitFor({ timeout: 30000 });
      // Files fetched through the editor arrive after the first lint: wait (up to 45 s) until the
      // findings no longer name what replies.md and refs.bib answer, and hold still for a second.
      // On a loaded machine those reads can come later than a first quiet second.
      const settled = (r) => !r.some((x) => x.includes('Shops on redesigned streets') || x.includes('unknown-citation-key'));
      let last = '';
      for (let i = 0; i < 45; i++) {
        rows = (await page.locator('.markers-panel .monaco-list-row').allInnerTexts()).map((s) => s.replace(/\s+/g, ' '));
        const now = JSON.stringify(rows);
        if (now === last && settled(rows)) break;
        last = now;
        await page.waitForTimeout(1000);
      }
      log(`problems: ${JSON.stringify(rows)}`);
      if (!rows.some((r) => r.includes('unsupported-claim') && r.includes('Painted lines alone do little'))) throw new Error('no unsupported-claim row for Claim 3');
    });

    await check('other files were read through vscode.workspace.fs: replies.md defends Claim 2, refs.bib knows @rivera2019', async () => {
      if (!rows.some((r) => r.includes('unsupported-claim'))) throw new Error('no findings to judge by');
      if (rows.some((r) => r.includes('Shops on redesigned streets'))) throw new Error('Claim 2 is reported: replies.md was not read');
      if (rows.some((r) => r.includes('unknown-citation-key'))) throw new Error('@rivera2019 is unknown: refs.bib was not read');
      await page.keyboard.press('Control+Shift+M');
    });

    await check('hover card on a claim heading shows its sources', async () => {
      await hoverClaimSources(page);
    });

    if (tally.failed) {
      const relevant = consoleLines.filter((l) => /warrant|extension host|worker|error/i.test(l)).slice(-40);
      log(`browser console (${relevant.length} of ${consoleLines.length} lines):\n  ${relevant.join('\n  ')}`);
    }
  } catch (e) {
    log(`aborted: ${e.message}`);
    try {
      await page.screenshot({ path: path.join(SHOT_DIR, 'web-failure.png') });
      log(`screenshot: ${path.join(SHOT_DIR, 'web-failure.png')}`);
    } catch {
      // page gone
    }
  } finally {
    await browser.close();
  }
  if (!editorOpen) tally.failed += 3; // the checks that could not run
  tally.finish();
})();
