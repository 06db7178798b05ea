// Runs the same integration suites in a desktop VS Code via @vscode/test-electron (downloads VS
// Code; for developer machines with network access). On CI machines, use test:integration.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runTests } from '@vscode/test-electron';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
try {
  await runTests({
    extensionDevelopmentPath: root,
    extensionTestsPath: path.join(root, 'out/test/integration/index.js'),
    launchArgs: [path.join(root, 'test/fixtures/workspace/privacy-review.code-workspace'), '--disable-extensions'],
  });
} catch (error) {
  console.error(`integration tests failed: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
}
