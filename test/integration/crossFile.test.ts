import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { api, cleanUp, diagnosticsWhen, open, writeFixture } from './helpers';

suite('across files', () => {
  teardown(cleanUp);

  test('editing a type in one file updates the findings of a file that imports it', async () => {
    const modelUri = writeFixture('games', 'src/models/member.ts', 'export interface Member {\n  id: string;\n  createdAt: string;\n}\n');
    const useUri = writeFixture('games', 'src/use-member.ts', "import { Member } from './models/member';\nexport function show(m: Member) {\n  console.log(m);\n}\n");
    const extension = await api();
    const model = await open(modelUri);
    await extension.analyze(model.document);
    const use = await open(useUri);
    assert.deepEqual(await extension.analyze(use.document), [], 'a member with no personal data');

    const modelEditor = await vscode.window.showTextDocument(model.document);
    await modelEditor.edit((builder) => builder.insert(new vscode.Position(3, 0), '  email: string;\n'));
    const diagnostics = await diagnosticsWhen(useUri, (list) => list.length === 1, 'the importing file to report the new member');
    assert.match(diagnostics[0].message, /Email address/);
    assert.equal(diagnostics[0].range.start.line, 2);
  });

  test('a wrapper in another file is reported at the call that passes personal data in', async () => {
    const wrapperUri = writeFixture('games', 'src/lib/track.ts', 'export function track(event: unknown) {\n  console.info(event);\n}\n');
    const callerUri = writeFixture('games', 'src/caller.ts', "import { track } from './lib/track';\nexport function join(req: { ip: string }) {\n  track({ ip: req.ip });\n}\n");
    const extension = await api();
    await extension.analyze((await open(wrapperUri)).document);
    const findings = await extension.analyze((await open(callerUri)).document);
    assert.deepEqual(findings.map((finding) => [finding.span.start.line, finding.category, finding.sink]), [[3, 'ip_address', 'track → console.info']]);
    assert.ok(findings[0].related.some((related) => related.message.includes('passed on to console.info')));
  });
});
