/** Every file `npm run schema` writes, repository-relative, with its text. */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { buildJsonSchema, CONFIG_SCHEMAS } from './council-json-schema';
import { renderCouncilFileDocs } from './council-file-docs';

/** The example council files (every councils/*.yaml but service.yaml), for the reference's examples. */
function exampleCouncilFiles(): string[] {
  return readdirSync(path.resolve(__dirname, '../../councils')).filter((f) => f.endsWith('.yaml') && f !== 'service.yaml').sort().map((f) => `councils/${f}`);
}

export function renderSchemaFiles(): { file: string; text: string }[] {
  const [council, service] = CONFIG_SCHEMAS.map(({ title, schema }) => buildJsonSchema(schema, title));
  return [
    { file: `councils/${CONFIG_SCHEMAS[0].file}`, text: `${JSON.stringify(council, null, 2)}\n` },
    { file: `councils/${CONFIG_SCHEMAS[1].file}`, text: `${JSON.stringify(service, null, 2)}\n` },
    {
      file: 'docs/council-file.md',
      text: renderCouncilFileDocs([
        { title: 'Council file (councils/<council>.yaml)', intro: 'One council: its name and contacts, and the systems behind each kind of question.', schema: council!, examples: exampleCouncilFiles() },
        { title: 'Service file (councils/service.yaml)', intro: 'Only in a directory of several council files served as one service: what belongs to the whole service rather than to one council.', schema: service!, examples: ['councils/service.yaml'] },
      ]),
    },
  ];
}
