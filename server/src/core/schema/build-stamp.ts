/**
 * Whether the running code is a bundle whose build has just regenerated the standalone schema
 * validators (`npm run build` runs gen:validators first and tells esbuild so through `define`).
 * Then the validators are known to match the schemas and the fingerprint check (hashing every
 * schema, ~10 ms at a cold start) is skipped. From source (tsx, tests) or in watch mode the
 * identifier is not defined and the check runs.
 */
declare const MIIT95_VALIDATORS_CURRENT: boolean | undefined;

export function validatorsCurrentByBuild(): boolean {
  return typeof MIIT95_VALIDATORS_CURRENT !== 'undefined' && MIIT95_VALIDATORS_CURRENT === true;
}
