/* global fetch, document, URL */
/**
 * The simulator's HTTP API, as the page calls it. Paths are relative to the page, so the
 * simulator works wherever it is mounted.
 */

function apiUrl(path) {
  return new URL(`api/${path}`, document.baseURI).toString();
}

/** The council's name and the platforms this server can simulate. */
export async function loadPlatforms() {
  const response = await fetch(apiUrl('platforms'));
  if (!response.ok) throw new Error(`The simulator did not answer (${response.status}).`);
  return response.json();
}

/** One turn: resolves to { ok, status, body } so the page can show refusals in plain words. */
export async function sendTurn(body) {
  const response = await fetch(apiUrl('turns'), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  let json;
  try {
    json = await response.json();
  } catch {
    json = { error: `The simulator answered ${response.status} without a reason.` };
  }
  return { ok: response.ok, status: response.status, body: json };
}
