/**
 * The read-only tools: addresses at a postcode, bin collections, council tax charges, a
 * report's status, and the council's contacts. Each builds a Turn for an intent the voice
 * channels also reach, so the answers (and the apologies) are the same words.
 */
import { HELP } from '../../core/intents';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import type { PropertyFact, ReplyFacts } from '../../core/facts';
import { GET_BIN_COLLECTION } from '../../core/handlers/bin-collection';
import { COUNCIL_TAX_CHARGE } from '../../core/handlers/council-tax';
import { CHECK_REPORT_STATUS } from '../../core/handlers/report-status';
import { SET_ADDRESS } from '../../core/address/address-dialog';
import type { Reply } from '../../core/reply';
import { formatMoney } from '../../core/speech';
import type { SlotValue } from '../../core/turn';
import { contacts, pounds, replyText, toolError, toolResult, translatorFor, turnFor, type CallContext, type ToolDeps } from './tool-call';

/** The core's help intent (src/core/intents.ts). */
export const HELP_INTENT = HELP;

type FactsOf<K extends ReplyFacts['kind']> = Extract<ReplyFacts, { kind: K }>;

function factsOf<K extends ReplyFacts['kind']>(reply: Reply, kind: K): FactsOf<K> | undefined {
  return reply.facts?.kind === kind ? (reply.facts as FactsOf<K>) : undefined;
}

function asProperty(p: PropertyFact): { uprn: string; address: string; postcode?: string } {
  return { uprn: p.uprn, address: p.label, ...(p.postcode ? { postcode: p.postcode } : {}) };
}

export async function findAddress(deps: ToolDeps, call: CallContext, args: { postcode: string }): Promise<CallToolResult> {
  const t = translatorFor(deps);
  const reply = await deps.skill.handle(turnFor(call, SET_ADDRESS, { postcode: { value: args.postcode } }));
  if (reply.failed) return toolError(replyText(reply, t));
  const found = factsOf(reply, 'addresses');
  if (!found) return toolError(t.text('mcp:badPostcode', { postcode: args.postcode }));
  const text = found.addresses.length === 0
    ? t.text('mcp:addressesNone', { postcode: found.postcode, phone: deps.info.phone })
    : [t.text('mcp:addressesFound', { count: found.addresses.length, postcode: found.postcode }), ...found.addresses.map((a) => `${a.label} (UPRN ${a.uprn})`)].join('\n');
  return toolResult(text, { postcode: found.postcode, addresses: found.addresses.map(asProperty) });
}

/** The one property a postcode and house name, or the tool result that says why not. */
async function propertyAt(deps: ToolDeps, call: CallContext, postcode: string, house: string): Promise<PropertyFact | CallToolResult> {
  const t = translatorFor(deps);
  const reply = await deps.skill.handle(turnFor(call, SET_ADDRESS, { postcode: { value: postcode }, houseNumber: { value: house } }));
  if (reply.failed) return toolError(replyText(reply, t));
  const found = factsOf(reply, 'addresses');
  if (!found) return toolError(t.text('mcp:badPostcode', { postcode }));
  const [only, ...others] = found.addresses;
  if (only && others.length === 0) return only;
  if (!only) return toolError(t.text('mcp:noMatch', { postcode: found.postcode, house }));
  const examples = found.addresses.map((a) => `${a.label} (UPRN ${a.uprn})`).join('; ');
  return toolResult(t.text('mcp:chooseAddress', { postcode: found.postcode, house, examples }), { collections: [], candidates: found.addresses.map(asProperty) });
}

export async function getBinCollections(deps: ToolDeps, call: CallContext, args: { uprn?: string; postcode?: string; house?: string }): Promise<CallToolResult> {
  const t = translatorFor(deps);
  // With a uprn, a postcode given too says which council answers, in a service of several.
  let property: PropertyFact | undefined = args.uprn ? { uprn: args.uprn, label: '', ...(args.postcode ? { postcode: args.postcode } : {}) } : undefined;
  if (!property && args.postcode && args.house) {
    const found = await propertyAt(deps, call, args.postcode, args.house);
    if ('content' in found) return found;
    property = found;
  }
  if (!property) return toolError(t.text('mcp:needProperty'));
  const { uprn, label, postcode, custodianCode } = property;
  const reply = await deps.skill.handle(turnFor(call, GET_BIN_COLLECTION, {}, { property: { uprn, label: label || undefined, postcode, custodianCode } }));
  if (reply.failed) return toolError(replyText(reply, t));
  const facts = factsOf(reply, 'collections');
  if (!facts) return toolError(replyText(reply, t));
  return toolResult(replyText(reply, t), {
    property: asProperty(facts.property),
    collections: facts.collections.map((c) => ({
      date: c.date, bins: c.bins, ...(c.usualDate ? { usual_date: c.usualDate } : {}), ...(c.cancelled ? { cancelled: true } : {}),
    })),
  });
}

export async function getCouncilTaxCharges(deps: ToolDeps, call: CallContext, args: { band?: string }): Promise<CallToolResult> {
  const t = translatorFor(deps);
  const slots: Record<string, SlotValue> = args.band ? { band: { value: args.band, id: args.band } } : {};
  const reply = await deps.skill.handle(turnFor(call, COUNCIL_TAX_CHARGE, slots));
  const facts = factsOf(reply, 'council-tax-charges');
  if (reply.failed || !facts) return toolError(replyText(reply, t));
  const text = args.band
    ? replyText(reply, t).replace(/\s*[^.?!]*\?$/, '')
    : facts.charges.map((c) => `Band ${c.band}: ${formatMoney(c.annualPence)} a year (${facts.year})`).join('\n');
  return toolResult(text, {
    year: facts.year,
    instalments: facts.instalments,
    charges: facts.charges.map((c) => ({ band: c.band, annual: pounds(c.annualPence), per_instalment: pounds(c.instalmentPence) })),
  });
}

export async function getReportStatus(deps: ToolDeps, call: CallContext, args: { reference: string }): Promise<CallToolResult> {
  const t = translatorFor(deps);
  const reply = await deps.skill.handle(turnFor(call, CHECK_REPORT_STATUS, { reference: { value: args.reference } }));
  if (reply.failed) return toolError(replyText(reply, t));
  const status = factsOf(reply, 'report-status');
  if (status) {
    return toolResult(replyText(reply, t), {
      reference: status.reference, found: true, status: status.status, notes: status.notes, service: status.service,
      expected_date: status.expectedDate, updated_date: status.updatedDate,
    });
  }
  const missing = factsOf(reply, 'report-not-found');
  if (missing) return toolResult(replyText(reply, t).replace(/\s*[^.?!]*\?$/, ''), { reference: missing.reference, found: false });
  return toolError(replyText(reply, t));
}

export async function getCouncilContact(deps: ToolDeps, call: CallContext): Promise<CallToolResult> {
  const t = translatorFor(deps);
  const reply = await deps.skill.handle(turnFor(call, HELP_INTENT, {}));
  const council = factsOf(reply, 'council');
  if (!council) return toolError(t.text('mcp:contact', contacts(deps.info)));
  // What residents can do through this channel: the balance only where they can sign in here.
  const offered = council.services.filter((s) => s !== 'council-tax-balance' || deps.personalTools === true);
  const services = offered.map((s) => t.text(`mcp:services.${s}`));
  const text = `${t.text('mcp:contact', contacts(deps.info))} ${t.text('mcp:canDo', { services: services.join('; ') })}`;
  return toolResult(text, { council: council.name, phone: council.phone, website: council.website, services: offered });
}
