/**
 * Shared by the editor tests: a scratch workspace with a draft whose conflicts are known, and a
 * headless editor run as a process (its own process group, killed on a timeout so a hang fails
 * the test) that leaves a JSON record of what the editor saw.
 */
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export const root = path.join(__dirname, '..', '..', '..');
/** The server as the recipes start it: node server/bin/factcheck.js lsp --stdio (FACTCHECK_BIN names another). */
export const bin = process.env.FACTCHECK_BIN ? path.resolve(process.env.FACTCHECK_BIN) : path.join(root, 'server', 'bin', 'factcheck.js');
/** The Lua and Elisp drivers live in the source tree (tsc compiles only the TypeScript). */
export const fixtures = path.join(root, 'test', 'editors');

/** The editor's version line; throws (failing the test, not skipping it) when it is not installed. */
export function requireTool(command: string): string {
  const r = spawnSync(command, ['--version'], { encoding: 'utf8' });
  if (r.error || r.status !== 0) throw new Error(`${command} is not installed (${r.error?.message ?? r.stderr}); run: bash test/editors/setup.sh`);
  return r.stdout.split('\n')[0];
}

export interface Scratch {
  dir: string;
  draft: string;
  emoji: string;
  home: string;
}

/** The example draft (conflicts on lines 8, 12 and 16) and a line whose figure follows multi-byte characters. */
export const EMOJI_LINE = 'Intro 🎉 — China fell short of the $250 billion it promised under the 2020 deal.';

export function scratch(): Scratch {
  const base = fs.mkdtempSync(path.join(os.tmpdir(), 'factcheck-editor-'));
  const dir = path.join(base, 'ws');
  const home = path.join(base, 'home');
  fs.mkdirSync(dir);
  fs.mkdirSync(home);
  const draft = path.join(dir, 'draft.md');
  fs.copyFileSync(path.join(root, 'examples', 'draft.md'), draft);
  const emoji = path.join(dir, 'emoji.md');
  fs.writeFileSync(emoji, EMOJI_LINE + '\n');
  return { dir, draft, emoji, home };
}

export function removeScratch(s: Scratch | undefined): void {
  if (s) fs.rmSync(path.dirname(s.dir), { recursive: true, force: true });
}

/**
 * Runs an editor in `s.dir` with HOME and the XDG folders in the scratch space, the FACTCHECK_*
 * variables the drivers read, and a deadline; resolves to the JSON record it wrote.
 */
export function runEditor(command: string, args: string[], s: Scratch, env: Record<string, string>, timeoutMs = 60_000): Promise<Record<string, unknown>> {
  const out = path.join(path.dirname(s.dir), `record-${Date.now()}-${Math.random().toString(36).slice(2)}.json`);
  const xdg = (name: string) => path.join(s.home, name);
  const child = spawn(command, args, {
    cwd: s.dir,
    detached: true, // its own process group, so the server it starts goes with it on a timeout
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      HOME: s.home,
      XDG_CONFIG_HOME: xdg('config'),
      XDG_CACHE_HOME: xdg('cache'),
      XDG_DATA_HOME: xdg('data'),
      XDG_STATE_HOME: xdg('state'),
      FACTCHECK_NODE: process.execPath,
      FACTCHECK_BIN: bin,
      FACTCHECK_WS: s.dir,
      FACTCHECK_DRAFT: s.draft,
      FACTCHECK_EMOJI: s.emoji,
      FACTCHECK_OUT: out,
      ...env,
    },
  });
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {}
      reject(new Error(`${command} did not finish within ${timeoutMs} ms; output:\n${output}`));
    }, timeoutMs);
    child.on('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      if (!fs.existsSync(out)) return reject(new Error(`${command} exited (${code ?? signal}) without writing its record; output:\n${output}`));
      const record = JSON.parse(fs.readFileSync(out, 'utf8')) as Record<string, unknown>;
      record.editorOutput = output;
      resolve(record);
    });
  });
}
