/**
 * Completion values drawn from the business catalogue (businesses.ts): the businesses of the area of
 * use (those on the licence first), the licence's businesses (those that qualify for a 95 number
 * first) and the business codes.
 */
import { sameText } from '../checks/text';
import { getArray, getString } from '../document/data-access';
import { t } from '../features/field-docs';
import type { FieldInfo } from '../features/schema-info';
import {
  siblingValues,
  type CompletionContext as Context,
  type ValueCandidate,
} from '../features/value-provider';
import type { DataPath } from '../types';
import { findBusiness, businesses as businessCatalogue } from './businesses';

export function usageBusinessCandidates(path: DataPath, info: FieldInfo, context: Context): ValueCandidate[] {
  const { data, locale } = context;
  const onLicence = getArray(data, ['licence', 'businesses'])
    .map((b) => getString(b, ['name']))
    .filter((n): n is string => n !== undefined);
  const used = siblingValues(data, path);
  return info.enumValues
    .filter((v): v is string => typeof v === 'string')
    .filter((v) => !used.some((u) => sameText(u, v)))
    .map((v): ValueCandidate => {
      const licensed = onLicence.some((n) => sameText(n, v));
      const business = findBusiness(v);
      return {
        label: v,
        kind: 'value',
        bucket: licensed ? 0 : 1,
        description: licensed
          ? t(locale, '许可证已载明', 'on the licence')
          : t(locale, '许可证未载明', 'not on the licence'),
        ...(business !== undefined ? { detail: business.code } : {}),
        ...(business?.note !== undefined ? { documentation: business.note[locale] } : {}),
      };
    });
}

export function licenceBusinessCandidates(
  path: DataPath,
  info: FieldInfo,
  context: Context,
): ValueCandidate[] {
  const { data, locale } = context;
  const index = path[path.length - 2];
  const used = getArray(data, ['licence', 'businesses'])
    .filter((_, i) => i !== index)
    .map((b) => getString(b, ['name']))
    .filter((n): n is string => n !== undefined);
  return info.enumValues
    .filter((v): v is string => typeof v === 'string')
    .filter((v) => !used.some((u) => sameText(u, v)))
    .map((v): ValueCandidate => {
      const business = findBusiness(v);
      const qualifies = business?.qualifies;
      return {
        label: v,
        kind: 'value',
        bucket: qualifies === 'yes' ? 0 : qualifies === 'warning' ? 1 : 2,
        ...(business !== undefined ? { detail: business.code } : {}),
        ...(qualifies !== undefined
          ? {
              description:
                qualifies === 'yes'
                  ? t(locale, '可申请 95 号码', 'qualifies for a 95 number')
                  : qualifies === 'warning'
                    ? t(locale, '能否申请存疑', 'doubtful')
                    : t(locale, '不能申请 95 号码', 'does not qualify'),
            }
          : {}),
        ...(business?.note !== undefined ? { documentation: business.note[locale] } : {}),
      };
    });
}

export function businessCodeCandidates(path: DataPath, context: Context): ValueCandidate[] {
  const name = getString(context.data, [...path.slice(0, -1), 'name']);
  const own = name === undefined ? undefined : findBusiness(name)?.code;
  const codes = [...new Set(businessCatalogue.map((b) => b.code))];
  return codes.map((c): ValueCandidate => ({
    label: c,
    kind: 'value',
    bucket: c === own ? 0 : 1,
    description: businessCatalogue
      .filter((b) => b.code === c)
      .map((b) => b.name)
      .join(' / '),
    filterText: c,
  }));
}
