/**
 * A rule for the rule engine's tests: it records each of its runs in `calls` (so a test sees which
 * rules reran and which had their reports reused) and reports through `look`, with one message
 * `seen` that shows `{value}`.
 */
import { defineRule, type RuleContext, type RuleModule } from '../../../server/src/core/rules/define-rule';

export function spyRule(id: string, calls: string[], look: (ctx: RuleContext<'seen'>) => void): RuleModule {
  return defineRule<'seen'>({
    id,
    name: `spy-${id.toLowerCase()}`,
    defaultSeverity: 'info',
    status: 'confirmed',
    fixable: false,
    fields: [],
    description: { 'zh-cn': id, en: id },
    messages: { seen: { 'zh-cn': '{value}', en: '{value}' } },
    check(ctx) {
      calls.push(id);
      look(ctx);
    },
  });
}
