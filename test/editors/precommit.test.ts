/**
 * The pre-commit hook (.pre-commit-hooks.yaml) as a user runs it: a scratch git repository
 * whose .pre-commit-config.yaml names this project as a hook repository, `pre-commit install`,
 * then `git commit`. pre-commit clones a hook repository at a committed rev, so the test commits
 * this working tree's .pre-commit-hooks.yaml into a scratch hook repository and points there:
 * what is tested is the current file, not the last commit of the checkout. The hook is
 * `language: system`, so `factcheck` must be on PATH: a bin folder links it to this checkout's
 * server/bin/factcheck.js, as `npm install -g .` in a clone does (FACTCHECK_BIN names another).
 * Fails, not skips, when pre-commit is not installed (bash test/editors/setup.sh installs it).
 */
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';

const root = path.join(__dirname, '..', '..', '..');
const fixtures = path.join(root, 'test', 'editors');
const bin = process.env.FACTCHECK_BIN ? path.resolve(process.env.FACTCHECK_BIN) : path.join(root, 'server', 'bin', 'factcheck.js');

/**
 * A command that hangs is killed with its children and fails its assertion; the test has its own
 * limit. FACTCHECK_PRECOMMIT_STEP_MS shortens the first, to see a hung hook fail.
 */
const STEP_MS = Number(process.env.FACTCHECK_PRECOMMIT_STEP_MS ?? 120_000);
const TEST_MS = 300_000;

// The fact base (precommit-facts.json) gives Harbor City's 2025 ferry subsidy as $6.8 million.
const CONFLICT_MD = '# Ferries\n\nHarbor City set its ferry subsidy at $8.6 million for 2025, the plan says.\n';
const CORRECT_MD = '# Ferries\n\nHarbor City set its ferry subsidy at $6.8 million for 2025, the plan says.\n';
const CONFLICT_TXT = 'Harbor City set its ferry subsidy at $8.6 million for 2025.\n';

interface Scratch {
  base: string;
  env: NodeJS.ProcessEnv;
  hooks: string;
  repo: string;
}

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
  error?: Error;
}

/** Runs a command in its own process group; past STEP_MS the group (git, pre-commit, the hook) is killed. */
function sh(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let error: Error | undefined;
    child.stdout.setEncoding('utf8').on('data', (d: string) => {
      stdout += d;
    });
    child.stderr.setEncoding('utf8').on('data', (d: string) => {
      stderr += d;
    });
    const timer = setTimeout(() => {
      error = new Error(`${command} ${args.join(' ')} took over ${STEP_MS} ms and was killed`);
      if (child.pid) process.kill(-child.pid, 'SIGKILL');
    }, STEP_MS);
    child.on('error', (e) => {
      error = e;
    });
    child.on('close', (status) => {
      clearTimeout(timer);
      resolve({ status, stdout, stderr, error });
    });
  });
}

function ok(r: Run, what: string): string {
  assert.ok(!r.error && r.status === 0, `${what}: ${r.error?.message ?? `exit ${r.status}`}\n${r.stdout}${r.stderr}`);
  return r.stdout;
}

function write(dir: string, name: string, text: string): void {
  fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
  fs.writeFileSync(path.join(dir, name), text);
}

