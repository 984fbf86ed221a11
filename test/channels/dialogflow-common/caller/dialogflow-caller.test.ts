/** The shared-secret checks for Dialogflow CX and ES, and how configured checks combine. */
import { checkDialogflowCaller, constantTimeEqual, DialogflowCallerError, type DialogflowCallerOptions } from '../../../../src/channels/dialogflow-common/caller';

const SECRET = { name: 'X-Council-Voice-Secret', value: 'correct horse battery staple' };
const BASIC = { username: 'dialogflow', password: 'a long random password 1234' };
const basic = (user: string, pass: string): string => `Basic ${Buffer.from(`${user}:${pass}`).toString('base64')}`;

async function reasonFor(headers: Record<string, string | string[] | undefined>, options: DialogflowCallerOptions): Promise<string> {
  try {
    await checkDialogflowCaller(headers, options);
    return 'passed';
  } catch (error) {
    if (error instanceof DialogflowCallerError) return error.reason;
    throw error;
  }
}

describe('CX secret header', () => {
  const cx: DialogflowCallerOptions = { platform: 'cx', secretHeader: SECRET };

  it.each([
    ['the right value', { 'x-council-voice-secret': SECRET.value }, 'passed'],
    ['a wrong value', { 'x-council-voice-secret': 'correct horse battery stapler' }, 'secret-header'],
    ['a prefix of the value', { 'x-council-voice-secret': SECRET.value.slice(0, -1) }, 'secret-header'],
    ['an empty value', { 'x-council-voice-secret': '' }, 'secret-header'],
    ['no header', {}, 'missing-credentials'],
    ['the header twice', { 'x-council-voice-secret': [SECRET.value, SECRET.value] }, 'missing-credentials'],
  ])('%s: %s', async (_what, headers, outcome) => {
    expect(await reasonFor(headers, cx)).toBe(outcome);
  });
});

describe('ES', () => {
  const es: DialogflowCallerOptions = { platform: 'es', basicAuth: BASIC };

  it.each([
    ['the right credentials', basic(BASIC.username, BASIC.password), 'passed'],
    ['a wrong password', basic(BASIC.username, 'wrong'), 'basic-auth'],
    ['a wrong username', basic('someone', BASIC.password), 'basic-auth'],
    ['no colon at all', `Basic ${Buffer.from(`${BASIC.username}${BASIC.password}`).toString('base64')}`, 'basic-auth'],
    ['a Bearer token instead', 'Bearer abc', 'missing-credentials'],
    ['no Authorization header', undefined, 'missing-credentials'],
  ])('basic auth with %s', async (_what, authorization, outcome) => {
    expect(await reasonFor(authorization === undefined ? {} : { authorization }, es)).toBe(outcome);
  });

  it('splits basic auth at the first colon, so a password may contain colons', async () => {
    const withColon = { ...BASIC, password: 'pass:word:with:colons!!' };
    expect(await reasonFor({ authorization: basic(withColon.username, withColon.password) }, { platform: 'es', basicAuth: withColon })).toBe('passed');
  });

  it('checks a configured header', async () => {
    const header: DialogflowCallerOptions = { platform: 'es', header: SECRET };
    expect(await reasonFor({ 'x-council-voice-secret': SECRET.value }, header)).toBe('passed');
    expect(await reasonFor({ 'x-council-voice-secret': 'nope' }, header)).toBe('secret-header');
  });

  it('requires both when both are configured, as Dialogflow then sends both', async () => {
    const both: DialogflowCallerOptions = { platform: 'es', header: SECRET, basicAuth: BASIC };
    const authorization = basic(BASIC.username, BASIC.password);
    expect(await reasonFor({ 'x-council-voice-secret': SECRET.value, authorization }, both)).toBe('passed');
    expect(await reasonFor({ authorization }, both)).toBe('missing-credentials');
    expect(await reasonFor({ 'x-council-voice-secret': SECRET.value }, both)).toBe('missing-credentials');
  });
});

it.each([
  ['CX', { platform: 'cx' } as const],
  ['ES', { platform: 'es' } as const],
])('%s with no check configured refuses everyone rather than serving the internet', async (_what, options) => {
  expect(await reasonFor({ 'x-council-voice-secret': SECRET.value, authorization: basic(BASIC.username, BASIC.password) }, options)).toBe('not-configured');
});

describe('constantTimeEqual', () => {
  it('compares by value, whatever the lengths', () => {
    expect(constantTimeEqual('secret', 'secret')).toBe(true);
    expect(constantTimeEqual('secret', 'secreT')).toBe(false);
    expect(constantTimeEqual('secret', 'secret-but-longer')).toBe(false);
    expect(constantTimeEqual('', 'secret')).toBe(false);
  });
});
