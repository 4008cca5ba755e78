/**
 * The language server driven by a real third-party client: Neovim's built-in LSP client
 * (Debian's nvim 0.7.2, headless, `vim.lsp.start_client` as in the README's recipe). The Lua
 * driver (neovim.lua) does what a user would, through Neovim's own handlers, and records what
 * Neovim ended up with; this file asserts on that record.
 */
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { EMOJI_LINE, fixtures, removeScratch, requireTool, runEditor, type Scratch, scratch } from './harness';

interface NvimDiagnostic {
  lnum: number;
  col: number;
  end_lnum: number;
  end_col: number;
  severity: number;
  message: string;
  source: string;
  code: string;
}

interface NvimRecord {
  error?: string;
  steps: string[];
  messages: string[];
  filetype: string;
  initialized: boolean;
  server_capabilities: { hoverProvider: boolean; codeActionProvider: boolean; executeCommands?: string[] };
  diagnostics: NvimDiagnostic[];
  hover: { result?: { contents: { kind: string; value: string }; range: unknown }; err?: unknown; timeout?: boolean };
  hover_float?: string[];
  execute: { result?: Record<string, unknown>; err?: unknown; timeout?: boolean };
  code_actions: string[];
  line_after_fix: string;
  diagnostics_after_fix: NvimDiagnostic[];
  emoji_line: string;
  emoji_diagnostics: NvimDiagnostic[];
  emoji_attached: boolean;
  clients: number;
  exit?: { code: number; signal: number };
  editorOutput: string;
}

const ERROR = 1;
const WARN = 2;
const INFO = 3;

function runNeovim(s: Scratch, env: Record<string, string> = {}): Promise<NvimRecord> {
  const script = path.join(fixtures, 'neovim.lua');
  return runEditor('nvim', ['--headless', '--clean', '-n', '-i', 'NONE', '-c', `luafile ${script}`], s, env) as unknown as Promise<NvimRecord>;
}

/** Fails with the driver's error and output when it stopped before `step`. */
function reached(r: NvimRecord, step: string): void {
  assert.ok(r.steps.includes(step), `the Neovim driver stopped before "${step}" (steps: ${r.steps.join(', ')})\n${r.error ?? ''}\n${r.editorOutput}`);
}

const conflicts = (ds: NvimDiagnostic[]) => ds.filter((d) => d.code === 'conflict');

