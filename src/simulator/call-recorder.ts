/**
 * Which council API calls belong to which simulated turn. The composition reports every call;
 * AsyncLocalStorage follows each turn through its awaits, so two staff members' turns at once
 * never see each other's calls.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { HttpCall } from '../connectors/http';

export type WatchCalls = (listener: (call: HttpCall) => void) => () => void;

export interface CallRecorder {
  /** Runs `work`, collecting the calls made on its behalf. */
  record<T>(work: () => Promise<T>): Promise<{ result: T; calls: HttpCall[] }>;
  close(): void;
}

export function createCallRecorder(watchCalls: WatchCalls | undefined): CallRecorder {
  const storage = new AsyncLocalStorage<HttpCall[]>();
  const unsubscribe = watchCalls?.((call) => {
    storage.getStore()?.push({ ...call, ms: Math.round(call.ms) });
  });
  return {
    async record(work) {
      const calls: HttpCall[] = [];
      const result = await storage.run(calls, work);
      return { result, calls };
    },
    close: () => unsubscribe?.(),
  };
}
