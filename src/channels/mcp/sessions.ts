/**
 * MCP sessions on a long-running server: one MCP server and transport per client session, so
 * a tool can ask the client a question (elicitation) mid-call. Bounded in number and idle time,
 * and bound to the resident who opened them: another token's holder cannot use the session id.
 */
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { WebStandardStreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js';
import type { Logger } from '../../core/logger';

export interface Session {
  server: McpServer;
  transport: WebStandardStreamableHTTPServerTransport;
  /** The token subject that opened it (or first used it with a token); undefined while anonymous. */
  owner: string | undefined;
  lastSeen: number;
}

export interface Sessions {
  add(id: string, session: Omit<Session, 'lastSeen'>): void;
  /** The session, when it exists and `owner` may use it. */
  find(id: string, owner: string | undefined): Session | undefined;
  remove(id: string): void;
  readonly size: number;
  closeAll(): Promise<void>;
}

export function createSessions(limits: { max: number; idleMinutes: number }, logger: Logger, now: () => number = Date.now): Sessions {
  const sessions = new Map<string, Session>();
  const idleMs = limits.idleMinutes * 60_000;

  function close(id: string): void {
    const session = sessions.get(id);
    sessions.delete(id);
    session?.server.close().catch((error: unknown) => logger.warn({ err: error }, 'MCP session did not close cleanly'));
  }

  function sweep(): void {
    const cutoff = now() - idleMs;
    for (const [id, session] of sessions) if (session.lastSeen < cutoff) close(id);
  }
  const timer = setInterval(sweep, Math.min(idleMs, 60_000));
  // The sweep must not keep the process (or a test) alive on its own.
  timer.unref();

  return {
    add(id, session) {
      sweep();
      // Full: the session idle longest makes room (Map keeps insertion order; find re-inserts on use).
      if (sessions.size >= limits.max) {
        const oldest = sessions.keys().next().value;
        if (oldest !== undefined) close(oldest);
      }
      sessions.set(id, { ...session, lastSeen: now() });
    },
    find(id, owner) {
      const session = sessions.get(id);
      if (!session || session.lastSeen < now() - idleMs) return undefined;
      if (session.owner !== undefined && session.owner !== owner) return undefined;
      session.owner ??= owner;
      session.lastSeen = now();
      sessions.delete(id);
      sessions.set(id, session);
      return session;
    },
    remove(id) {
      sessions.delete(id);
    },
    get size() {
      return sessions.size;
    },
    async closeAll() {
      clearInterval(timer);
      const all = [...sessions.values()];
      sessions.clear();
      await Promise.allSettled(all.map((s) => s.server.close()));
    },
  };
}
