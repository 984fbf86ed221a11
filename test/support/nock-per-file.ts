/**
 * Run before every test file (jest.config.js, setupFilesAfterEnv). nock patches node:http for the
 * whole worker process, and every test file loads its own copy of nock: left active, one file's
 * copy went on intercepting the next files' requests in the same worker, refusing them as
 * unmatched or "disallowed net connect" with errors that no request was listening for. A file
 * that patched node:http (by loading nock) has it restored when it ends; a file that did not is
 * left alone, so its real requests never pass through nock.
 */
import http from 'node:http';

const untouched = http.ClientRequest;

afterAll(() => {
  if (http.ClientRequest === untouched) return;
  // The file's own nock: the same module registry as the test file, so the copy that patched.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const nock = require('nock') as typeof import('nock');
  nock.cleanAll();
  nock.enableNetConnect();
  nock.restore();
});
