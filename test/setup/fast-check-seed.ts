/**
 * Pins fast-check's seed for every property test when MIIT95_PROPERTY_SEED is set (CI sets it, so a
 * run is reproducible and a red run can be replayed exactly); without it each run explores new cases,
 * as a developer's `npm test` should. A failure always prints its seed either way.
 */
import fc from 'fast-check';

const seed = process.env['MIIT95_PROPERTY_SEED'];
if (seed !== undefined && seed !== '' && Number.isFinite(Number(seed))) {
  fc.configureGlobal({ ...fc.readConfigureGlobal(), seed: Number(seed) });
}
