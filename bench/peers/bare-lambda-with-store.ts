/**
 * The bare skill plus the one thing ours cannot skip on Lambda: reading the resident's profile
 * from DynamoDB, with the same SDK client and the same table. It sets the like-for-like floor
 * for an answer that needs the store.
 */
import { DynamoDBClient, GetItemCommand } from '@aws-sdk/client-dynamodb';
import { SkillBuilders } from 'ask-sdk-core';
import type { RequestEnvelope, ResponseEnvelope } from 'ask-sdk-model';
import { FIXED_SENTENCE } from './fixed-sentence-skill';

const client = new DynamoDBClient({ endpoint: process.env.DYNAMODB_ENDPOINT, region: process.env.AWS_REGION });
const table = process.env.PROFILES_TABLE;

const skill = SkillBuilders.custom()
  .addRequestHandlers({
    canHandle: () => true,
    async handle(input) {
      const userId = input.requestEnvelope.context.System.user.userId;
      await client.send(new GetItemCommand({ TableName: table, Key: { userId: { S: userId } } }));
      return input.responseBuilder.speak(FIXED_SENTENCE).reprompt('Is there anything else?').getResponse();
    },
  })
  .create();

export const handler = (event: RequestEnvelope): Promise<ResponseEnvelope> => skill.invoke(event);
