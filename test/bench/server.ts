/**
 * The language server's speed at scale, measured through the real server process (the shipped
 * bundle, dist/server.js) over stdio, as an editor sees it. Figures only (medians, p50/p95);
 * nothing here asserts a time. Run by `npm run bench` after the engine figures.
 *   - cold start to first diagnostics;
 *   - keystroke-to-diagnostics latency on a 150 KB draft (debounce set to 0 to measure the work);
 *   - workspace check of 2,000 drafts (10 MB), with its progress reports;
 *   - server memory (peak RSS) with the bundled facts and with 100,000 facts.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { killAll, root, TestClient, uriOf } from '../protocol/lsp';
import { corpusText, percentile, repeatTo, writeDraftFolder } from './inputs';

const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const bundle = path.join(root, 'dist', 'server.js');

const ms = (t: bigint) => Number(process.hrtime.bigint() - t) / 1e6;

/** Peak and current resident memory of a process, from /proc (Linux). */
function memoryOf(pid: number): { rss: number; peak: number } {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN) / 1024;
  return { rss: kb('VmRSS'), peak: kb('VmHWM') };
}

async function started(folder: string, settings: Record<string, unknown> = {}): Promise<TestClient> {
  const client = new TestClient([bundle, '--stdio']);
  client.settings = settings;
  await client.initialize([folder]);
  return client;
}

async function coldStart(folder: string): Promise<number> {
  const xs: number[] = [];
  const draft = 'China fell short of the $250 billion it promised under the 2020 deal.\n';
  for (let i = 0; i < RUNS; i++) {
    const t = process.hrtime.bigint();
    const client = await started(folder);
    const uri = uriOf(path.join(folder, `cold-${i}.md`));
    const diags = client.diagnosticsFor(uri, (d) => d.length > 0);
    await client.open(uri, draft);
    await diags;
    xs.push(ms(t));
    await client.stop();
  }
  return percentile(xs, 50);
}

async function keystrokes(folder: string, text: string): Promise<{ p50: number; p95: number; n: number; pid: number; client: TestClient }> {
  const client = await started(folder, { debounceMs: 0 });
  const uri = uriOf(path.join(folder, 'big.md'));
  const first = client.diagnosticsFor(uri, undefined, 60_000);
  await client.open(uri, text);
  await first;
  const lines = text.split('\n');
  const xs: number[] = [];
  let version = 1;
  for (let i = 0; i < 60; i++) {
    // Type one character somewhere in the document, as a writer would.
    const line = (i * 7919) % lines.length;
    const character = Math.floor(lines[line].length / 2);
    version++;
    const t = process.hrtime.bigint();
    const published = client.diagnosticsFor(uri, (_, p) => p.version === version);
    await client.change(uri, version, [{ range: { start: { line, character }, end: { line, character } }, text: i % 2 ? 'x' : ' ' }]);
    await published;
    if (i >= 10) xs.push(ms(t)); // the first edits warm the JIT
  }
  return { p50: percentile(xs, 50), p95: percentile(xs, 95), n: xs.length, pid: client.proc.pid!, client };
}

async function workspaceCheck(folder: string): Promise<{ ms: number; files: number; reports: number; peak: number }> {
  const client = await started(folder);
  const token = 'bench';
  const t = process.hrtime.bigint();
  const result = (await client.conn.sendRequest('factcheck/checkWorkspace', { workDoneToken: token })) as { files: number };
  const elapsed = ms(t);
  const reports = client.progress.filter((p) => p.token === token && p.value.kind === 'report').length;
  const { peak } = memoryOf(client.proc.pid!);
  await client.stop();
  return { ms: elapsed, files: result.files, reports, peak };
}

