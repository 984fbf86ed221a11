/**
 * One MCP server (one per session on a long-running server, one per request on Lambda) with
 * the tools whose names are the contract: find_address, get_bin_collections,
 * get_council_tax_charges, report_problem, get_report_status, get_council_contact, and, with an
 * identity provider, get_council_tax_balance.
 */
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import type { AuthInfo } from '@modelcontextprotocol/sdk/server/auth/types.js';
import type { Logger } from '../../core/logger';
import type { Caller } from './bearer-auth';
import { getCouncilTaxBalance } from './personal-tools';
import { findAddress, getBinCollections, getCouncilContact, getCouncilTaxCharges, getReportStatus } from './read-tools';
import { reportProblem } from './report-tool';
import { toolError, translatorFor, contacts, type CallContext, type ElicitSchema, type ToolDeps } from './tool-call';
import * as schemas from './tool-schemas';

export const SERVER_NAME = 'council-voice';
export const SERVER_VERSION = '0.1.0';

/** Tools that need a verified resident; the HTTP layer refuses them without a token. */
export const PERSONAL_TOOLS = new Set(['get_council_tax_balance']);

export interface McpServerOptions {
  deps: ToolDeps;
  logger: Logger;
  /** The connection keeps a session, so the server can ask the client questions mid-call. */
  canElicit: boolean;
}

/** The verified caller the HTTP layer attached to this request, if any. */
export function callerOf(authInfo: AuthInfo | undefined): Caller | undefined {
  const caller = authInfo?.extra?.caller;
  return caller && typeof caller === 'object' ? (caller as Caller) : undefined;
}

export function createMcpServer(options: McpServerOptions): McpServer {
  const { deps, logger } = options;
  const server = new McpServer(
    { name: SERVER_NAME, version: SERVER_VERSION, title: deps.info.name },
    { instructions: `Answers residents of ${deps.info.name} from the council's own systems: bin days, council tax, reporting problems. Read each answer to the resident in your own words; never send a report without their yes.` },
  );

  function contextFor(authInfo: AuthInfo | undefined): CallContext {
    const canElicit = options.canElicit && server.server.getClientCapabilities()?.elicitation !== undefined;
    return {
      caller: callerOf(authInfo),
      elicit: canElicit
        ? async (message: string, schema: ElicitSchema) => {
            const answer = await server.server.elicitInput({ mode: 'form', message, requestedSchema: schema });
            return { action: answer.action, content: answer.content as Record<string, unknown> | undefined };
          }
        : undefined,
    };
  }

  /** One catch per tool: whatever escapes the core's own boundary is still a result, never a protocol error. */
  function guarded<A>(name: string, run: (call: CallContext, args: A) => Promise<CallToolResult>) {
    return async (args: A, extra: { authInfo?: AuthInfo }): Promise<CallToolResult> => {
      try {
        return await run(contextFor(extra.authInfo), args);
      } catch (error) {
        logger.error({ err: error, tool: name }, 'MCP tool failed');
        return toolError(translatorFor(deps).text('errors:skill', contacts(deps.info)));
      }
    };
  }

  /** The same, for tools that take no arguments (the SDK then passes only `extra`). */
  function guardedNoArgs(name: string, run: (call: CallContext) => Promise<CallToolResult>) {
    const inner = guarded(name, (call) => run(call));
    return (extra: { authInfo?: AuthInfo }) => inner(undefined, extra);
  }

  const readOnly = { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: false };
  server.registerTool('find_address', {
    title: 'Find addresses at a postcode',
    description: 'Every address at a UK postcode in this council\'s area, with its UPRN. Use the UPRN with get_bin_collections or report_problem.',
    inputSchema: schemas.findAddressInput, outputSchema: schemas.findAddressOutput, annotations: readOnly,
  }, guarded('find_address', (call, args: { postcode: string }) => findAddress(deps, call, args)));
  server.registerTool('get_bin_collections', {
    title: 'Bin collection days',
    description: 'The next bin collections at a property: give uprn, or postcode and house. Dates are ISO; usual_date is set when a collection has moved.',
    inputSchema: schemas.binCollectionsInput, outputSchema: schemas.binCollectionsOutput, annotations: readOnly,
  }, guarded('get_bin_collections', (call, args: { uprn?: string; postcode?: string; house?: string }) => getBinCollections(deps, call, args)));
  server.registerTool('get_council_tax_charges', {
    title: 'Council tax charges',
    description: 'This year\'s council tax charge for one band, or for every band.',
    inputSchema: schemas.chargesInput, outputSchema: schemas.chargesOutput, annotations: readOnly,
  }, guarded('get_council_tax_charges', (call, args: { band?: string }) => getCouncilTaxCharges(deps, call, args)));
  server.registerTool('get_report_status', {
    title: 'Status of a report',
    description: 'What the council says about a report: open or closed, notes, the expected date.',
    inputSchema: schemas.reportStatusInput, outputSchema: schemas.reportStatusOutput, annotations: { ...readOnly, openWorldHint: true },
  }, guarded('get_report_status', (call, args: { reference: string }) => getReportStatus(deps, call, args)));
  server.registerTool('get_council_contact', {
    title: 'Council contact details',
    description: 'The council\'s phone number and website, and what this service can do.',
    outputSchema: schemas.contactOutput, annotations: readOnly,
  }, guardedNoArgs('get_council_contact', (call) => getCouncilContact(deps, call)));

  const issueTypes = deps.issueTypes.map((i) => i.id);
  const [first, ...rest] = issueTypes;
  if (first) {
    server.registerTool('report_problem', {
      title: 'Report a problem to the council',
      description: 'Reports a problem (pothole, fly-tipping, ...) to the council. Nothing is sent without the resident\'s yes: the server asks them itself where the client supports elicitation; otherwise the first call returns the read-back, and after the resident says yes, call again with the same details and confirm: true. If status is needs-answer, ask the resident the question and call again with answers.',
      inputSchema: schemas.reportInput([first, ...rest]), outputSchema: schemas.reportOutput,
      annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: true, openWorldHint: true },
    }, guarded('report_problem', (call, args: Parameters<typeof reportProblem>[2]) => reportProblem(deps, call, args)));
  }
  if (deps.personalTools) {
    server.registerTool('get_council_tax_balance', {
      title: 'Your council tax balance',
      description: 'The signed-in resident\'s own council tax balance and next instalment. Needs the resident to sign in with the council.',
      outputSchema: schemas.balanceOutput,
      annotations: { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: false },
    }, guardedNoArgs('get_council_tax_balance', (call) => getCouncilTaxBalance(deps, call)));
  }
  return server;
}
