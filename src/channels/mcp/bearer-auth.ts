/**
 * The MCP channel as an OAuth 2.1 resource server (MCP authorization, RFC 9728, RFC 6750): a
 * bearer token is a JWT from the council's identity provider, checked against its published
 * keys, for our resource URL, unexpired, with the scopes the tool needs. Nothing else about the
 * caller is trusted.
 */
import { createRemoteJWKSet, errors, jwtVerify, type JWTVerifyGetKey } from 'jose';
import type { McpConfig } from './mcp-config';

/** Who a verified token says is calling. */
export interface Caller {
  subject: string;
  clientId: string;
  scopes: string[];
  expiresAt?: number;
  token: string;
}

export type TokenCheck =
  | { ok: true; caller: Caller }
  | { ok: false; error: 'invalid_token'; description: string };

export interface BearerAuth {
  /** The Protected Resource Metadata document (RFC 9728) served at /.well-known/oauth-protected-resource. */
  metadata(): Record<string, unknown>;
  /** The metadata's URL, named in every WWW-Authenticate challenge. */
  metadataUrl: string;
  personalScope: string;
  verify(token: string): Promise<TokenCheck>;
}

/** `/.well-known/oauth-protected-resource` plus the resource's path, as RFC 9728 places it. */
export function metadataUrlFor(resourceUrl: string): string {
  const url = new URL(resourceUrl);
  const path = url.pathname === '/' ? '' : url.pathname.replace(/\/$/, '');
  return `${url.origin}/.well-known/oauth-protected-resource${path}`;
}

/** The resource server, or undefined when no identity provider is configured. */
export function createBearerAuth(config: McpConfig, keys?: JWTVerifyGetKey): BearerAuth | undefined {
  const idp = config.identityProvider;
  const resource = config.resourceUrl;
  if (!idp || !resource) return undefined;
  // jose caches the key set and refetches it (rate-limited) when a token names an unknown key.
  const jwks = keys ?? createRemoteJWKSet(new URL(idp.jwksUrl), { timeoutDuration: 5000 });
  return {
    metadataUrl: metadataUrlFor(resource),
    personalScope: idp.personalScope,
    metadata: () => ({
      resource,
      authorization_servers: [idp.issuer],
      scopes_supported: [idp.personalScope],
      bearer_methods_supported: ['header'],
      resource_name: 'Council Voice',
    }),
    async verify(token) {
      try {
        const { payload } = await jwtVerify(token, jwks, { issuer: idp.issuer, audience: resource, requiredClaims: ['exp', 'sub'] });
        const scope = typeof payload.scope === 'string' ? payload.scope : '';
        const clientId = typeof payload.client_id === 'string' ? payload.client_id : typeof payload.azp === 'string' ? payload.azp : '';
        return { ok: true, caller: { subject: payload.sub ?? '', clientId, scopes: scope.split(' ').filter(Boolean), expiresAt: payload.exp, token } };
      } catch (error) {
        return { ok: false, error: 'invalid_token', description: describeRefusal(error) };
      }
    },
  };
}

/** Why a token was refused, in words safe to send back to the caller (no key material). */
function describeRefusal(error: unknown): string {
  if (error instanceof errors.JWTExpired) return 'The access token has expired.';
  if (error instanceof errors.JWTClaimValidationFailed) return `The access token's ${error.claim} claim is not accepted here.`;
  if (error instanceof errors.JWKSNoMatchingKey || error instanceof errors.JWSSignatureVerificationFailed) return 'The access token is not signed by the council\'s identity provider.';
  if (error instanceof errors.JWKSTimeout || error instanceof errors.JOSEError && error.code === 'ERR_JWKS_INVALID') return 'The council\'s identity provider could not be reached to check the token.';
  return 'The access token is not valid.';
}

/** The WWW-Authenticate header for a 401 or 403 (RFC 6750 §3, with the RFC 9728 metadata link). */
export function challenge(auth: BearerAuth | undefined, refusal?: { error: string; description: string; scope?: string }): string {
  const parts = ['Bearer realm="council-voice"'];
  if (auth) parts.push(`resource_metadata="${auth.metadataUrl}"`);
  if (refusal) {
    parts.push(`error="${refusal.error}"`, `error_description="${refusal.description.replace(/["\\]/g, '')}"`);
    if (refusal.scope) parts.push(`scope="${refusal.scope}"`);
  } else if (auth) {
    parts.push(`scope="${auth.personalScope}"`);
  }
  return parts.join(', ');
}
