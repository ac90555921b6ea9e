/**
 * The `miit95.export` command in the real editor, through its test hook (an argument object skips
 * every dialog): it writes the package of the open application into a temporary folder, refuses to
 * overwrite it without `overwrite`, and is contributed to the palette and the editor title.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { extension, openAndWaitForPublish, sampleUri } from './helpers';

interface HookResult {
  readonly status: string;
  readonly target?: string;
  readonly manifest?: { readonly draft: boolean; readonly files: readonly { readonly path: string }[] };
}

describe('miit95 export command', function () {
  let outDir: string;
  before(async () => {
    const api = await extension().activate();
    await openAndWaitForPublish(api, sampleUri('complete', '杭州云声.app95.yaml'));
    outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'miit95-vscode-export-'));
  });
  after(() => fs.rmSync(outDir, { recursive: true, force: true }));

  it('is contributed to the command palette and the editor title of miit95 files', () => {
    const pkg = extension().packageJSON as {
      contributes: { commands: { command: string; category?: string }[]; menus: Record<string, { command: string; when?: string }[]> };
    };
    assert.ok(pkg.contributes.commands.some((c) => c.command === 'miit95.export' && c.category !== undefined));
    assert.ok(pkg.contributes.menus['editor/title']?.some((m) => m.command === 'miit95.export' && /miit95/.test(m.when ?? '')));
  });

  it('writes the package into the given folder without dialogs, and does not overwrite it without the flag', async () => {
    const uri = sampleUri('complete', '杭州云声.app95.yaml');
    const first = await vscode.commands.executeCommand<HookResult>('miit95.export', uri, { outDir });
    assert.equal(first?.status, 'written', JSON.stringify(first));
    const target = path.join(outDir, '杭州云声-申报材料');
    assert.equal(first.target, target);
    for (const name of ['申请表.docx', '技术方案.docx', '电话接入号码使用承诺书.docx', '网络组织方案图.svg', '材料清单.md', 'manifest.json'])
      assert.ok(fs.existsSync(path.join(target, name)), name);
    assert.equal(first.manifest?.draft, false);
    if (vscode.workspace.isTrusted) assert.ok(fs.existsSync(path.join(target, '附件', '营业执照.pdf')));

    const second = await vscode.commands.executeCommand<HookResult>('miit95.export', uri, { outDir });
    assert.equal(second?.status, 'exists');
    const third = await vscode.commands.executeCommand<HookResult>('miit95.export', uri, { outDir, zip: true });
    assert.equal(third?.status, 'written');
    assert.ok(fs.existsSync(path.join(outDir, '杭州云声-申报材料.zip')));
  });
});
