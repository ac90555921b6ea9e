/**
 * Typed access to the basic telecom operators (carriers.json) a 95 number is connected to: 中国电信 CT,
 * 中国移动 CM, 中国联通 CU (the 三网) and 中国广电 CBN. Reference: reference.md §6.3 (rules R-TECH-003/004).
 */

import { normalizeForCompare } from '../checks/text';
import data from './carriers.json';

export type CarrierId = 'CT' | 'CM' | 'CU' | 'CBN';

/** A basic telecom operator. */
export interface Carrier {
  readonly id: CarrierId;
  /** Short Chinese name used in applications, e.g. '中国电信'. */
  readonly name: string;
  readonly en: string;
  /** Other names accepted by {@link carrierByName}. */
  readonly aliases: readonly string[];
  /** Member of 三网全直联 (CT, CM, CU). */
  readonly threeNetworks: boolean;
}

function isCarrierId(id: string): id is CarrierId {
  return id === 'CT' || id === 'CM' || id === 'CU' || id === 'CBN';
}

/** Source, version and date of the carrier data. */
export const carriersSource: { readonly source: string; readonly version: string; readonly date: string } = {
  source: data.source,
  version: data.version,
  date: data.date,
};

/** The four carriers: CT, CM, CU, CBN. */
export const carriers: readonly Carrier[] = data.carriers.map((c) => {
  if (!isCarrierId(c.id)) throw new Error(`carriers.json: unknown carrier id ${c.id}`);
  return { id: c.id, name: c.name, en: c.en, aliases: c.aliases, threeNetworks: c.threeNetworks };
});

/** The ids of 三网全直联: CT, CM, CU. */
export const threeNetworkIds: readonly CarrierId[] = carriers.filter((c) => c.threeNetworks).map((c) => c.id);

const byId = new Map<string, Carrier>(carriers.map((c) => [c.id, c]));
const byName = new Map<string, Carrier>();
for (const c of carriers) {
  for (const n of [c.id, c.name, c.en, ...c.aliases]) byName.set(normalizeForCompare(n), c);
}

/** The carrier with an id ('CT'). */
export function carrierById(id: string): Carrier | undefined {
  return byId.get(id);
}

/**
 * Finds a carrier by id, name, English name or alias ('中国电信', '电信', 'CT', 'China Telecom',
 * '中国联合网络通信有限公司'); case- and width-insensitive.
 */
export function carrierByName(name: string): Carrier | undefined {
  return byName.get(normalizeForCompare(name));
}

/** Which of CT, CM, CU are missing from a set of carriers (三网全直联 needs all three). */
export function missingThreeNetworks(ids: Iterable<CarrierId>): CarrierId[] {
  const present = new Set(ids);
  return threeNetworkIds.filter((id) => !present.has(id));
}
