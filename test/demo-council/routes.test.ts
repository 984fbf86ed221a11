import request from 'supertest';
import { createDemoCouncilApp } from '../../src/demo-council/server';

const app = createDemoCouncilApp();
const search = '/search/places/v1/postcode';

describe('demo council address lookup (OS Places shape)', () => {
  it('refuses a request without a key with a JSON 401', async () => {
    const response = await request(app).get(search).query({ postcode: 'AB1 2CD' });
    expect(response.status).toBe(401);
    expect(response.body).toEqual({ error: { statuscode: 401, message: expect.any(String) } });
  });

  it('answers 400 for a malformed postcode and for a repeated one', async () => {
    expect((await request(app).get(search).query({ key: 'k', postcode: 'not a postcode' })).status).toBe(400);
    expect((await request(app).get(`${search}?key=k&postcode=AB1%202CD&postcode=AB1%203EF`)).status).toBe(400);
    expect((await request(app).get(search).query({ key: 'k' })).status).toBe(400);
  });

  it('accepts a postcode however it is spaced or cased', async () => {
    const response = await request(app).get(search).query({ key: 'k', postcode: 'ab13ef' });
    expect(response.body.header.totalresults).toBe(1);
    expect(response.body.results[0].DPA).toMatchObject({ UPRN: '100090000301', BUILDING_NAME: 'THE OLD MILL', POSTCODE: 'AB1 3EF' });
  });

  it('pages like OS Places with offset and maxresults', async () => {
    const response = await request(app).get(search).query({ key: 'k', postcode: 'AB1 2CD', offset: '4', maxresults: '10' });
    expect(response.body.header).toMatchObject({ totalresults: 6, offset: 4, maxresults: 10 });
    expect(response.body.results).toHaveLength(2);
  });
});

describe('demo council collection feeds', () => {
  it('serves each property its iCalendar feed', async () => {
    const response = await request(app).get('/waste/100090000002/calendar.ics');
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('text/calendar; charset=utf-8');
    expect(response.text).toMatch(/^BEGIN:VCALENDAR\r\n[\s\S]*END:VCALENDAR\r\n$/);
    expect(response.text).toContain('RRULE:FREQ=WEEKLY;INTERVAL=2;BYDAY=TU');
    expect(response.text).toContain('EXDATE;VALUE=DATE:20261229');
  });

  it('answers 404 for an unknown property or path', async () => {
    expect((await request(app).get('/waste/123/calendar.ics')).status).toBe(404);
    expect((await request(app).get('/nowhere')).status).toBe(404);
  });
});
