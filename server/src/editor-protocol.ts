/**
 * The custom requests between the extension client and the language server for the editor
 * features (issue 4): method names, payloads, and the client command IDs the server's code lenses
 * invoke. Plain types and constants only, so both sides (and the tests) import it without pulling
 * in either LSP library.
 */

/** `miit95/revalidate`: forget cached analyses and re-validate every open document. */
export const REVALIDATE_METHOD = 'miit95/revalidate';

export interface RevalidateResult {
  /** How many open documents were validated again. */
  readonly documents: number;
}

/** `miit95/rules`: every catalogue entry (rules and reminders), in catalogue order. */
export const RULES_METHOD = 'miit95/rules';

export interface RuleListItem {
  readonly id: string;
  /** The short kebab-case name. */
  readonly name: string;
  /** One sentence, in the server's locale. */
  readonly description: string;
  /** 'diagnostic' for a rule, 'reminder' for an entry shown elsewhere (code lens, hover, export). */
  readonly kind: 'diagnostic' | 'reminder';
  /** The documentation page, relative to the extension root (`docs/rules/<ID>.md`). */
  readonly docs: string;
}

/** Client commands the server's code lenses call. */
export const CLIENT_COMMANDS = {
  /** Built in: focuses the Problems view. */
  showProblems: 'workbench.actions.view.problems',
  /** Opens docs/rules/<ID>.md; argument: the rule ID. */
  openRuleDoc: 'miit95.openRuleDoc',
  /** The fee preview panel; argument: the document URI. */
  showFeePreview: 'miit95.showFeePreview',
} as const;
