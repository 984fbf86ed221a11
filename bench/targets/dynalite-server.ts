/**
 * Bench helper: dynalite (a DynamoDB-compatible server) in its own process, standing in for
 * DynamoDB the way a remote service would: its work is not on the measured process's CPU.
 */
import { createServer } from 'node:http';
import { listenOnLoopback } from './listen';

// dynalite ships no types; it returns an http.Server.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const dynalite = require('dynalite') as (options: Record<string, number>) => ReturnType<typeof createServer>;

listenOnLoopback(dynalite({ createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 }));