async function scratch(): Promise<Scratch> {
  const version = spawnSync('pre-commit', ['--version'], { encoding: 'utf8', timeout: STEP_MS });
  if (version.error || version.status !== 0) {
    throw new Error(`pre-commit is not installed (${version.error?.message ?? version.stderr}); run: bash test/editors/setup.sh`);
  }
  const base = fs.mkdtempSync(path.join(os.tmpdir(), 'factcheck-precommit-'));
  // `factcheck` on PATH, as a global install from a clone leaves it.
  const binDir = path.join(base, 'bin');
  fs.mkdirSync(binDir);
  fs.symlinkSync(bin, path.join(binDir, 'factcheck'));
  // No git variables from an outer hook or repository, no user or system git config (a global
  // core.hooksPath makes `pre-commit install` refuse), pre-commit's cache in the scratch folder.
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!k.startsWith('GIT_') && !k.startsWith('PRE_COMMIT')) env[k] = v;
  const gitconfig = path.join(base, 'gitconfig');
  fs.writeFileSync(gitconfig, '[user]\n\tname = Fact Check Test\n\temail = test@example.com\n[init]\n\tdefaultBranch = main\n');
  Object.assign(env, {
    PATH: `${binDir}${path.delimiter}${process.env.PATH ?? ''}`,
    GIT_CONFIG_GLOBAL: gitconfig,
    GIT_CONFIG_NOSYSTEM: '1',
    PRE_COMMIT_HOME: path.join(base, 'pre-commit-home'),
    PRE_COMMIT_COLOR: 'never',
  });

  // The hook repository: this working tree's .pre-commit-hooks.yaml, committed.
  const hooks = path.join(base, 'hooks');
  fs.mkdirSync(hooks);
  fs.copyFileSync(path.join(root, '.pre-commit-hooks.yaml'), path.join(hooks, '.pre-commit-hooks.yaml'));
  ok(await sh('git', ['init', '-q'], hooks, env), 'git init (hooks)');
  ok(await sh('git', ['add', '-A'], hooks, env), 'git add (hooks)');
  ok(await sh('git', ['commit', '-q', '-m', 'hooks'], hooks, env), 'git commit (hooks)');
  const rev = ok(await sh('git', ['rev-parse', 'HEAD'], hooks, env), 'git rev-parse (hooks)').trim();

  // The user's repository: a fact base, the config a user writes (README), the hook installed.
  const repo = path.join(base, 'drafts-repo');
  fs.mkdirSync(repo);
  ok(await sh('git', ['init', '-q'], repo, env), 'git init');
  write(repo, '.factcheck/facts.json', fs.readFileSync(path.join(fixtures, 'precommit-facts.json'), 'utf8'));
  write(repo, '.pre-commit-config.yaml', `repos:\n  - repo: ${hooks}\n    rev: ${rev}\n    hooks:\n      - id: factcheck\n`);
  ok(await sh('pre-commit', ['install'], repo, env), 'pre-commit install');
  return { base, env, hooks, repo };
}

/** `git add FILES && git commit`; the hook's report is in the output. */
async function commit(s: Scratch, files: string[], message: string): Promise<{ status: number | null; output: string }> {
  ok(await sh('git', ['add', '--', ...files], s.repo, s.env), 'git add');
  const r = await sh('git', ['commit', '-m', message], s.repo, s.env);
  assert.ok(!r.error, `git commit: ${r.error?.message}\n${r.stdout}${r.stderr}`);
  return { status: r.status, output: r.stdout + r.stderr };
}

const commits = async (s: Scratch) => {
  const r = await sh('git', ['rev-list', '--count', '--all'], s.repo, s.env);
  return r.status === 0 ? Number(r.stdout.trim()) : 0;
};

