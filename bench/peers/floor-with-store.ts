/**
 * The floor with the one piece of real work every answer of ours does first: reading the
 * resident's saved profile from SQLite, through the same store (same pragmas, same table, a
 * prepared statement) our server uses. The HTTP counterpart of the Lambda bench's "bare skill
 * plus one DynamoDB read": what no skill that remembers its residents can go below.
 */
import { createServer, type Server } from 'node:http';
import type { RequestEnvelope } from 'ask-sdk-model';
import { openDatabase } from '../../src/connectors/stores/sqlite-database';
import { SqliteProfileStore } from '../../src/connectors/stores/sqlite-profile-store';
import { BENCH_PROFILE } from '../lib/bench-resident';
import { createFixedSentenceSkill } from './fixed-sentence-skill';

export async function createFloorWithStore(dataDir: string): Promise<Server> {
  const skill = createFixedSentenceSkill();
  const profiles = new SqliteProfileStore(openDatabase(dataDir));
  await profiles.put(BENCH_PROFILE);
  return createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const envelope = JSON.parse(Buffer.concat(chunks).toString('utf8')) as RequestEnvelope;
      profiles.get(envelope.session?.user.userId ?? '')
        .then((profile) => {
          if (!profile?.address) throw new Error('the bench resident is not saved');
          return skill.invoke(envelope);
        })
        .then((answer) => {
          res.writeHead(200, { 'content-type': 'application/json' });
          res.end(JSON.stringify(answer));
        }, () => {
          res.writeHead(500).end();
        });
    });
  });
}
