/** Every file `npm run schema` writes, repository-relative, with its text. */
import { buildJsonSchema, CONFIG_SCHEMAS } from './council-json-schema';
import { renderCouncilFileDocs } from './council-file-docs';

export function renderSchemaFiles(): { file: string; text: string }[] {
  const [council, service] = CONFIG_SCHEMAS.map(({ title, schema }) => buildJsonSchema(schema, title));
  return [
    { file: `councils/${CONFIG_SCHEMAS[0].file}`, text: `${JSON.stringify(council, null, 2)}\n` },
    { file: `councils/${CONFIG_SCHEMAS[1].file}`, text: `${JSON.stringify(service, null, 2)}\n` },
    {
      file: 'docs/council-file.md',
      text: renderCouncilFileDocs([
        { title: 'Council file (councils/<council>.yaml)', intro: 'One council: its name and contacts, and the systems behind each kind of question.', schema: council!, examples: ['councils/demo-council.yaml'] },
        { title: 'Service file (councils/service.yaml)', intro: 'Only in a directory of several council files served as one service: what belongs to the whole service rather than to one council.', schema: service!, examples: ['councils/service.yaml'] },
      ]),
    },
  ];
}
