/** The one Lambda function both Dialogflow webhooks are served by (serverless.yml's `dialogflow`). */
import type { ChannelLambda } from '../channel';

export const DIALOGFLOW_LAMBDA: ChannelLambda = { name: 'dialogflow', entry: 'src/channels/dialogflow-common/lambda.ts' };
