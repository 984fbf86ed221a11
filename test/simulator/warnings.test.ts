/** The warnings a council officer sees beside a reply, before residents ever hear it. */
import { findWarnings } from '../../src/simulator/warnings';
import { estimateSpeechSeconds, ssmlToText } from '../../src/simulator/ssml-text';

const fine = { text: 'Your bin day is Tuesday. Anything else?', ssml: '<speak>Your bin day is Tuesday. Anything else?</speak>', reprompt: 'Anything else?', endSession: false, card: null };

function codes(...args: Parameters<typeof findWarnings>): string[] {
  return findWarnings(...args).map((w) => w.code);
}

describe('warnings', () => {
  it('stay quiet for a good reply', () => {
    expect(findWarnings(fine, [{ method: 'GET', url: 'http://council/x', status: 200, ms: 120 }], 150, true)).toEqual([]);
  });

  it('flag speech longer than Alexa will say', () => {
    const words = Array.from({ length: 260 }, () => 'collection').join(' ');
    expect(codes({ ...fine, ssml: `<speak>${words}</speak>`, text: words }, [], 10, true)).toEqual(['speech-too-long']);
    const long = 'x'.repeat(8001);
    expect(codes({ ...fine, ssml: `<speak><break time="1ms"/>${long}</speak>` }, [], 10, true)).toContain('speech-too-many-characters');
  });

  it('flag a question asked as the session ends, and an open session with no reprompt', () => {
    expect(codes({ ...fine, endSession: true, reprompt: null }, [], 10, true)).toEqual(['question-then-end']);
    expect(codes({ ...fine, reprompt: null }, [], 10, true)).toEqual(['no-reprompt']);
    // Dialogflow ES has no reprompt to give.
    expect(codes({ ...fine, reprompt: null }, [], 10, false)).toEqual([]);
  });

  it('name the slow council call', () => {
    const warnings = findWarnings(fine, [{ method: 'GET', url: 'http://council/waste/1/calendar.ics', status: 200, ms: 2400 }], 2500, true);
    expect(warnings).toEqual([{ code: 'slow-back-end', message: expect.stringContaining('GET http://council/waste/1/calendar.ics took 2400 ms') }]);
    expect(codes(fine, [], 3500, true)).toEqual(['slow-back-end']);
  });
});

describe('SSML read back', () => {
  it('shows money as written and counts the pause', () => {
    const ssml = '<speak>Band D is <sub alias="one thousand nine hundred and eighty pounds and twelve pence">£1,980.12</sub>.<break time="2s"/> Ref <say-as interpret-as="characters">AB12</say-as> &amp; more</speak>';
    expect(ssmlToText(ssml)).toBe('Band D is £1,980.12. Ref AB12 & more');
    // 3 + 10 + 1 + 4 + 2 words at 2.5 a second, plus the 2-second break.
    expect(estimateSpeechSeconds(ssml)).toBeCloseTo(20 / 2.5 + 2, 1);
  });
});
