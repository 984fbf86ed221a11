/** A built agent folder as the builders describe it: relative path → file text. */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

export function readAgentFolder(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (relative: string) => {
    for (const entry of readdirSync(path.join(dir, relative), { withFileTypes: true })) {
      const next = relative ? `${relative}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(next);
      else files.set(next, readFileSync(path.join(dir, next), 'utf8'));
    }
  };
  walk('');
  return files;
}

/** Paths and texts, sorted, so a failing comparison names the file that differs. */
export function sortedEntries(files: Map<string, string>): [string, string][] {
  return [...files.entries()].sort(([a], [b]) => a.localeCompare(b));
}

export function parseJson<T>(files: Map<string, string>, relative: string): T {
  const text = files.get(relative);
  if (text === undefined) throw new Error(`no ${relative} in the built agent`);
  return JSON.parse(text) as T;
}
