/**
 * Which of the council's Open311 services takes a kind of problem (ISSUE_TYPE id). The council
 * config can name the service code outright; otherwise the words councils commonly use are
 * looked for in each service's name, then its keywords, then its group.
 */
import type { Open311Service } from './open311-wire';
import { ownValue } from '../../core/own-value';

/** Words UK councils use for each kind of problem in their service names. */
export const ISSUE_WORDS: Record<string, string[]> = {
  POTHOLE: ['pothole', 'potholes', 'road surface', 'road defect', 'carriageway defect'],
  STREET_LIGHT: ['street light', 'street lights', 'streetlight', 'street lighting', 'street lamp', 'lamp post', 'lighting'],
  FLY_TIPPING: ['fly tipping', 'flytipping', 'fly tip', 'dumped rubbish', 'illegal dumping'],
  GRAFFITI: ['graffiti'],
  MISSED_BIN: ['missed bin', 'missed bins', 'missed collection', 'bin collection', 'bin not collected'],
  DOG_FOULING: ['dog fouling', 'dog mess', 'dog waste'],
  ABANDONED_VEHICLE: ['abandoned vehicle', 'abandoned vehicles', 'abandoned car', 'abandoned cars'],
  BLOCKED_DRAIN: ['blocked drain', 'blocked drains', 'drainage', 'gully', 'gullies', 'drain'],
};

function normalise(text: string | null | undefined): string {
  return ` ${(text ?? '').toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim()} `;
}

function mentions(haystack: string, words: string[]): boolean {
  return words.some((word) => haystack.includes(normalise(word)));
}

/** The service for `issueType`: by configured code first, then by the best word match. */
export function matchService(issueType: string, services: Open311Service[], configured: Record<string, string> = {}): Open311Service | undefined {
  const code = ownValue(configured, issueType);
  // A configured code is the council's word, even for a service its list does not show.
  if (code !== undefined) return services.find((s) => s.service_code === code) ?? { service_code: code, service_name: '', metadata: true, keywords: [] };
  const words = ownValue(ISSUE_WORDS, issueType) ?? [issueType.toLowerCase().replace(/_/g, ' ')];
  let best: { service: Open311Service; score: number } | undefined;
  for (const service of services) {
    let score = 0;
    if (mentions(normalise(service.service_name), words)) score = 3;
    else if (mentions(normalise(service.keywords.join(' , ')), words)) score = 2;
    else if (mentions(normalise(service.group), words)) score = 1;
    if (score > (best?.score ?? 0)) best = { service, score };
  }
  return best?.service;
}
