/**
 * Sandbox module `schema`: the check behind `pm.response.to.have.jsonSchema(schema)` and
 * `pm.expect(value).to.have.jsonSchema(schema)`, as Postman's (chai-postman) does it: a new
 * ajv for each check, with every error collected, its options merged over those, and the
 * errors in ajv's own words in the message. ajv is the sandbox library (libraries.ts), so
 * the schema compiles and runs inside QuickJS, under the script's limits.
 */
export const SCHEMA_SOURCE = `(function (K) {
'use strict';
function jsonSchema(data, schema, options, negate) {
  if (schema === null || typeof schema !== 'object' || Array.isArray(schema)) {
    throw new K.AssertionError('expected a JSON Schema (an object) but found ' + (schema === null ? 'null' : Array.isArray(schema) ? 'an array' : typeof schema));
  }
  var Ajv = K.use('ajv');
  var ajv = new Ajv(Object.assign({ allErrors: true, logger: false }, options));
  var valid = ajv.validate(schema, data);
  var ok = valid && !ajv.errors;
  if (negate ? ok : !ok) {
    throw new K.AssertionError(negate ? 'expected data to not satisfy schema'
      : 'expected data to satisfy schema but found following errors: \\n' + ajv.errorsText());
  }
}
return { jsonSchema: jsonSchema };
})`
