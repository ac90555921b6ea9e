/**
 * The applications view in a real VS Code (issue 15): the background check lists every sample
 * application with its state (the complete sample ready with 95079 at ¥240,000 and 12/12
 * materials, the mistakes with errors), the tree groups by folder and by state and filters by
 * state, a file created on disk appears without a refresh, "New Application from Existing" writes
 * the next application with the copied sections marked for review, and the deadlines export as an
 * .ics that ical.js reads back.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import type { Miit95Api } from '../../client/src/api';
import type { Node } from '../../client/src/portfolio/tree';
import { ICAL } from '../ical';
import { readyApi, sampleUri, waitFor } from './helpers';

describe('applications view (miit95.applications)', function () {
  this.timeout(120_000);
  let api: Miit95Api;
  const created: vscode.Uri[] = [];
  const sampleCount = (): number =>
    ['complete', 'mistakes'].reduce(
      (n, folder) => n + fs.readdirSync(sampleUri(folder).fsPath).filter((f) => /\.app95\.ya?ml$/.test(f)).length,
      0,
    );

  before(async function () {
    api = await readyApi();
    await api.portfolio.checked();
  });
  after(async function () {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    for (const uri of created) fs.rmSync(uri.fsPath, { force: true });
  });

  it('lists every application of the workspace with its state, number, fee and materials', function () {
    const entries = api.portfolio.entries();
    assert.equal(entries.length, sampleCount());
    const complete = entries.find((e) => e.file === sampleUri('complete', '杭州云声.app95.yaml').toString());
    assert.ok(complete, entries.map((e) => e.file).join('\n'));
    assert.equal(complete.state, 'ready');
    assert.equal(complete.firstCandidate, '95079');
    assert.equal(complete.annualFee?.text, '¥240,000');
    assert.deepEqual(complete.materials, { complete: 12, total: 12 });
    assert.ok(complete.deadlines.some((d) => d.kind === 'licence-expiry' && d.date === '2028-06-20'));
    const wrong = entries.find((e) => e.file.endsWith('wrong-digit-length.app95.yaml'));
    assert.equal(wrong?.state, 'errors');
    assert.equal(api.portfolio.progress().scanning, false);
  });

  it('groups by folder and by state, filters by state', async function () {
    const tree = api.portfolio.tree;
    const labels = (nodes: Node[]): string[] =>
      nodes.map((n) => {
        const label = tree.getTreeItem(n).label;
        return typeof label === 'string' ? label : (label?.label ?? '');
      });
    await vscode.commands.executeCommand('miit95.portfolio.groupBy', 'folder');
    const folders = tree.getChildren().filter((n) => n.kind === 'group');
    assert.deepEqual(labels(folders), ['complete', 'mistakes']);
    await vscode.commands.executeCommand('miit95.portfolio.groupBy', 'state');
    const states = labels(tree.getChildren().filter((n) => n.kind === 'group'));
    assert.ok(states.includes('Ready') || states.includes('就绪'), states.join());
    await vscode.commands.executeCommand('miit95.portfolio.filter', { state: 'errors' });
    assert.ok(tree.visible().length > 0 && tree.visible().every((e) => e.state === 'errors'));
    await vscode.commands.executeCommand('miit95.portfolio.filter', {});
    assert.equal(tree.visible().length, api.portfolio.entries().length);
    const app = tree.getChildren().flatMap((n) => tree.getChildren(n)).find((n) => n.kind === 'application');
    assert.ok(app);
    const item = tree.getTreeItem(app);
    assert.equal(item.command?.command, 'vscode.open');
    await vscode.commands.executeCommand('miit95.portfolio.groupBy', 'folder');
  });

  it('shows a file created on disk without a refresh', async function () {
    const uri = sampleUri('complete', '磁盘上新建.app95.yaml');
    created.push(uri);
    fs.copyFileSync(sampleUri('mistakes', 'wrong-digit-length.app95.yaml').fsPath, uri.fsPath);
    const entry = await waitFor(
      api.portfolio.onDidChange,
      () => api.portfolio.entries().find((e) => e.file === uri.toString()),
      30_000,
      () => `entries: ${api.portfolio.entries().length}`,
    );
    assert.equal(entry.state, 'errors');
  });

  it('"New Application from Existing" writes the next application, marked for review, and the view lists it', async function () {
    const target = await vscode.commands.executeCommand<vscode.Uri | undefined>('miit95.newApplicationFromExisting', {
      source: sampleUri('complete', '杭州云声.app95.yaml'),
      overwrite: true,
    });
    assert.ok(target);
    created.push(target);
    assert.match(target.path, /杭州云声信息技术有限公司-\d{4}-\d{2}-\d{2}\.app95\.yaml$/);
    const text = fs.readFileSync(target.fsPath, 'utf8');
    assert.equal(text.split('\n').filter((l) => l.includes('# 请复核：本节复制自“杭州云声.app95.yaml”')).length, 4);
    assert.match(text, /candidates: \["待填写"\]/);
    assert.match(text, /credit_code: 91330106MA2H7K3D4M/);
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), target.toString());
    assert.equal(vscode.window.activeTextEditor?.document.getText(vscode.window.activeTextEditor.selection), '待填写');
    const entry = await waitFor(
      api.portfolio.onDidChange,
      () => api.portfolio.entries().find((e) => e.file === target.toString()),
      30_000,
      () => `entries: ${api.portfolio.entries().map((e) => e.file).join(', ')}`,
    );
    assert.equal(entry.applicant, '杭州云声信息技术有限公司');
    assert.equal(entry.state, 'errors'); // the placeholders
  });

  it('exports the deadlines as an .ics that ical.js reads back', async function () {
    const uri = sampleUri('期限.ics');
    created.push(uri);
    await vscode.commands.executeCommand('miit95.portfolio.exportCalendar', uri);
    const calendar = new ICAL.Component(ICAL.parse(fs.readFileSync(uri.fsPath, 'utf8')));
    const events = calendar.getAllSubcomponents('vevent').map((c) => new ICAL.Event(c));
    const expected = api.portfolio.tree.visible().reduce((n, e) => n + e.deadlines.length, 0);
    assert.equal(events.length, expected);
    assert.ok(events.some((e) => e.summary.startsWith('杭州云声信息技术有限公司：')));
  });
});
