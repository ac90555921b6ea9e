/** Locale resolution from the initialize request (lsp/locale.ts). */
import assert from 'node:assert/strict';
import { resolveLocale } from '../../server/src/lsp/locale';

describe('locale from initialize', function () {
  const cases: [string, Parameters<typeof resolveLocale>[0], 'zh-cn' | 'en'][] = [
    ['nothing → Chinese', {}, 'zh-cn'],
    ['client locale en', { locale: 'en' }, 'en'],
    ['client locale en-US', { locale: 'en-US' }, 'en'],
    ['client locale EN-gb', { locale: 'EN-gb' }, 'en'],
    ['client locale zh-cn', { locale: 'zh-cn' }, 'zh-cn'],
    ['client locale zh-tw', { locale: 'zh-tw' }, 'zh-cn'],
    ['client locale de', { locale: 'de' }, 'zh-cn'],
    [
      'options.locale wins over params.locale',
      { locale: 'zh-cn', initializationOptions: { locale: 'en' } },
      'en',
    ],
    [
      'options.language en wins over locales',
      { locale: 'zh-cn', initializationOptions: { language: 'en', locale: 'zh-cn' } },
      'en',
    ],
    [
      'options.language zh-cn wins over locales',
      { locale: 'en', initializationOptions: { language: 'zh-cn' } },
      'zh-cn',
    ],
    [
      'options.language auto defers to options.locale',
      { locale: 'zh-cn', initializationOptions: { language: 'auto', locale: 'en-US' } },
      'en',
    ],
    [
      'options.language auto defers to params.locale',
      { locale: 'en', initializationOptions: { language: 'auto' } },
      'en',
    ],
    ['an unknown language defers', { locale: 'en', initializationOptions: { language: 'fr' } }, 'en'],
    [
      'non-string options are ignored',
      { locale: 'en', initializationOptions: { language: 42, locale: null } },
      'en',
    ],
    ['options that are not an object are ignored', { locale: 'en', initializationOptions: 'en' }, 'en'],
    ['null options', { locale: 'en-US', initializationOptions: null }, 'en'],
  ];
  for (const [name, params, expected] of cases) {
    it(name, function () {
      assert.equal(resolveLocale(params), expected);
    });
  }
});
