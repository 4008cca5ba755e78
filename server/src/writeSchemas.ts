/**
 * `npm run schema`: writes the JSON schemas in data/ from their one source, the TypeBox
 * definitions in engine/factbase/schema.ts. A unit test fails when the files and the
 * definitions drift apart.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { FactBaseFileSchema, GazetteerFileSchema, schemaDocument, TermsFileSchema } from './engine/factbase/schema';

/** Each schema file in data/ and the document it must hold. */
export function schemaFiles(): Array<{ name: string; text: string }> {
  return [
    { name: 'factbase.schema.json', text: JSON.stringify(schemaDocument(FactBaseFileSchema), null, 2) + '\n' },
    { name: 'gazetteer.schema.json', text: JSON.stringify(schemaDocument(GazetteerFileSchema), null, 2) + '\n' },
    { name: 'terms.schema.json', text: JSON.stringify(schemaDocument(TermsFileSchema), null, 2) + '\n' },
  ];
}

if (require.main === module) {
  const dir = path.join(__dirname, '..', '..', '..', 'data');
  for (const f of schemaFiles()) {
    fs.writeFileSync(path.join(dir, f.name), f.text);
    console.log(`wrote data/${f.name}`);
  }
}
