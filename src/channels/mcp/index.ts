/**
 * The MCP channel: /mcp (Streamable HTTP) and its Protected Resource Metadata, for Gemini
 * (Google's Connected Apps) and every assistant that speaks MCP. Tools build core Turns and the
 * same skill answers them; see create-mcp-server.ts for the tools and mcp-endpoint.ts for who
 * may call.
 */
import type { JWTVerifyGetKey } from 'jose';
import type { CouncilConfig } from '../../config/council-config';
import { localDate } from '../../core/dates';
import type { Logger } from '../../core/logger';
import type { Skill, SkillServices } from '../../core/skill';
import type { LanguageModel } from '../../language-model/language-model';
import { withTurnLogging } from '../../logging';
import { createMcpEndpoint, type McpEndpoint } from './mcp-endpoint';
import { DEFAULT_MCP_CONFIG } from './mcp-config';
import type { ToolDeps } from './tool-call';

export { createMcpEndpoint, MCP_PATH, METADATA_PATH, MAX_MCP_BODY_BYTES, type McpEndpoint, type McpHttpRequest } from './mcp-endpoint';
export { serveMcp } from './node-route';
export { mcpConfigSchema, type McpConfig } from './mcp-config';

export interface McpChannelParts {
  config: CouncilConfig;
  skill: Skill;
  services: SkillServices;
  logger: Logger;
  /** The language model: report_problem's issue types come from its ISSUE_TYPE slot type. */
  model: LanguageModel;
}

/** The tools' dependencies from a composition; the skill is wrapped to log each turn as `mcp`. */
export function toolDepsFrom(parts: McpChannelParts): ToolDeps {
  const { services } = parts;
  return {
    skill: withTurnLogging(parts.skill, parts.logger, 'mcp'),
    info: services.info,
    translators: services.translators,
    issueTypes: (parts.model.types.ISSUE_TYPE?.values ?? []).map(({ id, name }) => ({ id, name })),
    today: () => localDate(services.clock.now(), services.info.timeZone),
  };
}

/** The channel's endpoint over a composition: sessions on a long-running server, none on Lambda. */
export function createMcpChannel(parts: McpChannelParts, options: { stateful: boolean; keys?: JWTVerifyGetKey }): McpEndpoint {
  return createMcpEndpoint({
    deps: toolDepsFrom(parts),
    config: parts.config.mcp ?? DEFAULT_MCP_CONFIG,
    logger: parts.logger,
    stateful: options.stateful,
    keys: options.keys,
  });
}
