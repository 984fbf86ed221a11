/**
 * Serving MCP: /mcp and the Protected Resource Metadata on the long-running server (with
 * sessions, so tools can elicit); the Lambda entry builds the same endpoint without them.
 */
import type { JWTVerifyGetKey } from 'jose';
import type { ChannelContext, ChannelServing, NodeRoute } from '../channel';
import { localDate } from '../../core/dates';
import { metadataUrlFor } from './bearer-auth';
import { DEFAULT_MCP_CONFIG } from './mcp-config';
import { createMcpEndpoint, MCP_PATH, METADATA_PATH, type McpEndpoint } from './mcp-endpoint';
import { serveMcp } from './node-route';
import type { ToolDeps } from './tool-call';

/** The tools' dependencies from a channel context: report_problem's issue types come from the language model. */
export function toolDepsFrom(context: ChannelContext): ToolDeps {
  const { info, translators, clock } = context.services;
  return {
    skill: context.skill,
    info,
    translators,
    issueTypes: (context.model().types.ISSUE_TYPE?.values ?? []).map(({ id, name }) => ({ id, name })),
    today: () => localDate(clock.now(), info.timeZone),
  };
}

/** The endpoint over a channel context: sessions on a long-running server, none on Lambda. */
export function createMcpEndpointFor(context: ChannelContext, options: { stateful: boolean; keys?: JWTVerifyGetKey }): McpEndpoint {
  return createMcpEndpoint({
    deps: toolDepsFrom(context),
    config: context.config.mcp ?? DEFAULT_MCP_CONFIG,
    logger: context.logger,
    stateful: options.stateful,
    keys: options.keys,
  });
}

export const mcpServing: ChannelServing = {
  name: 'mcp',
  createRoutes(context) {
    const endpoint = createMcpEndpointFor(context, { stateful: true });
    const handle: NodeRoute['handle'] = (req, res, body) => serveMcp(endpoint, req, res, body);
    const paths = new Set([METADATA_PATH]);
    const resource = (context.config.mcp ?? DEFAULT_MCP_CONFIG).resourceUrl;
    // RFC 9728: the metadata also lives at the well-known path followed by the resource's own path.
    if (resource) paths.add(new URL(metadataUrlFor(resource)).pathname.toLowerCase());
    return [
      // PUT and PATCH too, so they hear 405 with the methods MCP uses rather than a bare 404.
      { kind: 'node', path: MCP_PATH, methods: ['POST', 'GET', 'DELETE', 'PUT', 'PATCH'], handle },
      ...[...paths].map((path): NodeRoute => ({ kind: 'node', path, methods: ['GET'], handle })),
    ];
  },
};
