import express from 'express';
import request from 'supertest';
import { createCxHandler } from '../../../src/adapters/google/dialogflow-cx/cx-handler';
import { createEsHandler } from '../../../src/adapters/google/dialogflow-es/es-handler';
import { createDialogflowRoute, type CallerCheck } from '../../../src/adapters/google/routes';
import { createTestSkill } from '../../support/test-skill';
import { cxFixture, esFixture } from './google-fixtures';

function createApp(verifyCaller?: CallerCheck) {
  const { skill } = createTestSkill();
  const app = express();
  app.use('/dialogflow/cx', createDialogflowRoute(createCxHandler(skill), { verifyCaller }));
  app.use('/dialogflow/es', createDialogflowRoute(createEsHandler(skill), { verifyCaller }));
  return app;
}

describe('POST /dialogflow/cx and /dialogflow/es', () => {
  const app = createApp();

  it('answers a CX webhook call with JSON', async () => {
    const res = await request(app).post('/dialogflow/cx').send(cxFixture('welcome')).expect(200);
    expect(res.type).toBe('application/json');
    expect(res.body.fulfillmentResponse.messages[1].text.text[0]).toMatch(/^Welcome to Demo Borough Council\./);
  });

  it('answers an ES fulfillment call with JSON', async () => {
    const res = await request(app).post('/dialogflow/es').send(esFixture('welcome')).expect(200);
    expect(res.body.fulfillmentText).toMatch(/^Welcome to Demo Borough Council\./);
  });

  it.each(['/dialogflow/cx', '/dialogflow/es'])('%s answers broken JSON with 400 and keeps serving', async (path) => {
    await request(app).post(path).set('Content-Type', 'application/json').send('{"sessionInfo": {').expect(400, { error: 'the body is not valid JSON' });
    await request(app).post(path).set('Content-Type', 'text/plain').send('hello').expect(400);
    await request(app).post(path).send({ unrelated: true }).expect(400);
    await request(app).post('/dialogflow/cx').send(cxFixture('welcome')).expect(200);
  });

  it('refuses an oversized body without reading it all', async () => {
    const huge = { ...cxFixture('welcome'), text: 'x'.repeat(300_000) };
    await request(app).post('/dialogflow/cx').send(huge).expect(413);
  });

  it('lets the caller check refuse a call before the skill hears it', async () => {
    const guarded = createApp((req) => (req.get('x-dialogflow-secret') === 'right' ? undefined : 401));
    await request(guarded).post('/dialogflow/es').send(esFixture('welcome')).expect(401, { error: 'caller not verified' });
    await request(guarded).post('/dialogflow/es').set('x-dialogflow-secret', 'right').send(esFixture('welcome')).expect(200);
  });
});
