/**
 * Whole-process figures: what a CLI user waits for, from spawning `factcheck` to its exit.
 * Medians of several runs, each run alternating with its baseline so that both see the same
 * machine. Figures only; nothing here asserts a time.
 *   - a typical draft (the two source articles, about 18 KB) against a bare `node -e 0`;
 *   - 1 MB of news prose (the same articles repeated) against the floor: a node script that
 *     reads the file and runs one regular expression for numbers;
 *   - a folder of 2,000 drafts (three runs) against cspell over the same folder, when cspell is installed in
 *     .bench/ (`npm install --prefix .bench cspell`; kept out of package.json, like the e2e
 *     harness, so `npm ci` stays lean).
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { corpusText, MB, median, repeatTo, sourceArticles, writeDraftFolder } from './inputs';

const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const ROOT = path.join(__dirname, '..', '..', '..');
const BIN = path.join(ROOT, 'server', 'bin', 'factcheck.js');

/** Wall time of one run of a command, in ms; output discarded. Exit codes 0 and 1 (findings) are runs; anything else is a failure. */
function run(cmd: string[], cwd?: string): number {
  const t = process.hrtime.bigint();
  const r = spawnSync(cmd[0], cmd.slice(1), { cwd, stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 64 * 1024 * 1024 });
  const ms = Number(process.hrtime.bigint() - t) / 1e6;
  if (r.error || (r.status !== 0 && r.status !== 1)) throw new Error(`${cmd.join(' ')}: ${r.error ?? `exit ${r.status}`}\n${r.stderr}`);
  return ms;
}

/** Medians of commands run in turn, `runs` times, after one untimed round (file cache, disk). */
function alternate(cmds: string[][], cwd?: string, runs = RUNS): number[] {
  for (const c of cmds) run(c, cwd);
  const times = cmds.map(() => [] as number[]);
  for (let i = 0; i < runs; i++) for (const [k, c] of cmds.entries()) times[k].push(run(c, cwd));
  return times.map(median);
}

function main(): void {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'factcheck-bench-cli-'));
  try {
    console.log(`\nWhole process: spawn to exit, median of ${RUNS} runs alternating with the baseline`);
    const articles = sourceArticles();
    const typical = path.join(tmp, 'draft.md');
    // Without the source articles, the example draft stands in for a typical one.
    fs.writeFileSync(typical, articles ?? fs.readFileSync(path.join(ROOT, 'examples', 'draft.md'), 'utf8'));
    const [bare, draft] = alternate([
      [process.execPath, '-e', '0'],
      [process.execPath, BIN, typical],
    ]);
    console.log(`  node -e 0 (baseline)                        ${bare.toFixed(0)} ms`);
    console.log(
      `  factcheck on ${articles ? 'the two source articles' : 'examples/draft.md'} (${(fs.statSync(typical).size / 1024).toFixed(0)} KB)  ${draft.toFixed(0)} ms  (${(draft / bare).toFixed(2)}x node -e 0; target ≤ 1.8x)`,
    );

    const prose = path.join(tmp, 'news.txt');
    fs.writeFileSync(prose, repeatTo(articles ?? corpusText(), MB));
    const floor = "const t=require('fs').readFileSync(process.argv[1],'utf8');let n=0;for(const _ of t.matchAll(/\\d[\\d,.]*/g))n++;console.log(n)";
    const [regex, mb, mbJson] = alternate([
      [process.execPath, '-e', floor, prose],
      [process.execPath, BIN, prose],
      [process.execPath, BIN, '--format', 'json', prose],
    ]);
    console.log(`  1 MB ${articles ? 'news prose' : 'of the corpus'}: regex floor (read + one regex)  ${regex.toFixed(0)} ms`);
    console.log(`  factcheck, text output                      ${mb.toFixed(0)} ms  (${(mb / regex).toFixed(2)}x the floor; target ≤ 3.5x)`);
    console.log(`  factcheck --format json                     ${mbJson.toFixed(0)} ms  (${(mbJson / regex).toFixed(2)}x the floor)`);

    // The same 2,000 drafts as the server's workspace check.
    const folder = path.join(tmp, 'folder');
    writeDraftFolder(folder);
    const cspell = path.join(ROOT, '.bench', 'node_modules', 'cspell', 'bin.mjs');
    if (fs.existsSync(cspell)) {
      // cspell checks only files under its working folder; its summary proves it read them all.
      const lint = [process.execPath, cspell, 'lint', '--no-progress', '--no-cache', '**/*.md'];
      const summary = spawnSync(lint[0], lint.slice(1), { cwd: folder, encoding: 'utf8' }).stderr;
      if (!/Files checked: 2000\b/.test(summary)) throw new Error(`cspell did not check the 2,000 drafts: ${summary}`);
      // Seconds per run: three runs each.
      const [fc, cs] = alternate([[process.execPath, BIN, '.'], lint], folder, Math.min(RUNS, 3));
      console.log(
        `  2,000 drafts (10 MB): factcheck ${(fc / 1000).toFixed(2)} s, cspell ${(cs / 1000).toFixed(2)} s  (${(fc / cs).toFixed(2)}x cspell; target < 0.2x)`,
      );
    } else {
      const [fc] = alternate([[process.execPath, BIN, '.']], folder, Math.min(RUNS, 3));
      console.log(`  2,000 drafts (10 MB): factcheck ${(fc / 1000).toFixed(2)} s  (cspell not in .bench/: npm install --prefix .bench cspell, for the ratio)`);
    }
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

main();
