/**
 * `npm run test:vscode`: runs the extension-host suite in a desktop VS Code with
 * @vscode/test-electron. It downloads VS Code unless VSCODE_EXECUTABLE names one already
 * installed. Machines without internet run the same suite in code-server (`npm run test:e2e`).
 */
import * as path from 'node:path';
import { runTests } from '@vscode/test-electron';
import { scratchWorkspace } from '../workspace';

async function main(): Promise<void> {
  const root = path.join(__dirname, '..', '..', '..');
  const workspace = scratchWorkspace('factcheck-vscode-');
  await runTests({
    extensionDevelopmentPath: root,
    extensionTestsPath: path.join(__dirname, 'index.js'),
    vscodeExecutablePath: process.env.VSCODE_EXECUTABLE || undefined,
    launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust', '--skip-welcome'],
  });
}

main().catch((e) => {
  console.error(`Extension tests failed or VS Code could not be started: ${e instanceof Error ? e.message : e}`);
  process.exit(1);
});
