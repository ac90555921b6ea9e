/**
 * R-APPLICANT-008: what the schema cannot see in the applicant's particulars. The schema already
 * requires legal_rep, address and contact{name, phone, email} and checks the phone, mobile and e-mail
 * formats; this rule adds (1) values that are blank or placeholders ("待定", "XXX", "无", "   ") and
 * (2) an address that names no province or city. The duty to notify address or contact changes within
 * 10 working days (码号办法 第二十六条) is a reminder shown in the hover and the export checklist, not a
 * diagnostic.
 */
import { normalizeForCompare } from '../../checks/text';
import { cities, provinces } from '../../data/divisions';
import type { LocalizedText } from '../../types';
import { defineRule } from '../define-rule';
import { getString } from '../../document/data-access';

/** The fields whose placeholders are checked, with their names for messages. */
const FIELDS: readonly { readonly path: readonly string[]; readonly label: LocalizedText }[] = [
  { path: ['applicant', 'legal_rep'], label: { 'zh-cn': '法定代表人', en: 'The legal representative' } },
  { path: ['applicant', 'address'], label: { 'zh-cn': '住所', en: 'The address' } },
  { path: ['applicant', 'contact', 'name'], label: { 'zh-cn': '联系人姓名', en: 'The contact name' } },
];

/** Blank, or a template placeholder: XXX, ***, ???, ---, 待定, 待填, 暂无, 无, TBD, TODO, N/A … */
const PLACEHOLDER =
  /^(?:|[x×*＊]+|[?？]+|[-—_－…．.]+|待定|待填|待填写|待补|待补充|暂无|无|未知|略|同上|tbd|todo|n\/?a|none|null)$/iu;

/** Every province and city name, and their short forms of at least two characters, normalised. */
const PLACE_NAMES: readonly string[] = (() => {
  const names = new Set<string>();
  for (const p of provinces)
    for (const n of [p.name, ...p.short]) if (n.length >= 2) names.add(normalizeForCompare(n));
  for (const c of cities) {
    names.add(normalizeForCompare(c.name));
    const short = /^(.{2,}?)(?:市|地区|盟)$/u.exec(c.name)?.[1];
    if (short !== undefined) names.add(normalizeForCompare(short));
  }
  return [...names];
})();

function isPlaceholder(value: string): boolean {
  return PLACEHOLDER.test(value.normalize('NFKC').replace(/\s+/gu, ''));
}

export const applicantDetails = defineRule({
  id: 'R-APPLICANT-008',
  name: 'applicant-details',
  defaultSeverity: 'error',
  status: 'confirmed',
  fixable: false,
  fields: [
    'applicant',
    'applicant.legal_rep',
    'applicant.address',
    'applicant.contact',
    'applicant.contact.name',
    'applicant.contact.phone',
  ],
  description: {
    'zh-cn': '法定代表人、住所和联系人须是实际内容（不是空白或占位符），住所须写明省份或城市。',
    en: 'The legal representative, address and contact must be real values (not blanks or placeholders), and the address must name a province or city.',
  },
  messages: {
    placeholder: {
      'zh-cn': '{field}“{value}”是空白或占位符，不是实际内容。请按营业执照和实际情况填写。',
      en: '{field} “{value}” is blank or a placeholder, not a real value. Fill it in from the business licence and the actual situation.',
    },
    addressWithoutPlace: {
      'zh-cn':
        '住所“{value}”没有写明省份或城市。请写完整地址（省、市、区县、街道门牌），以便码号分配机关联系；地址变更后须在 10 个工作日内通知原码号分配机关。',
      en: 'Address “{value}” names no province or city. Write the full address (province, city, district, street and number) so the allocating authority can reach you; after a change of address it must be notified within 10 working days.',
    },
  },
  check(ctx) {
    for (const field of FIELDS) {
      const value = getString(ctx.app, field.path);
      if (value === undefined || value === '' || !isPlaceholder(value)) continue; // '' is the schema's minLength
      ctx.report({ path: field.path, messageId: 'placeholder', params: { field: field.label, value } });
    }
    const address = getString(ctx.app, ['applicant', 'address']);
    if (address === undefined || isPlaceholder(address)) return;
    const normalized = normalizeForCompare(address);
    if (PLACE_NAMES.some((name) => normalized.includes(name))) return;
    ctx.report({
      path: ['applicant', 'address'],
      messageId: 'addressWithoutPlace',
      params: { value: address },
      severity: 'warning',
    });
  },
});
