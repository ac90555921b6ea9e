/**
 * Which licence businesses cover a planned business, by name (never by code: reference.md §3). Shared
 * by R-LICENCE-003 and R-LICENCE-004. A licence printing the generic 2003-catalogue names
 * "呼叫中心业务" or "信息服务业务" covers the corresponding 2015 business (businesses.json notes).
 */
import { normalizeForCompare } from '../../checks/text';
import { findBusiness, type Business } from '../../data/businesses';
import { getArray, getString, isRecord } from '../../document/data-access';

/** Generic licence names → the planned businesses they cover (normalised). */
const GENERIC_COVERS: ReadonlyMap<string, readonly string[]> = new Map([
  [normalizeForCompare('呼叫中心业务'), [normalizeForCompare('国内呼叫中心业务')]],
  [normalizeForCompare('信息服务业务'), [normalizeForCompare('信息服务业务（不含互联网信息服务）')]],
]);

/** The business names printed on the licence (`licence.businesses[].name`), or undefined without a list. */
export function licenceBusinessNames(app: unknown): string[] | undefined {
  const items = getArray(app, ['licence', 'businesses']);
  if (items.length === 0) return undefined;
  const names: string[] = [];
  for (const item of items) {
    const name = isRecord(item) ? getString(item, ['name']) : undefined;
    if (name !== undefined && name.trim() !== '') names.push(name);
  }
  return names;
}

/** True when one of the licence's businesses covers `planned`. */
export function licenceCovers(licenceNames: readonly string[], planned: string): boolean {
  const key = normalizeForCompare(planned);
  return licenceNames.some((name) => {
    const licensed = normalizeForCompare(name);
    return licensed === key || (GENERIC_COVERS.get(licensed)?.includes(key) ?? false);
  });
}

/** A planned business (`usage.businesses[i]`) with its catalogue entry. */
export interface PlannedBusiness {
  readonly index: number;
  readonly name: string;
  readonly business: Business;
}

/**
 * The planned businesses the catalogue knows and that may qualify ('yes' or 'warning'). Unknown and
 * non-qualifying names are left to the schema, whose enum for `usage.businesses` lists exactly the
 * qualifying and doubtful businesses (with a "did you mean").
 */
export function plannedBusinesses(app: unknown): PlannedBusiness[] {
  const out: PlannedBusiness[] = [];
  getArray(app, ['usage', 'businesses']).forEach((item, index) => {
    if (typeof item !== 'string') return;
    const business = findBusiness(item);
    if (business && business.qualifies !== 'no') out.push({ index, name: item, business });
  });
  return out;
}
