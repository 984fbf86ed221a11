/** What went into a bundle, from esbuild's metafile: sizes by package and forbidden inputs. */
import type { Metafile } from 'esbuild';
import { FORBIDDEN_INPUTS } from './functions';

export interface BundleContents {
  bytes: number;
  /** Output bytes per npm package (or per top-level source folder), largest first. */
  byPackage: [string, number][];
  /** Inputs that must not be there, each with the reason. */
  forbidden: string[];
}

function packageOf(input: string): string {
  const match = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(input);
  if (match?.[1]) return match[1];
  return input.split('/').slice(0, 2).join('/');
}

/** Reads the metafile output for `outfile` (path relative to the working directory, as esbuild writes it). */
export function inspectBundle(metafile: Metafile, outfile: string): BundleContents {
  const output = metafile.outputs[outfile];
  if (!output) throw new Error(`${outfile} is not in the metafile`);
  const sizes = new Map<string, number>();
  const forbidden: string[] = [];
  for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) {
    if (bytesInOutput === 0) continue;
    sizes.set(packageOf(input), (sizes.get(packageOf(input)) ?? 0) + bytesInOutput);
    const rule = FORBIDDEN_INPUTS.find(({ pattern }) => pattern.test(input));
    if (rule) forbidden.push(`${input}: ${rule.why}`);
  }
  return { bytes: output.bytes, byPackage: [...sizes].sort((a, b) => b[1] - a[1]), forbidden };
}
