/**
 * The council file's JSON Schema, made from the same zod schema the loader checks with, for
 * editors (yaml-language-server and others complete keys and flag mistakes as the officer
 * types). The file the officer edits holds `${VAR}` and `${VAR:-default}` references, which the
 * loader fills in before checking: so wherever the loader would check the filled-in text (a URL,
 * a pattern, a fixed list of words), the schema also accepts a string with a reference in it.
 */
import { z } from 'zod';
import { councilConfigSchema } from '../../src/config/council-config';
import { serviceConfigSchema } from '../../src/config/service-config';

type JsonSchema = Record<string, unknown>;

/** A string holding at least one `${NAME}` or `${NAME:-default}` reference (as the loader reads them). */
export const ENV_REFERENCE_SCHEMA: JsonSchema = {
  type: 'string',
  pattern: '\\$\\{[A-Z0-9_]+(:-[^}]*)?\\}',
  description: 'An environment reference, ${NAME} or ${NAME:-default}, filled in when the file is loaded.',
};

/** The schemas written beside the example files, by file name. */
export const CONFIG_SCHEMAS = [
  { file: 'council.schema.json', title: 'Council Voice council file', schema: councilConfigSchema },
  { file: 'service.schema.json', title: 'Council Voice service file (service.yaml)', schema: serviceConfigSchema },
] as const;

function isObject(value: unknown): value is JsonSchema {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const REFERENCE = { $ref: '#/definitions/envReference' };

/**
 * A string the loader checks after filling in references (a URL, a pattern, a list of words, a
 * long secret): a reference is also fine there. A `const` stays as it is: it picks a union's branch.
 */
function isCheckedString(node: JsonSchema): boolean {
  return node.type === 'string' && node.const === undefined
    && (node.format !== undefined || node.pattern !== undefined || node.enum !== undefined || Number(node.minLength ?? 0) > 4);
}

/** Walks the generated schema: references allowed in checked strings; zod-only formats dropped. */
function allowReferences(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(allowReferences);
  if (!isObject(node)) return node;
  const out: JsonSchema = {};
  for (const [key, value] of Object.entries(node)) {
    // Property names are data, not schemas: walk their values only.
    if (key === 'properties' && isObject(value)) {
      out[key] = Object.fromEntries(Object.entries(value).map(([name, schema]) => [name, allowReferences(schema)]));
    } else {
      out[key] = allowReferences(value);
    }
  }
  // zod's `includes` is not a JSON Schema format; the pattern it comes with says the same.
  if (out.format === 'includes') delete out.format;
  if (!isCheckedString(out)) return out;
  const { description, default: fallback, ...checked } = out;
  return {
    ...(description === undefined ? {} : { description }),
    ...(fallback === undefined ? {} : { default: fallback }),
    anyOf: [checked, REFERENCE],
  };
}

/** The JSON Schema (draft-07, which editors and validators widely read) for one config schema. */
export function buildJsonSchema(schema: z.ZodType, title: string): JsonSchema {
  const generated = z.toJSONSchema(schema, { target: 'draft-7', io: 'input', unrepresentable: 'any' }) as JsonSchema;
  const { $schema, definitions, ...rest } = allowReferences(generated) as JsonSchema;
  return { $schema, title, ...rest, definitions: { ...(isObject(definitions) ? definitions : {}), envReference: ENV_REFERENCE_SCHEMA } };
}
