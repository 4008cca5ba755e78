/**
 * A minimal LSP client for protocol tests: spawns the built server as a real process, speaks
 * JSON-RPC over its stdio, answers the server's requests the way an editor would, and lets tests
 * wait on events (diagnostics, progress) instead of sleeping.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import * as path from 'node:path';
import { after } from 'node:test';
import {
  createProtocolConnection,
  type Diagnostic,
  type InitializeResult,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  StreamMessageReader,
  StreamMessageWriter,
} from 'vscode-languageserver-protocol/node';
import { URI } from 'vscode-uri';

export const root = path.join(__dirname, '..', '..', '..');
/** The server under test: the compiled tree by default, or e.g. the bundle (dist/server.js). */
export const serverPath = process.env.FACTCHECK_SERVER ? path.resolve(process.env.FACTCHECK_SERVER) : path.join(root, 'out', 'server', 'src', 'server.js');
export const uriOf = (file: string) => URI.file(file).toString();

/** Servers still running. A test that fails before `stop()` would leave its server alive and the test file never ending. */
const live = new Set<ChildProcess>();
/** Ends every server this process started (the bench calls it when a run fails). */
export function killAll(): void {
  for (const p of live) p.kill();
}
// Only under the test runner: elsewhere (the bench) a top-level hook would start a test report of its own.
if (process.env.NODE_TEST_CONTEXT) after(killAll);

interface Waiter {
  test: () => boolean;
  resolve: () => void;
  reject: (e: Error) => void;
  timer: NodeJS.Timeout;
}

export class TestClient {
  readonly proc: ChildProcess;
  readonly conn: ProtocolConnection;
  /** Latest diagnostics per URI, and every publication in order. */
  readonly diagnostics = new Map<string, PublishDiagnosticsParams>();
  readonly publications: PublishDiagnosticsParams[] = [];
  readonly progress: { token: string | number; value: { kind: string; message?: string; percentage?: number } }[] = [];
  readonly registrations: { method: string; registerOptions?: unknown }[] = [];
  readonly messages: string[] = [];
  stderr = '';
  settings: Record<string, unknown> = {};
  private waiters: Waiter[] = [];

  constructor(command: string[] = [serverPath, '--stdio']) {
    // The guard reports any network use or code loaded from outside the project on stderr.
    this.proc = spawn(process.execPath, ['--require', path.join(__dirname, 'guard.js'), ...command], { stdio: ['pipe', 'pipe', 'pipe'] });
    this.proc.stderr!.on('data', (d) => (this.stderr += d));
    live.add(this.proc);
    this.proc.once('exit', () => live.delete(this.proc));
    this.conn = createProtocolConnection(new StreamMessageReader(this.proc.stdout!), new StreamMessageWriter(this.proc.stdin!));
    this.conn.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
      this.diagnostics.set(p.uri, p);
      this.publications.push(p);
      this.poke();
    });
    this.conn.onNotification('$/progress', (p: { token: string | number; value: { kind: string } }) => {
      this.progress.push(p);
      this.poke();
    });
    this.conn.onNotification('window/logMessage', (p: { message: string }) => void this.messages.push(p.message));
    this.conn.onNotification('window/showMessage', (p: { message: string }) => void this.messages.push(p.message));
    this.conn.onRequest('workspace/configuration', (p: { items: { section?: string }[] }) => p.items.map(() => this.settings));
    this.conn.onRequest('client/registerCapability', (p: { registrations: { method: string; registerOptions?: unknown }[] }) => {
      this.registrations.push(...p.registrations);
      this.poke();
      return null;
    });
    this.conn.onRequest('client/unregisterCapability', () => null);
    this.conn.onRequest('window/workDoneProgress/create', () => null);
    this.conn.listen();
  }

  /** `workspace` overrides the workspace capabilities sent (a client that cannot pull settings or register them). */
  async initialize(folders: string[], initializationOptions?: unknown, workspace: Record<string, unknown> = {}): Promise<InitializeResult> {
    const result = (await this.conn.sendRequest('initialize', {
      processId: process.pid,
      rootUri: folders[0] ? uriOf(folders[0]) : null,
      workspaceFolders: folders.map((f) => ({ uri: uriOf(f), name: path.basename(f) })),
      initializationOptions,
      capabilities: {
        workspace: {
          configuration: true,
          workspaceFolders: true,
          didChangeWatchedFiles: { dynamicRegistration: true },
          didChangeConfiguration: { dynamicRegistration: true },
          ...workspace,
        },
        window: { workDoneProgress: true },
        textDocument: {
          synchronization: { dynamicRegistration: false, didSave: true },
          hover: { contentFormat: ['markdown'] },
          publishDiagnostics: { relatedInformation: true, versionSupport: true },
        },
      },
    })) as InitializeResult;
    await this.conn.sendNotification('initialized', {});
    return result;
  }

  open(uri: string, text: string, languageId = 'markdown', version = 1): Promise<void> {
    return this.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version, text } });
  }

  change(uri: string, version: number, changes: ({ text: string } | { range: Diagnostic['range']; text: string })[]): Promise<void> {
    return this.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: changes });
  }

  /** Resolves when `test` holds, checked on every event; fails after `ms` with what was seen. */
  until(test: () => boolean, what: string, ms = 10_000): Promise<void> {
    if (test()) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const w: Waiter = {
        test,
        resolve,
        reject,
        timer: setTimeout(() => {
          this.waiters = this.waiters.filter((x) => x !== w);
          reject(new Error(`timed out waiting for ${what}; stderr: ${this.stderr.slice(-2000)}`));
        }, ms),
      };
      this.waiters.push(w);
    });
  }

  /** Waits for a diagnostics publication for `uri` that satisfies `test`, and returns it. */
  async diagnosticsFor(uri: string, test: (d: Diagnostic[], p: PublishDiagnosticsParams) => boolean = () => true, ms?: number): Promise<Diagnostic[]> {
    const start = this.publications.length;
    let found: PublishDiagnosticsParams | undefined;
    await this.until(
      () => {
        found = this.publications.slice(start).find((p) => p.uri === uri && test(p.diagnostics, p));
        return !!found;
      },
      `diagnostics for ${uri}`,
      ms,
    );
    return found!.diagnostics;
  }

  private poke(): void {
    for (const w of this.waiters.slice()) {
      if (w.test()) {
        clearTimeout(w.timer);
        this.waiters = this.waiters.filter((x) => x !== w);
        w.resolve();
      }
    }
  }

  /** shutdown + exit, as an editor does; resolves with the process's exit code. */
  async stop(): Promise<number | null> {
    if (/GUARD VIOLATION/.test(this.stderr)) throw new Error(this.stderr);
    const exited = new Promise<number | null>((r) => this.proc.once('exit', (code) => r(code)));
    await this.conn.sendRequest('shutdown');
    await this.conn.sendNotification('exit');
    const code = await exited;
    this.conn.dispose();
    return code;
  }

  kill(): void {
    this.proc.kill();
    this.conn.dispose();
  }
}