/** A schema-valid fact base of n synthetic facts, written as a workspace fact base. */
function writeLargeFactBase(folder: string, n: number): void {
  const syll = ['ka', 'lo', 'mi', 'ren', 'tos', 'vel', 'qua', 'dor', 'pim', 'sul', 'zen', 'bar', 'cot', 'fyn', 'gad', 'hul'];
  const word = (i: number) => syll[i % 16] + syll[Math.floor(i / 16) % 16] + syll[Math.floor(i / 256) % 16];
  const facts = [];
  for (let i = 0; i < n; i++) {
    const millions = 1 + (i % 900);
    facts.push({
      id: `synthetic-${i}`,
      subject: `Budget of the ${word(i)} ${word(i * 7 + 3)} programme`,
      keywords: [word(i), word(i * 7 + 3), word(i * 13 + 5)],
      value: { kind: 'money', amount: millions * 1e6, unit: 'USD' },
      text: `$${millions} million`,
      quote: `The ${word(i)} programme received $${millions} million.`,
      source: 'synthetic',
      asOf: '2025-01',
    });
  }
  fs.mkdirSync(path.join(folder, '.factcheck'), { recursive: true });
  fs.writeFileSync(
    path.join(folder, '.factcheck', 'facts.json'),
    JSON.stringify({ version: 1, sources: [{ id: 'synthetic', description: 'Synthetic facts for the benchmark.' }], facts }),
  );
}

export async function serverBench(): Promise<void> {
  if (!fs.existsSync(bundle)) throw new Error(`${bundle} is missing: run npm run build`);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'factcheck-bench-'));
  console.log(`\nLanguage server over stdio (dist/server.js), ${RUNS} runs where repeated:`);

  const empty = path.join(tmp, 'empty');
  fs.mkdirSync(empty);
  const cold = await coldStart(empty);
  console.log(`  cold start to first diagnostics: ${cold.toFixed(0)} ms median  (target < 500 ms)`);

  const keys = await keystrokes(empty, repeatTo(corpusText(), 150 * 1024));
  const afterTyping = memoryOf(keys.pid);
  console.log(
    `  keystroke to diagnostics, 150 KB draft (${keys.n} edits, debounce 0): p50 ${keys.p50.toFixed(1)} ms, p95 ${keys.p95.toFixed(1)} ms  (target p95 < 50 ms)`,
  );
  console.log(
    `  memory with the bundled facts after the 150 KB session: RSS ${afterTyping.rss.toFixed(0)} MB, peak ${afterTyping.peak.toFixed(0)} MB  (target < 150 MB)`,
  );
  await keys.client.stop();

  const ws = path.join(tmp, 'workspace');
  const bytes = writeDraftFolder(ws);
  const check = await workspaceCheck(ws);
  console.log(
    `  workspace check, ${check.files} drafts (${(bytes / 1048576).toFixed(1)} MB): ${(check.ms / 1000).toFixed(2)} s, ${check.reports} progress reports, peak RSS ${check.peak.toFixed(0)} MB  (target < 10 s)`,
  );

  const large = path.join(tmp, 'large');
  writeLargeFactBase(large, 100_000);
  const t = process.hrtime.bigint();
  const client = await started(large);
  const uri = uriOf(path.join(large, 'draft.md'));
  const diags = client.diagnosticsFor(uri, undefined, 120_000);
  await client.open(uri, 'The kalo programme received $12 million, and China fell short of the $250 billion it promised under the 2020 deal.\n');
  await diags;
  const loadMs = ms(t);
  const mem = memoryOf(client.proc.pid!);
  console.log(
    `  100,000 facts (${(fs.statSync(path.join(large, '.factcheck', 'facts.json')).size / 1048576).toFixed(0)} MB file): first diagnostics after ${(loadMs / 1000).toFixed(1)} s, RSS ${mem.rss.toFixed(0)} MB, peak ${mem.peak.toFixed(0)} MB  (target < 400 MB)`,
  );
  await client.stop();
  fs.rmSync(tmp, { recursive: true, force: true });
}

if (require.main === module) {
  serverBench().catch((e) => {
    killAll();
    console.error(`server benchmark failed: ${e instanceof Error ? e.stack : e}`);
    process.exit(1);
  });
}
