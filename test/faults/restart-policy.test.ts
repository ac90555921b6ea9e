/**
 * The client's restart policy for a crashing language server (client/src/restart-policy.ts): up to
 * 5 restarts within 3 minutes, then it stays stopped until the user restarts it; crashes older than
 * the window are forgotten; connection errors never stop the server by themselves. The message shown when it
 * gives up exists in both languages (the in-editor behaviour is test/vscode/faults.test.ts).
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import {
  connectionErrorDecision,
  MAX_RESTARTS,
  RESTART_WINDOW_MS,
  RestartPolicy,
} from '../../client/src/restart-policy';
import { REPO_ROOT } from '../lsp/client';

/** A policy on a clock the test moves. */
function policyAt(start = 1_000_000): { policy: RestartPolicy; advance: (ms: number) => void } {
  let now = start;
  return { policy: new RestartPolicy(MAX_RESTARTS, RESTART_WINDOW_MS, () => now), advance: (ms) => (now += ms) };
}

describe('faults: the restart policy of the client', function () {
  it('is 5 restarts in 3 minutes (vscode-languageclient’s default is 4)', function () {
    assert.equal(MAX_RESTARTS, 5);
    assert.equal(RESTART_WINDOW_MS, 180_000);
  });

  it('restarts the first 5 crashes and stops at the 6th within the window', function () {
    const { policy, advance } = policyAt();
    const decisions: string[] = [];
    for (let i = 0; i < 7; i++) {
      decisions.push(policy.crashed());
      advance(10_000);
    }
    assert.deepEqual(decisions, ['restart', 'restart', 'restart', 'restart', 'restart', 'stop', 'stop']);
    assert.equal(policy.recentCrashes, 7);
  });

  it('forgets crashes older than the window', function () {
    const { policy, advance } = policyAt();
    for (let i = 0; i < 5; i++) assert.equal(policy.crashed(), 'restart');
    advance(RESTART_WINDOW_MS); // the first five are now exactly 3 minutes old
    assert.equal(policy.recentCrashes, 0);
    for (let i = 0; i < 5; i++) assert.equal(policy.crashed(), 'restart');
    assert.equal(policy.crashed(), 'stop');
  });

  it('a crash every 40 seconds is restarted for ever (never 6 in 3 minutes)', function () {
    const { policy, advance } = policyAt();
    for (let i = 0; i < 50; i++) {
      assert.equal(policy.crashed(), 'restart', `crash ${i + 1}`);
      advance(40_000);
    }
  });

  it('a restart by the user starts the count again', function () {
    const { policy } = policyAt();
    for (let i = 0; i < 6; i++) policy.crashed();
    assert.equal(policy.crashed(), 'stop');
    policy.reset();
    assert.equal(policy.recentCrashes, 0);
    for (let i = 0; i < 5; i++) assert.equal(policy.crashed(), 'restart');
  });

  it('never shuts down on connection errors: the close that follows a crash decides', function () {
    // Each message in flight to a dead server fails; shutting down on the fourth (or on a read error,
    // count undefined) would stop the server without a restart.
    assert.deepEqual(
      [1, 2, 3, 4, 10, undefined].map(connectionErrorDecision),
      Array<string>(6).fill('continue'),
    );
  });

  it('the message shown when it gives up, and its buttons, exist in Chinese and English', function () {
    const source = readFileSync(path.join(REPO_ROOT, 'client', 'src', 'language-client.ts'), 'utf8');
    const bundle = JSON.parse(readFileSync(path.join(REPO_ROOT, 'l10n', 'bundle.l10n.zh-cn.json'), 'utf8')) as Record<
      string,
      string
    >;
    const gaveUp = /t\(\s*'([^']*will not be restarted[^']*)'/.exec(source)?.[1];
    assert.ok(gaveUp !== undefined, 'language-client.ts says when the server is not restarted');
    assert.match(gaveUp, /\{0\}/, 'with the number of crashes');
    for (const key of [gaveUp, 'Restart Language Server', 'Show Output']) {
      assert.ok(source.includes(`t('${key}'`) || key === gaveUp, `${key} is used`);
      assert.match(bundle[key] ?? '', /[\u4e00-\u9fff]/, `${key} has a Chinese translation`);
    }
    assert.match(bundle[gaveUp]!, /\{0\}/);
  });
});
