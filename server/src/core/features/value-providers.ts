/**
 * The registry of completion value providers the engine (completion.ts) reads: by the schema's value
 * type first, then by the field's path pattern; the schema's enum values otherwise. Each provider
 * lives beside the data it draws from.
 */
import { dateCandidates } from '../checks/date-completions';
import { seatCandidates } from '../checks/seat-completions';
import {
  businessCodeCandidates,
  licenceBusinessCandidates,
  usageBusinessCandidates,
} from '../data/business-completions';
import { carrierCandidates } from '../data/carrier-completions';
import { cityCandidates, coverageCandidates, provinceCandidates } from '../data/division-completions';
import { segmentCandidates } from '../data/segment-completions';
import type { DataPath } from '../types';
import { booleanCandidates, enumCandidates } from './enum-completions';
import { linkCandidates, siteCandidates } from './reference-completions';
import type { FieldInfo, ValueType } from './schema-info';
import type { CompletionContext, ValueCandidate, ValueProvider } from './value-provider';

/** Providers by the schema's value type (`province`, `city`, `date`, …). */
const BY_VALUE_TYPE: Readonly<Partial<Record<ValueType, ValueProvider>>> = {
  province: (path, pattern, _info, context) => provinceCandidates(path, pattern, context),
  coverage: (path, _pattern, _info, context) => coverageCandidates(path, context),
  city: (path, pattern, _info, context) => cityCandidates(path, pattern, context),
  carrier: (path, pattern, _info, context) => carrierCandidates(path, pattern, context),
  date: (_path, pattern, _info, context) => dateCandidates(pattern, context),
  number95: (_path, _pattern, _info, context) => segmentCandidates(context.locale),
  boolean: () => booleanCandidates(),
};

/** Providers by path pattern, for fields whose value type is `none`. */
const BY_PATTERN: Readonly<Record<string, ValueProvider>> = {
  'usage.businesses.*': (path, _pattern, info, context) => usageBusinessCandidates(path, info, context),
  'licence.businesses.*.name': (path, _pattern, info, context) =>
    licenceBusinessCandidates(path, info, context),
  'licence.businesses.*.code': (path, _pattern, _info, context) => businessCodeCandidates(path, context),
  'dialing.routing.*.site': (_path, _pattern, _info, context) => siteCandidates(context),
  'dialing.routing.*.link': (path, _pattern, _info, context) => linkCandidates(path, context),
  'tech.seats': (_path, _pattern, _info, context) => seatCandidates(context),
};

/** The value candidates for the field at `path`. */
export function valueCandidates(
  path: DataPath,
  pattern: string,
  info: FieldInfo,
  context: CompletionContext,
): ValueCandidate[] {
  const provider =
    BY_VALUE_TYPE[info.valueType] ?? (Object.hasOwn(BY_PATTERN, pattern) ? BY_PATTERN[pattern] : undefined);
  return provider !== undefined
    ? provider(path, pattern, info, context)
    : enumCandidates(path, info, context);
}

/** True when a provider knows the values of fields with this pattern (even without an enum). */
export function hasPatternProvider(pattern: string): boolean {
  return Object.hasOwn(BY_PATTERN, pattern);
}
