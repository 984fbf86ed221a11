/**
 * The floor: the least a Node skill server can do. node:http, read the body, JSON.parse,
 * ask-sdk-core's invoke, JSON.stringify. Nothing we serve can beat it; the ratio says how close.
 */
import { createServer, type Server } from 'node:http';
import type { RequestEnvelope } from 'ask-sdk-model';
import { createFixedSentenceSkill } from './fixed-sentence-skill';

/** The floor; `first` runs before the skill with the parsed envelope (floor-with-store.ts reads a profile there). */
export function createFloor(first?: (envelope: RequestEnvelope) => Promise<unknown>): Server {
  const skill = createFixedSentenceSkill();
  return createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const envelope = JSON.parse(Buffer.concat(chunks).toString('utf8')) as RequestEnvelope;
      (first ? first(envelope).then(() => skill.invoke(envelope)) : skill.invoke(envelope)).then((answer) => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify(answer));
      }, () => {
        res.writeHead(500).end();
      });
    });
  });
}
