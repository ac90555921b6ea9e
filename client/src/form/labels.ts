/**
 * The form webview's static strings (l10n/bundle.l10n.zh-cn.json), in the language of the form's
 * model: the server's locale, i.e. `miit95.language`, else VS Code's display language.
 */
import { t as displayT, translatorFor, type Translate } from '../l10n';
import type { FormLabels } from './protocol';

export function formTitle(fileName: string): string {
  return displayT('Form: {0}', fileName);
}

export function formLabels(locale: 'zh-cn' | 'en'): FormLabels {
  const t: Translate = translatorFor(locale);
  return {
    materials: t('Materials'),
    complete: t('complete'),
    errors: t('has errors'),
    missing: t('missing'),
    completeness: t('{0}/{1} materials complete'),
    counts: t('{0} errors · {1} warnings'),
    seats: t('Seats (Erlang C)'),
    fees: t('Annual fees'),
    required: t('required'),
    example: t('Example: {0}'),
    add: t('Add'),
    addNamed: t('Add {0}'),
    remove: t('Remove'),
    moveUp: t('Move up'),
    moveDown: t('Move down'),
    showInYaml: t('Show in YAML'),
    openText: t('Open the YAML beside'),
    readOnly: t('The file has a YAML syntax error: the form is read-only until it parses again.'),
    notEditable: t('Written in a form this field cannot show; edit it in the YAML.'),
    notInOptions: t('{0} (not one of the choices)'),
    choose: t('— choose —'),
    yes: t('Yes'),
    no: t('No'),
    otherFindings: t('Findings on the whole file'),
    error: t('Error'),
    warning: t('Warning'),
    info: t('Note'),
    fix: t('Fix: {0}'),
    itemActions: t('Item {0}'),
    loading: t('Loading the form…'),
  };
}
