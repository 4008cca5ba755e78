/// <reference lib="dom" />
/**
 * `npm run test:e2e`: the extension in a real VS Code (code-server 4.100.3, installed into
 * .e2e/ by test/e2e/setup.sh), driven through headless Debian chromium with playwright-core.
 *   1. the extension-host suite (test/vscode) inside code-server's extension host;
 *   2. the packaged .vsix installed into a fresh profile and checked as a person sees it,
 *      with a screenshot per step under test-results/.
 * Every wait is on something visible or reported; each phase has a timeout of its own.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import * as util from 'node:util';
import { scratchWorkspace } from '../workspace';

const root = path.join(__dirname, '..', '..', '..');
const harness = path.join(root, '.e2e', 'node_modules');
const codeServer = path.join(harness, 'code-server', 'out', 'node', 'entry.js');
const results = path.join(root, 'test-results');
const vsix = path.join(root, 'policy-fact-check.vsix');
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';

// The few Playwright shapes used here; playwright-core lives in .e2e/, not in package.json.
interface Locator {
  first(): Locator;
  nth(i: number): Locator;
  count(): Promise<number>;
  waitFor(o?: { state?: 'visible' | 'attached' | 'hidden'; timeout?: number }): Promise<void>;
  boundingBox(): Promise<{ x: number; y: number; width: number; height: number } | null>;
  innerText(): Promise<string>;
  hover(o?: { position?: { x: number; y: number }; force?: boolean }): Promise<void>;
  click(o?: { position?: { x: number; y: number } }): Promise<void>;
  filter(o: { hasText: string | RegExp }): Locator;
  locator(s: string): Locator;
}
interface Page {
  goto(url: string, o?: { timeout?: number }): Promise<unknown>;
  locator(s: string): Locator;
  keyboard: { press(k: string): Promise<void>; type(t: string, o?: { delay?: number }): Promise<void> };
  mouse: { move(x: number, y: number, o?: { steps?: number }): Promise<void> };
  screenshot(o: { path: string }): Promise<unknown>;
  exposeFunction(name: string, fn: (...args: unknown[]) => unknown): Promise<void>;
  evaluate<T, A>(fn: (arg: A) => T, arg: A): Promise<T>;
  waitForFunction<A>(fn: (arg: A) => unknown, arg: A, o?: { timeout?: number; polling?: number }): Promise<unknown>;
  setViewportSize(s: { width: number; height: number }): Promise<void>;
}
interface Browser {
  newPage(o?: { viewport?: { width: number; height: number } }): Promise<Page>;
  close(): Promise<void>;
}

function step(msg: string): void {
  console.log(`e2e: ${msg}`);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });
}

interface Server {
  port: number;
  proc: ChildProcess;
  log: () => string;
  stop(): Promise<void>;
}

/** Quiet user settings for a fresh profile: no welcome page, tips or update checks. */
const USER_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'editor.hover.delay': 200,
};

async function startCodeServer(profile: string): Promise<Server> {
  fs.mkdirSync(path.join(profile, 'ud', 'User'), { recursive: true });
  fs.writeFileSync(path.join(profile, 'ud', 'User', 'settings.json'), JSON.stringify(USER_SETTINGS, null, 2));
  const port = await freePort();
  let log = '';
  const proc = spawn(
    process.execPath,
    [
      codeServer,
      '--auth',
      'none',
      '--bind-addr',
      `127.0.0.1:${port}`,
      '--user-data-dir',
      path.join(profile, 'ud'),
      '--extensions-dir',
      path.join(profile, 'ext'),
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-workspace-trust',
      '--disable-getting-started-override',
    ],
    { env: { ...process.env, XDG_CONFIG_HOME: path.join(profile, 'config'), XDG_DATA_HOME: path.join(profile, 'data') }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`code-server did not start in 60 s:\n${log}`)), 60_000);
    const onData = (d: Buffer) => {
      log += d;
      if (log.includes('HTTP server listening')) {
        clearTimeout(timer);
        resolve();
      }
    };
    proc.stdout!.on('data', onData);
    proc.stderr!.on('data', onData);
    proc.on('exit', (code) => reject(new Error(`code-server exited (${code}):\n${log}`)));
  });
  return {
    port,
    proc,
    log: () => log,
    stop: () =>
      new Promise((resolve) => {
        if (proc.exitCode !== null) return resolve();
        proc.once('exit', () => resolve());
        proc.kill('SIGTERM');
        setTimeout(() => proc.kill('SIGKILL'), 5000).unref();
      }),
  };
}

