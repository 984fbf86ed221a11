/**
 * `npm run schema`: councils/council.schema.json and councils/service.schema.json from the zod
 * schemas the loader checks with, and docs/council-file.md from them. A test fails when any of
 * them is out of date.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { renderSchemaFiles } from './schema/schema-files';

const ROOT = path.resolve(__dirname, '..');
for (const { file, text } of renderSchemaFiles()) {
  writeFileSync(path.join(ROOT, file), text);
  console.log(`wrote ${file}`);
}
