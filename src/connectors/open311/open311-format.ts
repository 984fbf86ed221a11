/**
 * Reading an Open311 answer in the format it came in, and telling from a `.json` path's answer
 * whether the server speaks JSON at all (for `reports.format: auto`).
 */
import { errorListSchema } from './open311-wire';
import { NotOpen311XmlError, readOpen311Xml } from './open311-xml';

export type WireFormat = 'json' | 'xml';

/** One answer from the council's server, with the format that was asked for. */
export interface Answer { url: string; status: number; text: string; format: WireFormat }

/** What a server without the JSON format answers on a `.json` path. */
const NO_JSON_STATUSES = [404, 406, 415];

/** The answer's value in the JSON format's shape, or undefined when it is not that format at all. */
export function decodeAnswer(format: WireFormat, text: string): unknown {
  if (format === 'json') {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      return undefined;
    }
  }
  try {
    return readOpen311Xml(text);
  } catch (error) {
    if (error instanceof NotOpen311XmlError) return undefined;
    throw error;
  }
}

/** The council's own errors in an answer, in either format (some servers answer errors in JSON on an XML path). */
export function errorsIn(answer: Answer): { code?: string | null; description?: string | null }[] | undefined {
  for (const format of [answer.format, answer.format === 'json' ? 'xml' : 'json'] as const) {
    const errors = errorListSchema.safeParse(decodeAnswer(format, answer.text));
    if (errors.success) return errors.data;
  }
  return undefined;
}

/** True when a `.json` answer says the server has no JSON: a bare 404/406/415, or a 2xx that is not JSON. */
export function saysNoJson(answer: Answer): boolean {
  if (answer.status < 400) return decodeAnswer('json', answer.text) === undefined;
  return NO_JSON_STATUSES.includes(answer.status) && errorsIn(answer) === undefined;
}