async function launchBrowser(): Promise<Browser> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { chromium } = require(path.join(harness, 'playwright-core')) as { chromium: { launch(o: object): Promise<Browser> } };
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  });
}

function withTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout;
  return Promise.race([p, new Promise<T>((_, reject) => (timer = setTimeout(() => reject(new Error(`${what} timed out after ${ms / 1000} s`)), ms)))]).finally(
    () => clearTimeout(timer),
  );
}

/** Phase 1: the mocha suite from test/vscode, inside code-server's extension host. */
async function extensionHostSuite(browser: Browser): Promise<void> {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'factcheck-e2e-host-'));
  const server = await startCodeServer(profile);
  const ws = scratchWorkspace('factcheck-e2e-ws-');
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    const remote = (p: string) => `vscode-remote://127.0.0.1:${server.port}${p}`;
    const payload = [
      ['extensionDevelopmentPath', remote(root)],
      ['extensionTestsPath', remote(path.join(root, 'out', 'test', 'vscode', 'index.js'))],
      ['skipWelcome', 'true'],
    ];
    let resolveExit!: (code: number) => void;
    const exited = new Promise<number>((r) => (resolveExit = r));
    await page.exposeFunction('codeAutomationLog', (type: unknown, args: unknown) => {
      const parts = Array.isArray(args) ? args : [args];
      const line = util.format(...parts);
      // The workbench forwards its own chatter too; keep the test output readable.
      if (!/remote-connection|open-vsx|WebSocket|Creating a socket|Resolv|Service Worker|ChatSession|builtin extensions|unknown error occurred/.test(line))
        console.log(`  [host ${String(type)}] ${line}`);
    });
    await page.exposeFunction('codeAutomationExit', (code: unknown) => resolveExit(Number(code)));
    await page.goto(`http://127.0.0.1:${server.port}/?folder=${encodeURIComponent(ws)}&payload=${encodeURIComponent(JSON.stringify(payload))}`);
    const code = await withTimeout(exited, 180_000, 'the extension-host suite');
    await page.screenshot({ path: path.join(results, '00-extension-host-suite.png') });
    if (code !== 0) throw new Error(`the extension-host suite failed (exit code ${code})`);
    step('extension-host suite passed');
  } finally {
    await server.stop();
  }
}

/** Finds the on-screen box of `text` in the editor's rendered lines (what the eye reads). */
async function textBox(page: Page, text: string): Promise<{ x: number; y: number; width: number; height: number }> {
  const box = await page.evaluate((needle: string) => {
    for (const line of Array.from(document.querySelectorAll('.monaco-editor .view-line'))) {
      const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
      let full = '';
      const nodes: { node: Text; start: number }[] = [];
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        nodes.push({ node: n as Text, start: full.length });
        full += (n as Text).data;
      }
      const at = full.replace(/\u00a0/g, ' ').indexOf(needle);
      if (at < 0) continue;
      const range = document.createRange();
      const locate = (offset: number) => {
        const hit = nodes.filter((x) => x.start <= offset).pop()!;
        return [hit.node, offset - hit.start] as const;
      };
      range.setStart(...locate(at));
      const [endNode, endOffset] = locate(at + needle.length - 1);
      range.setEnd(endNode, endOffset + 1);
      const r = range.getBoundingClientRect();
      return { x: r.x, y: r.y, width: r.width, height: r.height };
    }
    return null;
  }, text);
  if (!box) throw new Error(`"${text}" is not shown in the editor`);
  return box;
}

