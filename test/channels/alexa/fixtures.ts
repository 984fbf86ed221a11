/** Real-shape Alexa request envelopes from test/fixtures/alexa, and the adapter's dependencies. */
import type { RequestEnvelope } from 'ask-sdk-model';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { HttpClient } from '../../../src/connectors/http';
import { silentLogger } from '../../../src/core/logger';
import type { ToTurnDeps } from '../../../src/channels/alexa/to-turn';

export const FIXTURES_DIR = path.resolve(__dirname, '../../fixtures/alexa');

/** A fresh copy of a fixture, so a test may change it. */
export function loadEnvelope(name: string): RequestEnvelope {
  return JSON.parse(readFileSync(path.join(FIXTURES_DIR, `${name}.json`), 'utf8')) as RequestEnvelope;
}

export function deviceDeps(): ToTurnDeps {
  return { http: new HttpClient({ service: 'device', timeoutMs: 500, retries: 0 }), logger: silentLogger };
}
