/**
 * What the Chromium drivers share (ui.cjs, web.cjs, exthost-driver.cjs, report.cjs): the
 * time-stamped log, named checks with their "<layer>: N passed, N failed" line (scripts/e2e.sh
 * adds it to the totals), Chromium started on a fresh profile for code-server's workbench, and
 * the editor steps the UI and web tests both take (open a file from the Explorer, hover a claim
 * heading until its card shows).
 * Env: CHROMIUM (default /usr/bin/chromium).
 */
const { chromium } = require('playwright-core');
const fs = require('fs');
const os = require('os');
const path = require('path');

const t0 = Date.now();
/** One line of the driver's output, stamped with the seconds since it started: `[3.2s] ok - …`. */
const log = (m) => console.log(`[${((Date.now() - t0) / 1000).toFixed(1)}s] ${m}`);

/**
 * Named checks for one layer: `check(name, fn)` runs `fn` and logs `ok - name` or
 * `not ok - name: <first stackLines lines of the error>`; `passed` and `failed` count them (a
 * driver adds to `failed` for checks that could not run); `finish()` prints
 * `<layer>: N passed, N failed` and exits 1 on any failure.
 */
function checks(layer, { stackLines = 3 } = {}) {
  const tally = {
    passed: 0,
    failed: 0,
    async check(name, fn) {
      try {
        await fn();
        tally.passed++;
        log(`ok - ${name}`);
      } catch (e) {
        tally.failed++;
        log(`not ok - ${name}: ${String((e && e.stack) || e).split('\n').slice(0, stackLines).join(' | ')}`);
      }
    },
    finish() {
      console.log(`${layer}: ${tally.passed} passed, ${tally.failed} failed`);
      process.exit(tally.failed === 0 ? 0 : 1);
    },
  };
  return tally;
}

/** Headless Chromium as the workbench needs it: no sandbox or GPU, nothing fetched in the background. */
const EDITOR_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'];

/**
 * Chromium on a fresh profile (a temporary folder named `profilePrefix…`), 1280×800 unless
 * `options` say otherwise (they go to `launchPersistentContext`); `logPageErrors` logs the
 * page's uncaught errors. `close()` closes the browser and removes the profile.
 */
async function launchEditorBrowser({ profilePrefix = 'warrant-chromium-', logPageErrors = false, ...options } = {}) {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), profilePrefix));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    viewport: { width: 1280, height: 800 },
    ...options,
    args: EDITOR_ARGS,
  });
  const page = context.pages()[0] || (await context.newPage());
  if (logPageErrors) page.on('pageerror', (e) => log(`pageerror: ${e.message}`));
  return {
    context,
    page,
    async close() {
      await context.close();
      fs.rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Open the workbench on `folder` and click `file` in the Explorer (the editor may not be there yet). */
async function openFromExplorer(page, csUrl, folder, file) {
  await page.goto(`${csUrl}/?folder=${encodeURIComponent(folder)}`);
  await page.locator('.monaco-workbench').waitFor({ timeout: 60000 });
  const row = page.locator(`.explorer-folders-view .monaco-list-row[aria-label="${file}"], .monaco-list-row:has-text("${file}")`).first();
  await row.waitFor({ timeout: 60000 });
  await row.click();
}

/**
 * Hover the fixture's claim heading "Protected lanes cut serious injuries" (lanes.md) with the
 * mouse until its card shows (six tries: a hover can be missed while the editor settles), and
 * check that the card lists both of its sources. Returns the heading's span and the card.
 */
async function hoverClaimSources(page) {
  const span = page.locator('.editor-instance .view-line span', { hasText: 'Protected lanes cut serious injuries' }).last();
  await span.waitFor({ timeout: 10000 });
  const box = await span.boundingBox();
  const x = box.x + Math.min(box.width / 2, 80);
  const y = box.y + box.height / 2;
  const hover = page.locator('.monaco-hover:not(.hidden)', { hasText: 'lyon-corridors' }).first();
  for (let i = 0; i < 6; i++) {
    await page.mouse.move(x - 60, y + 60);
    await page.mouse.move(x, y, { steps: 6 });
    try {
      await hover.waitFor({ timeout: 5000 });
      break;
    } catch (e) {
      if (i === 5) throw e;
      log('hover not shown yet, retrying');
    }
  }
  const text = (await hover.innerText()).replace(/\s+/g, ' ');
  log(`hover: ${text}`);
  for (const expected of ['Claim', '2 sources', 'https://example.org/lyon-corridors', 'https://example.org/crash-register']) {
    if (!text.includes(expected)) throw new Error(`hover lacks ${expected}`);
  }
  return { span, hover };
}

module.exports = { log, checks, launchEditorBrowser, openFromExplorer, hoverClaimSources };