describe('Neovim 0.7 (the README recipe: vim.lsp.start_client from a FileType autocmd, headless)', { timeout: 120_000 }, () => {
  let s: Scratch;
  let r: NvimRecord;
  before(async () => {
    const version = requireTool('nvim');
    assert.match(version, /^NVIM v0\.\d+\.\d+/);
    s = scratch();
    r = await runNeovim(s);
  });
  after(() => removeScratch(s));

  test('starts the server over stdio and reads its capabilities', () => {
    reached(r, 'initialized');
    assert.equal(r.error, undefined);
    assert.equal(r.initialized, true);
    assert.equal(r.filetype, 'markdown');
    assert.equal(r.server_capabilities.hoverProvider, true);
    assert.equal(r.server_capabilities.codeActionProvider, true);
    assert.deepEqual(r.server_capabilities.executeCommands, ['factcheck.server.checkWorkspace']);
  });

  test('diagnostics: each conflict of the draft on its exact figure, as a warning', () => {
    reached(r, 'diagnostics');
    const got = r.diagnostics.map((d) => ({ line: d.lnum, from: d.col, to: d.end_col, severity: d.severity, code: d.code, source: d.source }));
    assert.deepEqual(got, [
      { line: 7, from: 24, to: 36, severity: WARN, code: 'conflict', source: 'factcheck' },
      { line: 11, from: 55, to: 65, severity: WARN, code: 'conflict', source: 'factcheck' },
      { line: 15, from: 27, to: 38, severity: WARN, code: 'conflict', source: 'factcheck' },
    ]);
    assert.match(r.diagnostics[0].message, /^"\$250 billion" conflicts with the source, which gives \$200 billion \(/);
    assert.match(r.diagnostics[2].message, /which gives at least \$170 billion/);
    assert.deepEqual(r.messages, [], 'no window/showMessage');
  });

  test('hover on the flagged figure: the sourced figure and the source quote, in the float Neovim opens', () => {
    reached(r, 'hover');
    const h = r.hover.result;
    assert.ok(h, `hover result: ${JSON.stringify(r.hover)}`);
    assert.equal(h.contents.kind, 'markdown');
    assert.deepEqual(h.range, { start: { line: 7, character: 24 }, end: { line: 7, character: 36 } });
    assert.match(h.contents.value, /The draft says \$250 billion; the source gives \*\*\$200 billion\*\*/);
    assert.match(h.contents.value, /^> .*did not meet the additional \$200 billion purchase commitment/m);
    assert.match(h.contents.value, /fact `phase-one-purchase-commitment`/);
    const float = (r.hover_float ?? []).join('\n');
    assert.match(float, /the source gives \*\*\$200 billion\*\*/, `the hover float's lines: ${float}`);
  });

  test('workspace/executeCommand factcheck.server.checkWorkspace returns the workspace summary', () => {
    reached(r, 'executeCommand');
    assert.equal(r.execute.err, undefined);
    // draft.md (3 conflicts) and emoji.md (1), both on disk.
    assert.deepEqual(
      { ...r.execute.result, skipped: undefined },
      { files: 2, conflicts: 4, outdated: 0, figures: 10, backed: 6, unverified: 0, skipped: undefined, cancelled: false },
    );
  });

  test('the quick fix, picked from the code action menu, puts the sourced figure in the buffer and the conflict goes', () => {
    reached(r, 'codeAction');
    assert.deepEqual(r.code_actions, ['Replace with "$200 billion"', 'Ignore this claim']);
    assert.equal(r.line_after_fix, 'China fell short of the $200 billion it promised under the 2020 deal, and the');
    // Neovim sent the edit as didChange and the server re-checked the buffer.
    assert.deepEqual(
      conflicts(r.diagnostics_after_fix).map((d) => d.lnum),
      [11, 15],
    );
  });

  test('a second draft joins the same client, and its UTF-16 range lands on the right bytes after an emoji and a dash', () => {
    reached(r, 'utf16');
    assert.equal(r.emoji_attached, true, 'the FileType autocmd attached the second buffer');
    assert.equal(r.clients, 1, 'one server for both buffers');
    assert.equal(r.emoji_line, EMOJI_LINE);
    const [d, ...rest] = r.emoji_diagnostics;
    assert.equal(rest.length, 0);
    assert.equal(Buffer.from(r.emoji_line).subarray(d.col, d.end_col).toString(), '$250 billion');
  });

  test('clean shutdown: shutdown, exit, and the server process ends with code 0', () => {
    reached(r, 'shutdown');
    assert.deepEqual(r.exit, { code: 0, signal: 0 });
  });
});

describe('Neovim 0.7: settings', { timeout: 120_000 }, () => {
  const settings = JSON.stringify({ severity: { conflict: 'error', consistent: 'information' } });
  let s: Scratch;
  before(() => {
    requireTool('nvim');
    s = scratch();
  });
  after(() => removeScratch(s));

  function assertSettingsApplied(r: NvimRecord): void {
    reached(r, 'diagnostics');
    const onLine8 = r.diagnostics.filter((d) => d.lnum === 7).map((d) => [d.code, d.severity]);
    assert.deepEqual(onLine8, [
      ['conflict', ERROR],
      ['consistent', INFO],
    ]);
    assert.ok(
      conflicts(r.diagnostics).every((d) => d.severity === ERROR),
      'every conflict is an error',
    );
    assert.ok(r.diagnostics.filter((d) => d.code === 'consistent').length >= 4, 'backed figures are shown');
    reached(r, 'shutdown');
    assert.deepEqual(r.exit, { code: 0, signal: 0 });
  }

  test("the recipe's init_options = { settings = ... } take effect (Neovim 0.7 does not advertise workspace/configuration)", async () => {
    assertSettingsApplied(await runNeovim(s, { FACTCHECK_MODE: 'init_options', FACTCHECK_SETTINGS: settings }));
  });

  test('settings = { factcheck = ... } answered through workspace/configuration take effect (as Neovim 0.8+ does)', async () => {
    assertSettingsApplied(await runNeovim(s, { FACTCHECK_MODE: 'pull', FACTCHECK_SETTINGS: settings }));
  });
});
