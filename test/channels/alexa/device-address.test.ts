import nock from 'nock';
import { lookupDevicePostcode } from '../../../src/channels/alexa/device-services';
import { toTurn } from '../../../src/channels/alexa/to-turn';
import { HttpClient } from '../../../src/connectors/http';
import { silentLogger } from '../../../src/core/logger';
import { deviceDeps, loadEnvelope } from './fixtures';

const API = 'https://api.eu.amazonalexa.com';
const PATH = '/v1/devices/amzn1.ask.device.AGFEXAMPLEZV2LTHNQ6KX4MW7PBR3CJ5DYS8UE/settings/address/countryAndPostalCode';

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());
afterAll(() => nock.enableNetConnect());

function deviceApi() {
  const token = loadEnvelope('launch').context.System.apiAccessToken;
  return nock(API, { reqheaders: { authorization: `Bearer ${token}` } }).get(PATH);
}

describe('the postcode set on the resident\'s Alexa device', () => {
  test('is found when the resident has shared it', async () => {
    const scope = deviceApi().reply(200, { countryCode: 'GB', postalCode: 'SW1A 1AA' });
    const turn = toTurn(loadEnvelope('get-bin-collection'), deviceDeps());
    await expect(turn?.device.lookupPostcode?.()).resolves.toEqual({ kind: 'found', postcode: 'SW1A 1AA' });
    expect(scope.isDone()).toBe(true);
  });

  test('is asked of Alexa once per turn, however often a handler asks', async () => {
    const scope = deviceApi().once().reply(200, { countryCode: 'GB', postalCode: 'SW1A 1AA' });
    const turn = toTurn(loadEnvelope('get-bin-collection'), deviceDeps());
    await turn?.device.lookupPostcode?.();
    await expect(turn?.device.lookupPostcode?.()).resolves.toEqual({ kind: 'found', postcode: 'SW1A 1AA' });
    expect(scope.isDone()).toBe(true);
  });

  test('403 means the permission was not granted: the skill can send a consent card', async () => {
    const scope = deviceApi().reply(403, { type: 'FORBIDDEN', message: 'The authentication token is not valid.' });
    await expect(lookupDevicePostcode(loadEnvelope('launch'), deviceDeps())).resolves.toEqual({ kind: 'no-permission' });
    expect(scope.isDone()).toBe(true);
  });

  test('a 500 from Alexa means unavailable: the skill asks by voice instead, without an apology', async () => {
    const warnings: object[] = [];
    const scope = deviceApi().reply(500, { type: 'INTERNAL_ERROR' });
    const deps = { ...deviceDeps(), logger: { ...silentLogger, warn: (obj: object) => warnings.push(obj) } };
    await expect(lookupDevicePostcode(loadEnvelope('launch'), deps)).resolves.toEqual({ kind: 'unavailable' });
    expect(scope.isDone()).toBe(true);
    expect(warnings).toHaveLength(1);
  });

  test('a device with no postcode set is unavailable, not an empty postcode', async () => {
    const scope = deviceApi().reply(200, { countryCode: 'GB', postalCode: null });
    await expect(lookupDevicePostcode(loadEnvelope('launch'), deviceDeps())).resolves.toEqual({ kind: 'unavailable' });
    expect(scope.isDone()).toBe(true);
  });

  test('an answer that is not JSON is unavailable', async () => {
    const scope = deviceApi().reply(200, '<html>gateway</html>');
    await expect(lookupDevicePostcode(loadEnvelope('launch'), deviceDeps())).resolves.toEqual({ kind: 'unavailable' });
    expect(scope.isDone()).toBe(true);
  });

  test('a Device Address API too slow to answer is unavailable', async () => {
    const scope = deviceApi().delay(300).reply(200, { countryCode: 'GB', postalCode: 'SW1A 1AA' });
    const deps = { ...deviceDeps(), http: new HttpClient({ service: 'device', timeoutMs: 50, retries: 0 }) };
    await expect(lookupDevicePostcode(loadEnvelope('launch'), deps)).resolves.toEqual({ kind: 'unavailable' });
    expect(scope.isDone()).toBe(true);
  });

  test('with no apiAccessToken there is no permission, and Alexa is not called', async () => {
    const scope = deviceApi().reply(200, { countryCode: 'GB', postalCode: 'SW1A 1AA' });
    const turn = toTurn(loadEnvelope('launch-without-api-access-token'), deviceDeps());
    await expect(turn?.device.lookupPostcode?.()).resolves.toEqual({ kind: 'no-permission' });
    expect(scope.isDone()).toBe(false);
  });
});
