/**
 * Writes a deployment of `count` council files for the scale measurement: the demo council's file
 * as every council, each with its own name, postcode district, custodian code and back-end URLs,
 * and a service.yaml with the one address lookup they share.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { DEMO_CONFIG_PATH } from '../../src/config/load-config';

const LETTERS = 'ABCDEFGHIJKLMNOPRSTUWYZ';

/** A distinct postcode district for council `i`: two letters and a number. */
function districtFor(i: number): string {
  const first = LETTERS[i % LETTERS.length] ?? 'A';
  const second = LETTERS[Math.floor(i / LETTERS.length) % LETTERS.length] ?? 'A';
  return `${first}${second}${1 + Math.floor(i / (LETTERS.length * LETTERS.length))}`;
}

export function generateCouncils(dir: string, count: number): void {
  mkdirSync(dir, { recursive: true });
  const demo = readFileSync(DEMO_CONFIG_PATH, 'utf8')
    .replace(/^ {2}(postcodes|custodianCode): .*\n/gm, '')
    .replace(/\naddresses:\n( {2}.*\n)+/, '\n');
  writeFileSync(path.join(dir, 'service.yaml'), [
    'service: { name: Council Voice, invocationName: council voice }',
    'addresses: { connector: os-places, url: "http://127.0.0.1:4010/search/places/v1", key: demo-key }',
    '',
  ].join('\n'));
  for (let i = 0; i < count; i++) {
    const id = `council-${String(i).padStart(3, '0')}`;
    const text = demo
      .replace('name: Demo Borough Council', `name: Council Number ${i}\n  postcodes: [${districtFor(i)}]\n  custodianCode: ${1000 + i}`)
      .replaceAll('${DEMO_COUNCIL_URL:-http://127.0.0.1:4010}', `http://127.0.0.1:4010/${id}`);
    writeFileSync(path.join(dir, `${id}.yaml`), text);
  }
}
