/**
 * R-LICENCE-003: every planned business (`usage.businesses`) is on the licence, matched by name, and
 * the licence carries a business that qualifies for a 95 number (国内呼叫中心业务 B24-1, 国内多方通信
 * 服务业务 B22, 存储转发类业务 B23 as voice mail). Whether a planned business qualifies at all is the
 * schema's enum (non-qualifying) and R-LICENCE-004's (doubtful); this rule adds the voice-mail condition
 * of 存储转发类业务: the description must name voice mail, in any of the words consultants use (语音信箱,
 * 语音留言, 留言, 信箱, voice mail; not 电子信箱 or 邮箱, which are e-mail), and not only in a negation.
 */
import { affirms } from '../../checks/negation';
import { findBusiness } from '../../data/businesses';
import { defineRule } from '../define-rule';
import { getArray, getString } from '../../document/data-access';
import { licenceBusinessNames, licenceCovers, plannedBusinesses } from './businesses';

/** Words for a voice-mail service (B23's only 95-number use); e-mail boxes (电子信箱, 邮箱) are not. */
export const VOICE_MAIL_WORDS = /语音信箱|语音邮箱|语音留言|录音留言|留言|(?<!电子|邮件)信箱|voice[\s-]?mail/iu;

export const plannedBusinessLicensed = defineRule({
  id: 'R-LICENCE-003',
  name: 'planned-business-licensed',
  defaultSeverity: 'error',
  status: 'secondary',
  fixable: false,
  fields: [
    'licence.businesses',
    'licence.businesses.*',
    'licence.businesses.*.name',
    'usage.businesses',
    'usage.businesses.*',
  ],
  description: {
    'zh-cn': '拟开展的业务须在许可证载明的业务种类中，且许可证须含可申请 95 号码的业务。',
    en: 'Each planned business must be on the licence, and the licence must include a business that qualifies for a 95 number.',
  },
  messages: {
    notOnLicence: {
      'zh-cn':
        '拟开展的业务“{value}”不在许可证载明的业务种类中（许可证：{licensed}）。号码只能用于许可证范围内的业务；请核对业务名称（按许可证上的写法），或先办理许可证业务种类变更。',
      en: 'The planned business “{value}” is not among the licensed businesses (licence: {licensed}). The number may only be used for licensed businesses; check the name (as printed on the licence), or have the licence amended first.',
    },
    licensedHere: {
      'zh-cn': '许可证载明的业务种类',
      en: 'The businesses on the licence',
    },
    voiceMailOnly: {
      'zh-cn':
        '存储转发类业务中只有语音信箱业务可使用 95 号码（电子邮件、传真存储转发不适用），但用途说明中没有说明语音信箱服务（语音信箱、语音留言、留言、信箱或 voice mail 均可）。请在 usage.description 中写明号码用于语音信箱（留言）业务。',
      en: 'Of the store-and-forward services only voice mail may use a 95 number (not e-mail or fax store-and-forward), but the description of use names no voice-mail service (语音信箱, 语音留言, 留言, 信箱 or voice mail all count). State in usage.description that the number is for a voice-mail (message) service.',
    },
    licenceNoQualifying: {
      'zh-cn':
        '许可证载明的业务（{licensed}）中没有可申请 95 号码的业务。可申请的主要是国内呼叫中心业务（B24-1）、国内多方通信服务业务（B22）和存储转发类业务（B23，语音信箱）；请核对许可证业务种类。',
      en: 'None of the licensed businesses ({licensed}) qualifies for a 95 number. The qualifying ones are mainly 国内呼叫中心业务 (B24-1), 国内多方通信服务业务 (B22) and 存储转发类业务 (B23, voice mail); check the licensed businesses.',
    },
  },
  check(ctx) {
    const licensed = licenceBusinessNames(ctx.app);
    if (licensed === undefined) return; // no business list: the schema's `required`
    const list = {
      'zh-cn': licensed.length > 0 ? licensed.join('、') : '—',
      en: licensed.length > 0 ? licensed.join(', ') : '—',
    };
    const planned = plannedBusinesses(ctx.app);
    for (const item of planned) {
      const path = ['usage', 'businesses', item.index];
      if (!licenceCovers(licensed, item.name)) {
        ctx.report({
          path,
          messageId: 'notOnLicence',
          params: { value: item.name, licensed: list },
          related: [{ path: ['licence', 'businesses'], target: 'key', messageId: 'licensedHere' }],
        });
        continue;
      }
      const description = getString(ctx.app, ['usage', 'description']);
      if (item.business.code === 'B23' && description !== undefined && !affirms(description, VOICE_MAIL_WORDS)) {
        ctx.report({ path, messageId: 'voiceMailOnly', severity: 'warning' });
      }
    }
    // Without an evaluable planned business, still say when the licence itself cannot carry a 95 number.
    if (planned.length > 0 || getArray(ctx.app, ['usage', 'businesses']).length > 0) return;
    const known = licensed.map((name) => findBusiness(name)).filter((b) => b !== undefined);
    if (known.length === 0 || known.some((b) => b.qualifies === 'yes' || b.qualifies === 'warning')) return;
    ctx.report({
      path: ['licence', 'businesses'],
      target: 'key',
      messageId: 'licenceNoQualifying',
      params: { licensed: list },
    });
  },
});
