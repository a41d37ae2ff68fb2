/**
 * The report page in a real browser: `warrant report examples` and a hostile essay, loaded from
 * disk in Debian's Chromium (playwright-core) with every network request blocked. Checks that no
 * request was attempted, that every claim and every `lint -f json` finding is on the page, the
 * SVG map, that it reads without script, prints with every section open, fits a phone, keeps
 * text contrast at 4.5:1 or more, and that the hostile essay and the hostile threat model (every
 * section, the threat matrix with markup in every column) run nothing.
 * Prints "report: N passed, N failed". Run by scripts/e2e.sh; alone:
 *   npm run build && node test/e2e/report.cjs
 * Env: CHROMIUM (default /usr/bin/chromium), REPORT_SHOT (save a screenshot of the page's top there).
 */
const { chromium } = require('playwright-core');
const { spawnSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { pathToFileURL } = require('url');
const { checks, log } = require('./browser.cjs');

const ROOT = path.join(__dirname, '..', '..');
const BIN = path.join(ROOT, 'bin', 'warrant.cjs');
const tally = checks('report', { stackLines: 4 });
const { check } = tally;
function assert(cond, message) {
  if (!cond) throw new Error(message);
}

function warrant(args, cwd) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  if (r.status !== 0 && r.status !== 1) throw new Error(`warrant ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return r;
}

/** Every request the page makes is recorded and, unless it is the report file itself, aborted. */
async function openPage(browser, file, options = {}) {
  const context = await browser.newContext({ viewport: options.viewport ?? { width: 1200, height: 900 }, javaScriptEnabled: options.javaScriptEnabled ?? true, deviceScaleFactor: 1 });
  const requests = [];
  const url = pathToFileURL(file).href;
  await context.route('**/*', (route) => {
    const u = route.request().url();
    if (u === url) return route.continue();
    requests.push(u);
    return route.abort('blockedbyclient');
  });
  const page = await context.newPage();
  page.on('request', (r) => {
    if (r.url() !== url && !requests.includes(r.url())) requests.push(r.url());
  });
  const dialogs = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    d.dismiss().catch(() => {});
  });
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  // Runs before the page (injected by the browser, so the page's CSP does not apply to it).
  await context.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  await page.goto(url);
  await page.waitForLoadState('load');
  return { context, page, requests, dialogs, errors };
}

/** WCAG contrast of every text-bearing element's colour on its effective background. */
function contrastProblems() {
  const parse = (c) => {
    const m = /rgba?\(([\d.]+),\s*([\d.]+),\s*([\d.]+)(?:,\s*([\d.]+))?\)/.exec(c);
    return m ? [Number(m[1]), Number(m[2]), Number(m[3]), m[4] === undefined ? 1 : Number(m[4])] : [0, 0, 0, 0];
  };
  const lum = ([r, g, b]) => {
    const f = (v) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
    return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
  };
  const background = (el) => {
    for (let e = el; e; e = e.parentElement) {
      const c = parse(getComputedStyle(e).backgroundColor);
      if (c[3] > 0.5) return c;
    }
    return [255, 255, 255, 1];
  };
  const out = [];
  for (const el of document.querySelectorAll('body *')) {
    if (el.closest('svg') || !el.getClientRects().length) continue;
    const own = [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim());
    if (!own) continue;
    const fg = parse(getComputedStyle(el).color);
    const bg = background(el);
    const [a, b] = [lum(fg), lum(bg)].sort((x, y) => y - x);
    const ratio = (a + 0.05) / (b + 0.05);
    if (ratio < 4.5) out.push(`${el.tagName.toLowerCase()}.${el.className} "${el.textContent.trim().slice(0, 30)}" ${ratio.toFixed(2)}`);
  }
  return [...new Set(out)];
}

(async () => {
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'warrant-report-e2e-'));
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--no-first-run',
      // and the network is unreachable anyway: every host resolves to nothing
      '--host-resolver-rules=MAP * ~NOTFOUND', '--proxy-server=127.0.0.1:9'],
  });
  try {
    const report = path.join(scratch, 'examples.html');
    const run = warrant(['report', 'examples', '-o', report], ROOT);
    const lint = JSON.parse(warrant(['lint', 'examples', '-f', 'json'], ROOT).stdout);
    const claims = JSON.parse(warrant(['claims', 'examples'], ROOT).stdout).filter((c) => c.syntax !== 'heuristic' && c.claim);
    const lintStatus = spawnSync(process.execPath, [BIN, 'lint', 'examples', '-f', 'json'], { cwd: ROOT }).status;

    await check('warrant report examples exits like lint and writes one file', async () => {
      assert(run.status === lintStatus, `report exited ${run.status}, lint ${lintStatus}`);
      assert(fs.readdirSync(scratch).join() === 'examples.html', fs.readdirSync(scratch).join());
    });

    const { context, page, requests, errors } = await openPage(browser, report);
    if (process.env.REPORT_SHOT) {
      await page.screenshot({ path: process.env.REPORT_SHOT, clip: { x: 0, y: 0, width: 1200, height: 900 } });
      log(`saved ${process.env.REPORT_SHOT}`);
    }
    await check('no request was attempted, nothing blocked by the CSP, no script error', async () => {
      const violations = await page.evaluate(() => window.__violations);
      assert(requests.length === 0, `requests: ${requests.join(', ')}`);
      assert(violations.length === 0, `CSP violations: ${violations.join(', ')}`);
      assert(errors.length === 0, `errors: ${errors.join(', ')}`);
    });

    await check(`every claim of the examples is on the page (${claims.length})`, async () => {
      const shown = await page.$$eval('article.claim', (els) => els.map((e) => ({ id: e.id, text: e.querySelector('.claim-text').textContent.replace(/\s+/g, ' ') })));
      assert(shown.length === claims.length, `${shown.length} entries for ${claims.length} claims`);
      for (const c of claims) {
        const text = c.text.replace(/\s+/g, ' ').trim();
        assert(shown.some((s) => s.text.includes(text)), `missing claim ${c.file}:${c.line} ${text}`);
      }
    });

    await check(`every finding of lint -f json is on the page (${lint.reduce((n, f) => n + f.messages.length, 0)})`, async () => {
      const shown = await page.$$eval('li.finding', (els) =>
        els.map((e) => ({ file: e.dataset.file, line: e.dataset.line, column: e.dataset.column, rule: e.dataset.rule, message: e.querySelector('.message').textContent })),
      );
      let n = 0;
      for (const file of lint) {
        const name = path.relative(ROOT, file.filePath).split(path.sep).join('/');
        for (const m of file.messages) {
          n++;
          assert(
            shown.some((s) => s.file === name && s.line === String(m.line) && s.column === String(m.column) && s.rule === m.ruleId && s.message === m.message),
            `missing ${name}:${m.line}:${m.column} ${m.ruleId}`,
          );
        }
      }
      assert(shown.length === n, `${shown.length} findings on the page, lint has ${n}`);
    });

    await check('the SVG map is inline, and its nodes link to claim entries on the page', async () => {
      const map = await page.evaluate(() => {
        const svg = document.querySelector('#map svg');
        const links = [...document.querySelectorAll('#map svg a')].map((a) => a.getAttribute('href'));
        return { svg: !!svg, nodes: svg ? svg.querySelectorAll('g.node').length : 0, links, ids: links.map((h) => !!document.getElementById(h.slice(1))) };
      });
      assert(map.svg, 'no svg');
      assert(map.nodes >= 20, `${map.nodes} nodes`);
      assert(map.links.length >= 10 && map.ids.every(Boolean), JSON.stringify(map.links));
      await page.click('#map svg a');
      const hash = await page.evaluate(() => location.hash);
      assert(/^#claim-/.test(hash), hash);
    });

    await check('the threat-coverage matrix (examples/ai-risk is under the AI-risk preset): one row per risk of warrant matrix', async () => {
      const matrix = JSON.parse(warrant(['matrix', 'examples/ai-risk', '-f', 'json'], ROOT).stdout);
      const rows = await page.$$eval('#x-threat-matrix tbody tr', (trs) => trs.map((tr) => tr.querySelector('th').textContent));
      assert(matrix.risks.length > 0 && rows.length === matrix.risks.length, `${rows.length} rows, ${matrix.risks.length} risks`);
      for (const r of matrix.risks) assert(rows.some((t) => t.includes(r.text.slice(0, 40))), r.text);
    });

    await check('source kinds (issue 23): each claim with sources has an evidence line of its sources\' types; the evidence mix has a row per file', async () => {
      const lines = await page.$$eval('article.claim', (els) => els.map((e) => ({ text: e.querySelector('.claim-text').textContent.replace(/\s+/g, ' '), evidence: e.querySelector('p.evidence')?.textContent ?? null })));
      const label = (t) => (t === 'same-site' ? 'same site' : t);
      for (const c of claims) {
        const shown = lines.find((l) => l.text.includes(c.text.replace(/\s+/g, ' ').trim()));
        if (!shown) continue;
        if (c.sources.length === 0) {
          assert(shown.evidence === null, `evidence line without sources: ${c.file}:${c.line}`);
          continue;
        }
        for (const type of new Set(c.sources.map((x) => x.type))) {
          const n = c.sources.filter((x) => x.type === type).length;
          assert(shown.evidence && shown.evidence.includes(`${n} ${label(type)}`), `${c.file}:${c.line}: "${shown.evidence}" lacks ${n} ${label(type)}`);
        }
      }
      const mix = await page.$$eval('#x-evidence-mix tbody tr', (trs) => trs.map((tr) => [...tr.children].map((td) => td.textContent)));
      const files = lint.length;
      assert(mix.length === files + 1 && mix[mix.length - 1][0] === 'All files', `${mix.length} rows for ${files} files`);
      const header = await page.$$eval('#x-evidence-mix thead th', (ths) => ths.map((th) => th.textContent));
      assert(header.join() === 'File,paper,preprint,official,news,blog,web,same site,note,Total', header.join());
      assert(Number(mix[mix.length - 1][header.length - 1]) > 0, 'no sources counted');
    });

    await check('heuristic findings are collapsed; the filter hides what does not match', async () => {
      assert(!(await page.isVisible('#heuristic li.finding >> nth=0')), 'heuristic findings should start collapsed');
      await page.fill('.filter input[type=search]', 'norms-hold');
      const visible = await page.$$eval('[data-filter]', (els) => els.filter((e) => !e.hidden).length);
      const total = await page.$$eval('[data-filter]', (els) => els.length);
      assert(visible >= 1 && visible < total / 4, `${visible} of ${total} visible`);
      await page.fill('.filter input[type=search]', '');
    });

    await check('print: every section expanded, navigation and filter hidden', async () => {
      await page.emulateMedia({ media: 'print' });
      assert(await page.isVisible('#heuristic li.finding >> nth=0'), 'heuristic findings hidden in print');
      assert(!(await page.isVisible('nav')), 'nav shown in print');
      assert(!(await page.isVisible('.filter')), 'filter shown in print');
      assert(await page.isVisible('#x-evidence-mix table'), 'evidence mix hidden in print');
      assert(await page.isVisible('p.evidence >> nth=0'), 'claim evidence lines hidden in print');
      await page.emulateMedia({ media: 'screen' });
    });

    await check('text contrast is at least 4.5:1 everywhere (statuses and severities are also written out)', async () => {
      const problems = await page.evaluate(contrastProblems);
      assert(problems.length === 0, problems.slice(0, 8).join('; '));
      const statuses = await page.$$eval('.status', (els) => [...new Set(els.map((e) => e.textContent))]);
      assert(statuses.every((s) => /Supported|Unsupported|Suppressed/.test(s)), statuses.join());
    });

    await check('landmarks and headings in order', async () => {
      const r = await page.evaluate(() => ({
        landmarks: ['header', 'nav', 'main', 'footer'].filter((t) => document.querySelector(t)),
        levels: [...document.querySelectorAll('h1,h2,h3,h4,h5,h6')].map((h) => Number(h.tagName[1])),
        h1: document.querySelectorAll('h1').length,
      }));
      assert(r.landmarks.length === 4, r.landmarks.join());
      assert(r.h1 === 1, `${r.h1} h1`);
      r.levels.reduce((prev, l) => {
        assert(l <= prev + 1, `h${l} after h${prev}`);
        return l;
      }, 0);
    });
    await context.close();

    await check('reads without script: everything there, no filter box', async () => {
      const { context: c, page: p } = await openPage(browser, report, { javaScriptEnabled: false });
      assert((await p.$$('article.claim')).length === claims.length, 'claims missing');
      assert(await p.isVisible('#findings li.finding >> nth=0'), 'findings hidden');
      assert((await p.$$('.filter')).length === 0, 'filter box without script');
      assert(await p.isVisible('#x-evidence-mix table'), 'evidence mix hidden without script');
      await c.close();
    });

    await check('fits a phone: nothing wider than the screen but the scrollable tables and code', async () => {
      const { context: c, page: p } = await openPage(browser, report, { viewport: { width: 375, height: 740 } });
      const width = await p.evaluate(() => document.documentElement.scrollWidth);
      assert(width <= 375, `page is ${width}px wide`);
      await c.close();
    });

    // The hostile essay: scripts, handlers and script URLs in claims, links, bibliography and file names.
    const hostileDir = path.join(scratch, 'hostile');
    fs.cpSync(path.join(ROOT, 'test', 'report', 'fixtures', 'hostile'), hostileDir, { recursive: true });
    fs.writeFileSync(path.join(hostileDir, `x"><img src=x onerror=alert('name')>.md`), 'Claim: A file name is data too.\n');
    const hostile = path.join(scratch, 'hostile.html');
    warrant(['report', '.', '-o', hostile], hostileDir);
    await check('hostile essay: no script but the page\'s own, no event-handler attributes, no script or data links, nothing ran', async () => {
      const { context: c, page: p, requests: reqs, dialogs } = await openPage(browser, hostile);
      const dom = await p.evaluate(() => {
        const all = [...document.querySelectorAll('*')];
        return {
          scripts: document.querySelectorAll('script').length,
          handlers: all.flatMap((el) => [...el.attributes].filter((a) => a.name.toLowerCase().startsWith('on')).map((a) => `${el.tagName}[${a.name}]`)),
          badLinks: all
            .flatMap((el) => ['href', 'xlink:href', 'src', 'action', 'formaction'].map((n) => el.getAttribute(n)).filter((v) => v !== null))
            .filter((v) => !/^(#|https?:|mailto:)/i.test(v.trim())),
          injected: document.querySelectorAll('img, iframe, object, embed, b[onmouseover], main svg:not(#map svg)').length,
          text: document.body.textContent,
        };
      });
      assert(dom.scripts === 1, `${dom.scripts} scripts`);
      assert(dom.handlers.length === 0, dom.handlers.join());
      assert(dom.badLinks.length === 0, dom.badLinks.join());
      assert(dom.injected === 0, `${dom.injected} injected elements`);
      for (const s of ["<script>alert('claim')</script>", "<img src=x onerror=alert('img')>", `"><svg onload=alert('text')>`, "javascript:alert('bib url')", `x"><img src=x onerror=alert('name')>.md`]) {
        assert(dom.text.includes(s), `not shown as text: ${s}`);
      }
      await p.mouse.move(200, 400);
      assert(dialogs.length === 0, `dialogs: ${dialogs.join()}`);
      assert(reqs.length === 0, `requests: ${reqs.join()}`);
      await c.close();
    });

    // The hostile threat model (AI-risk preset): every section renders, the matrix too, with
    // markup in every column that can carry document text, and a file name that is markup.
    const riskDir = path.join(scratch, 'hostile-risk');
    fs.cpSync(path.join(ROOT, 'test', 'report', 'fixtures', 'hostile-risk'), riskDir, { recursive: true });
    const riskName = `t"><img src=x onerror=alert('file')>.md`;
    fs.renameSync(path.join(riskDir, 'threats.md'), path.join(riskDir, riskName));
    const riskReport = path.join(scratch, 'hostile-risk.html');
    warrant(['report', '.', '-o', riskReport], riskDir);
    await check('hostile threat model: every section, the matrix with markup in every column, and nothing ran (no script, handler or CSP violation)', async () => {
      const { context: c, page: p, requests: reqs, dialogs, errors: errs } = await openPage(browser, riskReport);
      const dom = await p.evaluate(() => {
        const all = [...document.querySelectorAll('*')];
        const table = document.querySelector('#x-threat-matrix table');
        return {
          sections: [...document.querySelectorAll('main > section')].map((s) => s.id),
          scripts: document.querySelectorAll('script').length,
          handlers: all.flatMap((el) => [...el.attributes].filter((a) => a.name.toLowerCase().startsWith('on')).map((a) => `${el.tagName}[${a.name}]`)),
          badLinks: all
            .flatMap((el) => ['href', 'xlink:href', 'src', 'action', 'formaction'].map((n) => el.getAttribute(n)).filter((v) => v !== null))
            .filter((v) => !/^(#|https?:|mailto:)/i.test(v.trim())),
          injected: document.querySelectorAll('img, iframe, object, embed, b, main svg:not(#map svg)').length,
          head: table ? [...table.querySelectorAll('thead th')].map((th) => th.textContent) : [],
          rows: table ? [...table.querySelectorAll('tbody tr')].map((tr) => [...tr.children].map((cell) => ({ text: cell.textContent, elements: cell.children.length }))) : [],
          filter: !!document.querySelector('.filter'),
          violations: window.__violations,
        };
      });
      assert(dom.sections.join() === 'claims,findings,map,heuristic,x-threat-matrix', dom.sections.join());
      assert(dom.filter, "the page's own script did not run");
      assert(dom.scripts === 1, `${dom.scripts} scripts`);
      assert(dom.handlers.length === 0, dom.handlers.join());
      assert(dom.badLinks.length === 0, dom.badLinks.join());
      assert(dom.injected === 0, `${dom.injected} injected elements`);
      assert(dom.violations.length === 0, `CSP violations (something tried to run or load): ${dom.violations.join(', ')}`);
      assert(dom.rows.length === 2, `${dom.rows.length} matrix rows`);
      const hostile = /<script>|onerror=|onload=|javascript:|"></;
      dom.head.forEach((column, i) => {
        if (column === 'Model only') return;
        const cells = dom.rows.map((r) => r[i]);
        assert(cells.every((cell) => cell.elements === 0), `${column}: an element inside a cell`);
        assert(cells.some((cell) => hostile.test(cell.text)), `${column}: no hostile text shown in this column`);
      });
      for (const s of ["<script>alert('adversary')</script>", `"><svg onload=alert("harm")>`, "<img src=x onerror=alert('risk text')>", `${riskName}:7`]) {
        assert(dom.rows.some((r) => r.some((cell) => cell.text.includes(s))), `not shown as text in the matrix: ${s}`);
      }
      await p.hover('#x-threat-matrix tbody tr >> nth=0');
      await p.mouse.move(300, 500);
      await p.emulateMedia({ media: 'print' });
      assert(dialogs.length === 0, `dialogs: ${dialogs.join()}`);
      assert(reqs.length === 0, `requests: ${reqs.join()}`);
      assert(errs.length === 0, `errors: ${errs.join()}`);
      await c.close();
    });
  } catch (e) {
    tally.failed++;
    log(`not ok - setup: ${(e && e.stack) || e}`);
  } finally {
    await browser.close();
    fs.rmSync(scratch, { recursive: true, force: true });
  }
  tally.finish();
})();
