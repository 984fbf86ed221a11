import type { ResponseEnvelope } from 'ask-sdk-model';
import { freshHandler as freshLambda, useLambdaEnvironment } from '../../support/lambda-bench';
import { loadEnvelope } from './fixtures';

type Handler = (event: unknown) => Promise<ResponseEnvelope>;
const ssmlOf = (out: ResponseEnvelope) => (out.response.outputSpeech?.type === 'SSML' ? out.response.outputSpeech.ssml : '');
const freshHandler = () => freshLambda<Handler>(() => import('../../../src/channels/alexa/lambda'));

describe('the Alexa Lambda entry', () => {
  useLambdaEnvironment();

  test('answers an Alexa LaunchRequest event, and keeps answering on a warm container', async () => {
    const handler = await freshHandler();
    const first = await handler(loadEnvelope('launch'));
    expect(ssmlOf(first)).toMatch(/Demo Borough Council/);
    const second = await handler(loadEnvelope('amazon-help'));
    expect(ssmlOf(second)).toMatch(/bin day/);
  });

  test('an event that is not an Alexa request fails the invocation rather than answering', async () => {
    const handler = await freshHandler();
    await expect(handler({ hello: 'world' })).rejects.toThrow(/not an Alexa request/);
  });
});