async function openFile(page: Page, name: string): Promise<void> {
  const base = path.basename(name);
  const tab = page.locator('.tabs-container .tab').filter({ hasText: base }).first();
  if (await tab.count()) {
    await tab.click();
  } else {
    await page.keyboard.press('Control+P');
    await page.locator('.quick-input-widget input').waitFor({ state: 'visible' });
    await page.keyboard.type(name, { delay: 10 });
    // Enter only once the filtered list has settled with the file focused.
    await page.locator('.quick-input-list .monaco-list-row.focused').filter({ hasText: base }).first().waitFor();
    await page.keyboard.press('Enter');
  }
  await page.locator('.tab.active').filter({ hasText: base }).waitFor();
}

async function runCommand(page: Page, title: string): Promise<void> {
  await page.keyboard.press('F1');
  await page.locator('.quick-input-widget input').waitFor({ state: 'visible' });
  await page.keyboard.type(title, { delay: 10 });
  await page.locator('.quick-input-list .monaco-list-row').filter({ hasText: title }).first().waitFor();
  await page.keyboard.press('Enter');
}

/** Waits until the Problems panel's rows contain every given text; returns the rows' text. */
async function problemsContain(page: Page, texts: string[], timeout = 30_000): Promise<string> {
  await page.waitForFunction(
    (want: string[]) => {
      const rows = Array.from(document.querySelectorAll('.markers-panel .monaco-list-row'))
        .map((r) => (r as HTMLElement).innerText)
        .join('\n');
      return want.every((t) => rows.includes(t));
    },
    texts,
    { timeout },
  );
  return page.evaluate(
    () =>
      Array.from(document.querySelectorAll('.markers-panel .monaco-list-row'))
        .map((r) => (r as HTMLElement).innerText)
        .join('\n'),
    undefined,
  );
}

