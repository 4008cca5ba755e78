/**
 * The language server driven by a real third-party client: Emacs's eglot (Debian's elpa-eglot
 * 1.9 on Emacs 28, `emacs --batch`), configured as the README's recipe says. The Elisp driver
 * (eglot.el) goes through eglot's own paths (M-x eglot's contact guess, Flymake, the eldoc hover
 * function, the code action menu, eglot-execute-command, eglot-shutdown) and records what Emacs
 * ended up with; this file asserts on that record.
 */
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fixtures, removeScratch, requireTool, runEditor, type Scratch, scratch } from './harness';

interface FlymakeDiagnostic {
  line: number;
  col: number;
  text: string;
  type: string;
  message: string;
}

interface EglotRecord {
  error?: string;
  major_mode: string;
  managed: boolean;
  server_info: { name: string; version: string };
  diagnostics?: FlymakeDiagnostic[];
  hover?: string;
  execute?: Record<string, unknown>;
  code_actions?: string[];
  line_after_fix?: string;
  diagnostics_after_fix?: FlymakeDiagnostic[];
  exit?: { status: string; code: number };
  editorOutput: string;
}

function runEglot(s: Scratch, env: Record<string, string> = {}): Promise<EglotRecord> {
  return runEditor('emacs', ['--batch', '-Q', '-l', path.join(fixtures, 'eglot.el')], s, env) as unknown as Promise<EglotRecord>;
}

function ok(r: EglotRecord, field: keyof EglotRecord): void {
  assert.ok(r[field] !== undefined, `the eglot driver recorded no ${field}: ${r.error ?? ''}\n${r.editorOutput}`);
}

describe('Emacs eglot 1.9 (emacs --batch)', { timeout: 120_000 }, () => {
  let s: Scratch;
  let r: EglotRecord;
  before(async () => {
    assert.match(requireTool('emacs'), /^GNU Emacs \d+/);
    s = scratch();
    r = await runEglot(s);
  });
  after(() => removeScratch(s));

  test('M-x eglot starts the server from eglot-server-programs and manages the draft', () => {
    assert.equal(r.error, undefined, r.editorOutput);
    assert.equal(r.major_mode, 'text-mode');
    assert.equal(r.managed, true);
    assert.deepEqual(r.server_info, { name: 'policy-fact-check', version: '0.1.0' });
  });

  test('Flymake shows each conflict on its exact figure, as a warning', () => {
    ok(r, 'diagnostics');
    assert.deepEqual(
      r.diagnostics!.map((d) => [d.line, d.col, d.text, d.type]),
      [
        [8, 24, '$250 billion', 'eglot-warning'],
        [12, 55, '15% to 25%', 'eglot-warning'],
        [16, 27, '$17 billion', 'eglot-warning'],
      ],
    );
    assert.match(r.diagnostics![0].message, /^factcheck \[conflict\]: "\$250 billion" conflicts with the source, which gives \$200 billion/);
  });

  test('hover (what eldoc shows) gives the sourced figure and quotes the source', () => {
    ok(r, 'hover');
    assert.match(r.hover!, /The draft says \$250 billion; the source gives \*\*\$200 billion\*\*/);
    assert.match(r.hover!, /did not meet the additional \$200 billion purchase commitment/);
  });

  test('eglot-execute-command factcheck.server.checkWorkspace returns the workspace summary', () => {
    ok(r, 'execute');
    assert.equal(r.execute!.files, 2);
    assert.equal(r.execute!.conflicts, 4);
    assert.equal(r.execute!.cancelled, false);
  });

  test('eglot-code-actions: the preferred action is the quick fix, and applying it puts the sourced figure in', () => {
    ok(r, 'line_after_fix');
    assert.deepEqual(r.code_actions, ['Replace with "$200 billion"', 'Ignore this claim']);
    assert.equal(r.line_after_fix, 'China fell short of the $200 billion it promised under the 2020 deal, and the');
    assert.deepEqual(
      r.diagnostics_after_fix!.map((d) => d.line),
      [12, 16],
    );
  });

  test('eglot-shutdown: the server answers shutdown and exits by itself with code 0', () => {
    ok(r, 'exit');
    assert.deepEqual(r.exit, { status: 'exit', code: 0 });
  });
});

describe('Emacs eglot 1.9: settings from eglot-workspace-configuration', { timeout: 120_000 }, () => {
  let s: Scratch;
  before(() => {
    requireTool('emacs');
    s = scratch();
  });
  after(() => removeScratch(s));

  test('its factcheck section (answered to workspace/configuration, pushed by didChangeConfiguration) changes the severities', async () => {
    const r = await runEglot(s, { FACTCHECK_SETTINGS: JSON.stringify({ severity: { conflict: 'error', consistent: 'information' } }) });
    ok(r, 'diagnostics');
    const line8 = r.diagnostics!.filter((d) => d.line === 8).map((d) => [d.text, d.type]);
    assert.deepEqual(line8[0], ['$250 billion', 'eglot-error']);
    assert.ok(
      line8.slice(1).some(([, type]) => type === 'eglot-note'),
      `a backed figure on line 8 shown as a note: ${JSON.stringify(line8)}`,
    );
    assert.ok(r.diagnostics!.filter((d) => d.message.startsWith('factcheck [conflict]')).every((d) => d.type === 'eglot-error'));
  });
});
