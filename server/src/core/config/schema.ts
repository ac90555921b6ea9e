/**
 * The JSON Schema of `.miit95.yaml` (schemas/config.schema.json) and its validator, compiled once on
 * first use and cached (a compile failure too), with the same ajv setup as the application schemas.
 * Owns nothing else: messages and ranges come from the shared schema mapping.
 */
import type { AnySchemaObject } from 'ajv/dist/2020';
import { validatorsCurrentByBuild } from '../schema/build-stamp';
import { createSchemaValidator, SCHEMA_BASE_URI, schemaSetHash, type SchemaValidator } from '../schema/registry';
import precompiledConfig, { SOURCE_HASH as CONFIG_SOURCE_HASH } from '../schema/generated/config-validator';
import configSchema from '../../../../schemas/config.schema.json';

/** The `$id` of the configuration schema. */
export const CONFIG_SCHEMA_ID = `${SCHEMA_BASE_URI}config.schema.json`;

/** The configuration schema as read from the file. */
export const CONFIG_SCHEMA: AnySchemaObject = configSchema;

let configValidator: SchemaValidator | undefined;
let configError: Error | undefined;

/** The validator of `.miit95.yaml`, compiled on first use and cached. */
export function getConfigValidator(): SchemaValidator {
  if (configValidator) return configValidator;
  if (configError !== undefined) throw configError;
  try {
    // The standalone code generated at build time while it matches the schema; compiled otherwise.
    const fresh = validatorsCurrentByBuild() || CONFIG_SOURCE_HASH === schemaSetHash([CONFIG_SCHEMA]);
    configValidator = createSchemaValidator([CONFIG_SCHEMA], CONFIG_SCHEMA_ID, fresh ? precompiledConfig : undefined);
    return configValidator;
  } catch (error) {
    configError = error instanceof Error ? error : new Error(String(error));
    throw configError;
  }
}