/** Phase 2: the packaged .vsix in a fresh profile, as a person sees it. */
async function userInterface(browser: Browser): Promise<void> {
  if (!fs.existsSync(vsix)) throw new Error(`${vsix} is missing; run npm run package first`);
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'factcheck-e2e-ui-'));
  const install = spawnSync(
    process.execPath,
    [codeServer, '--user-data-dir', path.join(profile, 'ud'), '--extensions-dir', path.join(profile, 'ext'), '--install-extension', vsix],
    { encoding: 'utf8', env: { ...process.env, XDG_CONFIG_HOME: path.join(profile, 'config'), XDG_DATA_HOME: path.join(profile, 'data') } },
  );
  if (install.status !== 0 || !/successfully installed/i.test(install.stdout + install.stderr))
    throw new Error(`installing the .vsix failed:\n${install.stdout}${install.stderr}`);
  step('installed the .vsix into a fresh profile');
  const server = await startCodeServer(profile);
  const ws = scratchWorkspace('factcheck-e2e-ws-');
  const shot = (name: string) => page.screenshot({ path: path.join(results, name) });
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  try {
    await page.goto(`http://127.0.0.1:${server.port}/?folder=${encodeURIComponent(ws)}`);
    await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
    await page.locator('.explorer-folders-view, .explorer-viewlet').first().waitFor({ timeout: 60_000 });

    // 1. A draft with a conflict: a warning squiggle under exactly "$250 billion".
    await openFile(page, 'drafts/trade.md');
    const squiggle = page.locator('.monaco-editor .squiggly-warning').first();
    await squiggle.waitFor({ timeout: 30_000 });
    const sq = (await squiggle.boundingBox())!;
    const figure = await textBox(page, '$250 billion');
    if (Math.abs(sq.x - figure.x) > 2 || Math.abs(sq.width - figure.width) > 3)
      throw new Error(`the squiggle (x ${sq.x}, width ${sq.width}) is not under "$250 billion" (x ${figure.x}, width ${figure.width})`);
    if ((await page.locator('.monaco-editor .squiggly-warning').count()) !== 1) throw new Error('expected exactly one squiggle in trade.md');
    await shot('01-squiggle.png');
    step('squiggle under the exact figure');

    // 2. Hover: the sourced value and the quote.
    await page.mouse.move(figure.x + figure.width / 2, figure.y + figure.height / 2, { steps: 4 });
    const hover = page.locator('.monaco-hover').filter({ hasText: 'Trump has shown a keen interest' }).first();
    await hover.waitFor({ state: 'visible', timeout: 20_000 });
    const hoverText = await hover.innerText();
    if (!hoverText.includes('$200 billion')) throw new Error(`the hover lacks the sourced value:\n${hoverText}`);
    // The hover fades in; take the picture once no animation runs.
    await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'), undefined, { timeout: 5_000 });
    await shot('02-hover.png');
    step('hover shows the sourced value and the quote');
    await page.keyboard.press('Escape');

    // 3. Check Workspace from the command palette: Problems lists files never opened.
    await runCommand(page, 'Fact Check: Check Workspace');
    await page.keyboard.press('Control+Shift+M');
    const rows = await problemsContain(page, ['dam.txt', 'library.md', 'trade.md', 'at least $170 billion', '$4.2 million']);
    if (rows.includes('clean.md')) throw new Error(`clean.md should have no findings:\n${rows}`);
    await shot('03-problems.png');
    // The progress notification closes once the check is done.
    await page
      .locator('.notifications-toasts .notification-toast')
      .filter({ hasText: 'checking workspace' })
      .first()
      .waitFor({ state: 'hidden', timeout: 15_000 });
    step('Check Workspace lists findings for unopened files');

    // 4. The quick fix replaces the figure and the squiggle goes.
    await openFile(page, 'drafts/trade.md');
    const fig = await textBox(page, '$250 billion');
    const lines = (await page.locator('.monaco-editor .view-lines').first().boundingBox())!;
    await page
      .locator('.monaco-editor .view-lines')
      .first()
      .click({ position: { x: fig.x - lines.x + 4, y: fig.y - lines.y + fig.height / 2 } });
    await page.keyboard.press('Control+.');
    const fixItem = page.locator('.action-widget .monaco-list-row').filter({ hasText: 'Replace with "$200 billion"' }).first();
    await fixItem.waitFor({ state: 'visible', timeout: 20_000 });
    await page.locator('.action-widget .monaco-list-row.focused').filter({ hasText: 'Replace with "$200 billion"' }).first().waitFor({ timeout: 5_000 });
    await shot('04-quick-fix-menu.png');
    await page.keyboard.press('Enter'); // the preferred fix is focused; a mouse click is blocked by the menu's pointer guard
    await page.waitForFunction(
      () =>
        Array.from(document.querySelectorAll('.monaco-editor .view-line')).some((l) =>
          (l as HTMLElement).innerText.replace(/\u00a0/g, ' ').includes('short of the $200 billion it promised'),
        ),
      undefined,
      { timeout: 20_000 },
    );
    await page.locator('.monaco-editor .squiggly-warning').first().waitFor({ state: 'hidden', timeout: 20_000 });
    await shot('05-fixed.png');
    step('quick fix applied; the squiggle is gone');

    // 5. Edit the workspace fact base: the draft's diagnostics follow.
    const facts = path.join(ws, '.factcheck', 'facts.json');
    const good = fs.readFileSync(facts, 'utf8');
    await openFile(page, 'drafts/library.md');
    await page.locator('.monaco-editor .squiggly-warning').first().waitFor({ timeout: 30_000 });
    fs.writeFileSync(facts, good.replace('"amount": 4200000', '"amount": 6500000').replace(/\$4\.2 million/g, '$6.5 million'));
    await problemsContain(page, ['$6.5 million']);
    await shot('06-factbase-edited.png');
    step('editing .factcheck/facts.json updates the findings');

    // 6. Break the fact base: an error on it, and the draft keeps its diagnostics.
    fs.writeFileSync(facts, good.replace('"amount": 4200000', '"amount": "lots"'));
    await openFile(page, '.factcheck/facts.json');
    await page.locator('.monaco-editor .squiggly-error').first().waitFor({ timeout: 30_000 });
    const after = await problemsContain(page, ['must be a number', '$6.5 million']);
    if (!/facts\.json/.test(after)) throw new Error(`the Problems panel does not name facts.json:\n${after}`);
    await openFile(page, 'drafts/library.md');
    await page.locator('.monaco-editor .squiggly-warning').first().waitFor({ timeout: 10_000 });
    await shot('07-factbase-broken.png');
    step('a broken fact base shows its error; the draft keeps its diagnostics');

    // 7. The coverage of the open draft in the status bar: trade.md, fixed, has every figure backed.
    fs.writeFileSync(facts, good);
    await openFile(page, 'drafts/trade.md');
    const status = page.locator('.statusbar-item').filter({ hasText: '4 figures: 4 backed, 0 conflicts, 0 unverified' }).first();
    await status.waitFor({ timeout: 30_000 });
    await shot('08-coverage-status.png');
    step('the status bar gives the coverage');

    // 8. Cite All Backed Figures: footnotes after each sentence, each defined once at the end.
    await runCommand(page, 'Fact Check: Cite All Backed Figures');
    await page.waitForFunction(
      () => {
        const text = Array.from(document.querySelectorAll('.monaco-editor .view-line'))
          .map((l) => (l as HTMLElement).innerText.replace(/\u00a0/g, ' '))
          .join('\n');
        return text.includes('2020 deal.[^') && text.includes('[^trump-xi-deal-early-2025]: ');
      },
      undefined,
      { timeout: 20_000 },
    );
    await shot('09-citations.png');
    step('Cite All Backed Figures inserted footnotes and their definitions');

    // 9. The Facts view in the Explorer: fact bases, sources, facts with their use.
    await page.keyboard.press('Control+Shift+E');
    const header = page
      .locator('.pane-header')
      .filter({ hasText: /^Facts/ })
      .first();
    await header.waitFor({ timeout: 20_000 });
    if ((await header.locator('.codicon-view-pane-container-collapsed').count()) > 0) await header.click();
    const tree = page.locator('.pane-body .monaco-list-row');
    await tree.filter({ hasText: 'Bundled facts' }).first().waitFor({ timeout: 20_000 });
    await tree.filter({ hasText: 'Riverton City Budget 2025' }).first().click();
    await tree.filter({ hasText: '$4.2 million' }).first().waitFor({ timeout: 20_000 });
    await shot('10-facts-view.png');
    step('the Facts view lists fact bases, sources and facts');
  } catch (e) {
    await shot('failure.png').catch(() => undefined);
    console.error(server.log().slice(-3000));
    throw e;
  } finally {
    await server.stop();
  }
}

async function main(): Promise<void> {
  if (!fs.existsSync(codeServer)) throw new Error('the harness is not installed: run bash test/e2e/setup.sh');
  fs.mkdirSync(results, { recursive: true });
  const browser = await launchBrowser();
  const started = Date.now();
  try {
    const only = process.argv[2];
    if (!only || only === 'host') await extensionHostSuite(browser);
    if (!only || only === 'ui') await withTimeout(userInterface(browser), 300_000, 'the UI checks');
  } finally {
    await browser.close();
  }
  step(`all passed in ${((Date.now() - started) / 1000).toFixed(0)} s; screenshots in test-results/`);
}

main().then(
  () => process.exit(0),
  (e) => {
    console.error(`e2e: FAILED: ${e instanceof Error ? e.stack : e}`);
    process.exit(1);
  },
);
