/**
 * The AWS Lambda entry for the Dialogflow CX and ES webhooks behind an HTTP API (bundled as
 * .build/dialogflow): POST /dialogflow/cx and POST /dialogflow/es, each caller checked exactly as
 * on the local server. Only these two channels are built in this function.
 */
import { createHttpApiLambda } from '../../entry/lambda-channels';
import { dialogflowCxServing } from '../dialogflow-cx/serving';
import { dialogflowEsServing } from '../dialogflow-es/serving';

/** Answers one webhook call. */
export const handler = createHttpApiLambda([dialogflowCxServing, dialogflowEsServing]);
