/**
 * Name-based UUIDs (version 5 layout over SHA-1). The agent builders name every resource this
 * way, so the built agents are byte-for-byte the same on every run, and the CX webhook can
 * target the pages the builder wrote.
 */
import { createHash } from 'node:crypto';

export function stableUuid(name: string): string {
  const hex = createHash('sha1').update(`council-voice:${name}`).digest('hex').slice(0, 32).split('');
  hex[12] = '5';
  hex[16] = ((parseInt(hex[16] ?? '0', 16) & 0x3) | 0x8).toString(16);
  const s = hex.join('');
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20, 32)}`;
}
