/**
 * The fixture workspace (test/fixtures/workspace), copied to a scratch folder so a test may
 * write to it. Shared by the protocol tests, the extension-host runner and the e2e suite.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const fixture = path.join(__dirname, '..', '..', 'test', 'fixtures', 'workspace');

export function scratchWorkspace(prefix = 'factcheck-ws-'): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  fs.cpSync(fixture, dir, { recursive: true });
  return dir;
}
