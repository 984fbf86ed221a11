/**
 * The MCP channel: /mcp (Streamable HTTP) and its Protected Resource Metadata, for Gemini
 * (Google's Connected Apps) and every assistant that speaks MCP. Tools build core Turns and the
 * same skill answers them; see create-mcp-server.ts for the tools and mcp-endpoint.ts for who
 * may call.
 */
export { mcpChannel } from './channel';
export { mcpServing, createMcpEndpointFor } from './serving';
export { createMcpEndpoint, MCP_PATH, METADATA_PATH, type McpEndpoint, type McpHttpRequest } from './mcp-endpoint';
export { mcpConfigSchema, DEFAULT_MCP_CONFIG, type McpConfig } from './mcp-config';
