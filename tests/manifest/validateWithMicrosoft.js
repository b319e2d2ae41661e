/**
 * Validates JSON documents with @microsoft/app-manifest, offline, against the schemas the package ships.
 * Run as a child process (`node tests/manifest/validateWithMicrosoft.js < documents.json`) because the package
 * loads ES-only modules that Node ≥ 20.19 requires natively but Jest's module system does not.
 * Input on stdin: [{ "schema": "MicrosoftTeams.schema.json", "document": {...} }, ...], schemas from v1.22.
 * Output on stdout: one array of error strings per document, [] when it passes.
 */
const fs = require('node:fs');
const path = require('node:path');
const { AppManifestUtils } = require('@microsoft/app-manifest');

const SCHEMAS = path.join(path.dirname(require.resolve('@microsoft/app-manifest')), 'json-schemas/teams/v1.22');

/**
 * The localisation schemas (v1.22 to the newest shipped) have pattern keys with a lone `]`
 * (`^activities.activityTypes\\[\\b(…)\\b]\\.description$`): a literal `]` for JavaScript's non-Unicode
 * regular expressions, a syntax error for the Unicode ones Ajv compiles, so Microsoft's validator throws on the
 * whole schema. Escaping that `]` keeps the pattern's meaning and lets the rest of the schema be checked.
 */
function escapeLoneBrackets(schema) {
  if (!schema.patternProperties) return schema;
  const patternProperties = Object.fromEntries(
    Object.entries(schema.patternProperties).map(([pattern, value]) => [pattern.replace(/\\b\]/g, '\\b\\]'), value]),
  );
  return { ...schema, patternProperties };
}

async function main() {
  const requests = JSON.parse(fs.readFileSync(0, 'utf8'));
  const results = [];
  for (const { schema, document } of requests) {
    const schemaJson = escapeLoneBrackets(JSON.parse(fs.readFileSync(path.join(SCHEMAS, path.basename(schema)), 'utf8')));
    results.push(await AppManifestUtils.validateAgainstSchema(document, schemaJson));
  }
  process.stdout.write(JSON.stringify(results));
}

main().catch((error) => {
  process.stderr.write(`${error && error.stack ? error.stack : error}\n`);
  process.exitCode = 1;
});
