/**
 * The Channel contract: what one platform (Alexa, Dialogflow CX, an MCP server, ...) plugs into
 * the service. Each channel is one folder under src/channels/ and one line in src/channels/index.ts;
 * the HTTP server, the Lambda entries, the simulator and the model builder iterate that list and
 * never name a platform.
 *
 * A channel comes in two parts so that a Lambda bundle carries only what serving needs:
 * {@link ChannelServing} (routes and the Lambda event handler) and {@link Channel}, which adds what
 * local tools need (the simulator's request builder, the console files built from the language model).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Router } from 'express';
import type { CouncilConfig } from '../config/council-config';
import type { Resource } from 'i18next';
import type { HttpCall } from '../connectors/http';
import type { Logger } from '../core/logger';
import type { Skill, SkillServices } from '../core/skill';
import type { LanguageModel } from '../language-model/language-model';
import type { PlatformBridge } from '../simulator/platform-bridge';
import type { SessionStore } from '../simulator/sessions';
import type { VoiceEndpoint } from './shared/voice-endpoint';

/** What a channel is built from: one per channel, made by createChannelContext from the composition. */
export interface ChannelContext {
  /** The skill, wrapped to log one redacted line per turn under this channel's name. */
  skill: Skill;
  config: CouncilConfig;
  logger: Logger;
  /** Told of every call the channel makes to its platform's own APIs (the simulator's calls panel). */
  onCall: (call: HttpCall) => void;
  /** The language model (en-GB), read the first time a channel asks for it. */
  model(): LanguageModel;
  /** Accept callers whose identity was not checked (SKIP_REQUEST_VERIFICATION=1): local testing only. */
  skipRequestVerification: boolean;
  /** The council's name and contacts, the locale's words and the clock, for channels that write sentences of their own (MCP). */
  services: Pick<SkillServices, 'info' | 'translators' | 'clock'>;
}

/**
 * A JSON webhook the platform POSTs to: the node:http front reads the body (with the shared size
 * limit) and the Lambda HTTP API entry hands over the whole body; the endpoint checks the caller,
 * translates in, runs the skill and translates out.
 */
export interface VoiceRoute {
  kind: 'voice';
  /** Lower case, no trailing slash: `/alexa`. */
  path: string;
  endpoint: VoiceEndpoint;
}

/**
 * A route that needs the raw node:http request and response (a streaming protocol such as MCP's
 * Streamable HTTP). For POST, PUT and PATCH the front reads the body first (413 over the shared limit)
 * and passes it parsed when it is JSON (`undefined` when empty; a body that is not JSON is a 400).
 */
export interface NodeRoute {
  kind: 'node';
  path: string;
  /** The methods it answers, upper case; any other method falls through to the rest of the app. */
  methods: readonly string[];
  handle(req: IncomingMessage, res: ServerResponse, body: unknown): Promise<void>;
}

export type ChannelRoute = VoiceRoute | NodeRoute;

/** What serving a channel needs: everything a Lambda bundle may carry. */
export interface ChannelServing {
  /** Kebab-case, unique: `alexa`, `dialogflow-cx`. Names its log lines and its simulator APIs. */
  name: string;
  /** Its HTTP routes, built once per app from the composition. */
  createRoutes?(context: ChannelContext): ChannelRoute[];
  /**
   * Answers an event its platform sends straight to a Lambda function (Alexa's skill trigger),
   * where there is no HTTP request to check.
   */
  createEventHandler?(context: ChannelContext): (event: unknown) => Promise<unknown>;
}

/** The Lambda function a channel is served by in serverless.yml; channels may share one. */
export interface ChannelLambda {
  /** `.build/<name>/index.js`; serverless.yml's handler is `.build/<name>/index.handler`. */
  name: string;
  /** The entry file (exports `handler`), relative to the repository root. */
  entry: string;
  /** The largest the bundle may be before the build fails, in bytes (index.js alone: what every cold start reads). */
  maxBytes?: number;
  /**
   * Packages only code loaded on first use needs (the connectors' response schemas, the
   * iCalendar and XML readers): each goes into its own file beside index.js, read the first time
   * that code runs, so a cold start that never calls a connector does not compile them. Name only
   * packages the function's startup does not import (scripts/bundle/lazy-packages.ts knows them).
   */
  lazyPackages?: readonly LazyPackageName[];
}

/** The packages a function may load on first use (see ChannelLambda.lazyPackages). */
export type LazyPackageName = 'zod' | 'ical.js' | 'fast-xml-parser';

/** How the staff simulator drives a channel. */
export interface ChannelSimulator {
  /** The label staff see on the page. */
  label: string;
  /**
   * Builds the platform's requests for simulated turns and runs them through this channel's own
   * handler. A channel without one (MCP: tools, not words) is not offered for typed turns.
   */
  createBridge?(context: ChannelContext): PlatformBridge;
  /** The platform's own APIs the simulated device answers (Alexa's device address), at /simulator/<name>-api. */
  createApiRoutes?(sessions: SessionStore): Router;
}

/** What a channel's console files are built from (`npm run models`). */
export interface ModelInput {
  model: LanguageModel;
  config: CouncilConfig;
  /** Locale resources (locales/<lang>/*.json), for prompts the platform speaks itself. */
  resources: Resource;
}

/** One folder of console files a channel builds from the language model. */
export interface ModelBuild {
  /** Where it writes (absolute): its folder, or its one file. */
  dir: string;
  /** Writes the files; returns warnings worth showing (never fatal). */
  write(input: ModelInput): string[];
}

/** One platform, everything it needs; see the file comment. */
export interface Channel extends ChannelServing {
  lambda?: ChannelLambda;
  simulator?: ChannelSimulator;
  models?: readonly ModelBuild[];
}