test('pre-commit: the factcheck hook blocks a commit whose staged draft conflicts with the fact base, and lets the corrected one through', {
  timeout: TEST_MS,
}, async () => {
  const s = await scratch();
  try {
    write(s.repo, 'drafts/ferry.md', CONFLICT_MD);
    // The same sentence in a YAML file: not Markdown or plain text, so the hook never sees it.
    write(s.repo, 'notes.yaml', `note: ${CONFLICT_TXT}`);
    const blocked = await commit(s, ['.pre-commit-config.yaml', '.factcheck/facts.json', 'drafts/ferry.md', 'notes.yaml'], 'ferry draft');
    assert.equal(blocked.status, 1, blocked.output);
    assert.match(blocked.output, /^factcheck\.+Failed$/m, blocked.output);
    assert.match(
      blocked.output,
      /^drafts\/ferry\.md:3:38: warning: "\$8\.6 million" conflicts with the source, which gives \$6\.8 million .*\[harbor-ferry-subsidy-2025\]$/m,
      blocked.output,
    );
    assert.match(blocked.output, /1 conflict, 0 outdated in 1 file/, blocked.output);
    assert.doesNotMatch(blocked.output, /notes\.yaml/, 'only Markdown and plain text reach the hook');
    assert.equal(await commits(s), 0, 'the commit was blocked');

    // Corrected and staged; a conflict written after staging stays out of the commit and the check.
    write(s.repo, 'drafts/ferry.md', CORRECT_MD);
    ok(await sh('git', ['add', 'drafts/ferry.md'], s.repo, s.env), 'git add');
    write(s.repo, 'drafts/ferry.md', CONFLICT_MD);
    const passed = await commit(s, ['.pre-commit-config.yaml'], 'ferry draft, corrected');
    assert.equal(passed.status, 0, passed.output);
    assert.match(passed.output, /^factcheck\.+Passed$/m, passed.output);
    assert.equal(await commits(s), 1);
    assert.equal(ok(await sh('git', ['show', 'HEAD:drafts/ferry.md'], s.repo, s.env), 'git show'), CORRECT_MD);
    assert.equal(fs.readFileSync(path.join(s.repo, 'drafts/ferry.md'), 'utf8'), CONFLICT_MD, 'the unstaged edit is restored');

    // Plain text too.
    write(s.repo, 'briefs/ferry.txt', CONFLICT_TXT);
    const txt = await commit(s, ['briefs/ferry.txt'], 'ferry brief');
    assert.equal(txt.status, 1, txt.output);
    assert.match(txt.output, /^briefs\/ferry\.txt:1:38: warning: "\$8\.6 million" conflicts .*\$6\.8 million/m, txt.output);
    assert.doesNotMatch(txt.output, /drafts\/ferry\.md/, 'only the staged files are checked');
    assert.equal(await commits(s), 1);

    // A staged name that starts with "-" is a file, not an option (the hook passes "--" before the names).
    ok(await sh('git', ['reset', '-q'], s.repo, s.env), 'git reset');
    write(s.repo, '-ferry.md', CONFLICT_MD);
    const dash = await commit(s, ['-ferry.md'], 'dash draft');
    assert.equal(dash.status, 1, dash.output);
    assert.match(dash.output, /^-ferry\.md:3:38: warning: "\$8\.6 million" conflicts/m, dash.output);
    assert.equal(await commits(s), 1);
  } finally {
    fs.rmSync(s.base, { recursive: true, force: true });
  }
});

// The README's GitHub Actions workflow runs `factcheck --date today --format sarif <folder>` at the repository
// root and hands the file to github/codeql-action/upload-sarif. The SARIF shape (version, rules,
// 1-based regions) is tested in test/unit/cli.test.ts; here, what the upload also needs from a
// folder walk: the tool's name, and each result located by a path relative to the root.
test('CI: factcheck --format sarif on a folder gives what upload-sarif reads', { timeout: TEST_MS }, () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'factcheck-sarif-'));
  try {
    write(dir, '.factcheck/facts.json', fs.readFileSync(path.join(fixtures, 'precommit-facts.json'), 'utf8'));
    write(dir, 'drafts/ferry.md', CONFLICT_MD);
    write(dir, 'drafts/ok.md', CORRECT_MD);
    const r = spawnSync(process.execPath, [bin, '--date', 'today', '--format', 'sarif', 'drafts'], { cwd: dir, encoding: 'utf8', timeout: STEP_MS });
    assert.equal(r.status, 1, r.stderr);
    const sarif = JSON.parse(r.stdout);
    assert.equal(sarif.version, '2.1.0');
    assert.equal(sarif.runs.length, 1);
    const run = sarif.runs[0];
    assert.equal(run.tool.driver.name, 'factcheck');
    assert.equal(run.results.length, 1);
    const result = run.results[0];
    assert.equal(result.ruleId, 'conflict');
    assert.ok(run.tool.driver.rules.some((x: { id: string }) => x.id === result.ruleId));
    assert.match(result.message.text, /\$8\.6 million.*\$6\.8 million/);
    const location = result.locations[0].physicalLocation;
    assert.equal(location.artifactLocation.uri, 'drafts/ferry.md');
    assert.deepEqual(location.region, { startLine: 3, startColumn: 38, endLine: 3, endColumn: 50 });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
