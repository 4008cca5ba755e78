import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import Ajv from 'ajv';
import { GazetteerFileSchema, TermsFileSchema } from '../../server/src/engine/factbase/schema';
import { schemaFiles, VALIDATORS_FILE, validatorsModule } from '../../server/src/writeSchemas';

const data = path.join(__dirname, '..', '..', '..', 'data');

test('the schema files in data/ are the ones the TypeBox definitions write (npm run schema)', () => {
  for (const f of schemaFiles()) assert.equal(fs.readFileSync(path.join(data, f.name), 'utf8'), f.text, `data/${f.name} is stale: run npm run schema`);
});

test('the generated fact base validator is the one the TypeBox definitions compile to (npm run schema)', () => {
  const file = path.join(__dirname, '..', '..', '..', VALIDATORS_FILE);
  assert.equal(fs.readFileSync(file, 'utf8'), validatorsModule(), `${VALIDATORS_FILE} is stale: run npm run schema`);
});

test('the built-in gazetteer and terms are valid against their schemas', () => {
  const ajv = new Ajv({ allErrors: true, strict: false });
  for (const [file, schema] of [
    ['gazetteer.json', GazetteerFileSchema],
    ['terms.json', TermsFileSchema],
  ] as const) {
    const validate = ajv.compile(schema);
    const ok = validate(JSON.parse(fs.readFileSync(path.join(data, file), 'utf8')));
    assert.ok(ok, `${file}: ${JSON.stringify(validate.errors?.slice(0, 3))}`);
  }
});
