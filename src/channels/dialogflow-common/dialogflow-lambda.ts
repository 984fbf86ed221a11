/** The one Lambda function both Dialogflow webhooks are served by (serverless.yml's `dialogflow`). */
import type { ChannelLambda } from '../channel';

// zod stays in index.js: the webhooks check every request body with it.
export const DIALOGFLOW_LAMBDA: ChannelLambda = { name: 'dialogflow', entry: 'src/channels/dialogflow-common/lambda.ts', lazyPackages: ['ical.js', 'fast-xml-parser'] };
