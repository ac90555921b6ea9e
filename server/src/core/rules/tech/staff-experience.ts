/**
 * R-STAFF-001: the company and its core staff have call-centre or multi-party experience (material 11):
 * at least one core staff member with experience_years > 0 and a real description, and a company
 * experience that says something. A missing section or an empty list is the schema's job.
 */
import { defineRule } from '../define-rule';
import { getArray, getNumber, getString, isRecord } from '../../document/data-access';
import { isTrivialText } from './shared';

type MessageId = 'noExperiencedCoreStaff' | 'companyExperienceEmpty';

export default defineRule<MessageId>({
  id: 'R-STAFF-001',
  name: 'core-staff-experience',
  defaultSeverity: 'warning',
  status: 'secondary',
  fixable: false,
  fields: [
    'staff',
    'staff.company_experience',
    'staff.core',
    'staff.core.*',
    'staff.core.*.experience_years',
    'staff.core.*.experience',
  ],
  description: {
    'zh-cn': '企业及至少一名核心员工具有呼叫中心或多方通信业务的从业经验，并写明年限与经历。',
    en: 'The company and at least one core staff member have call-centre or multi-party experience, with years and a description.',
  },
  messages: {
    noExperiencedCoreStaff: {
      'zh-cn': '核心员工中没有一人写明相关从业年限（大于 0）和具体经历。审核关注企业及核心员工的呼叫中心或多方通信业务经验：请写明至少一名核心员工的从业年限和经历（曾在何处、负责什么、多大规模）。',
      en: 'No core staff member states relevant years of experience (more than 0) together with a real description. The review looks at the call-centre or multi-party experience of the company and its core staff: give at least one member’s years and experience (where, what role, what scale).',
    },
    companyExperienceEmpty: {
      'zh-cn': '企业从业经验“{value}”没有实际内容。请写明公司开展呼叫中心或多方通信业务的经历（起始时间、服务客户、规模）；确无经验的，应在核心员工经历中充分说明。',
      en: 'The company experience “{value}” says nothing. Describe the company’s call-centre or multi-party business (since when, for which customers, at what scale); if it has none, describe the core staff’s experience fully.',
    },
  },
  check(ctx) {
    const app = ctx.app;
    const core = getArray(app, ['staff', 'core']);
    const records = core.filter(isRecord);
    if (records.length > 0) {
      const qualified = records.some((member) => {
        const years = getNumber(member, ['experience_years']);
        const text = getString(member, ['experience']);
        return years !== undefined && years > 0 && text !== undefined && !isTrivialText(text);
      });
      if (!qualified) ctx.report({ path: ['staff', 'core'], target: 'key', messageId: 'noExperiencedCoreStaff' });
    }
    const company = getString(app, ['staff', 'company_experience']);
    if (company !== undefined && company.trim() !== '' && isTrivialText(company)) {
      ctx.report({ path: ['staff', 'company_experience'], messageId: 'companyExperienceEmpty', params: { value: company } });
    }
  },
});
