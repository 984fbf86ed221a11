/* global localStorage, crypto, Option */
/**
 * The device panel: the postcode set on the device, the permissions granted, the account-link
 * token, the resident's id and (with several councils) the council they belong to. Kept in the browser so an officer's set-up survives a reload.
 */

const STORAGE_KEY = 'council-voice-simulator-device';

function read() {
  try {
    return JSON.parse(localStorage.getItem(STORAGE_KEY) ?? '{}');
  } catch {
    return {};
  }
}

export function createDevicePanel(form) {
  const saved = read();
  const postcode = form.querySelector('#device-postcode');
  const token = form.querySelector('#device-token');
  const user = form.querySelector('#device-user');
  const permissions = [...form.querySelectorAll('input[name="permission"]')];
  const screen = form.querySelector('#device-screen');
  const council = form.querySelector('#device-council');

  postcode.value = saved.postcode ?? 'AB1 2CD';
  token.value = saved.accessToken ?? '';
  user.value = saved.userId ?? `resident-${crypto.randomUUID().slice(0, 8)}`;
  const granted = new Set(saved.permissions ?? ['address']);
  for (const box of permissions) box.checked = granted.has(box.value);
  screen.checked = saved.hasScreen === true;

  function current() {
    return {
      postcode: postcode.value.trim(),
      permissions: permissions.filter((box) => box.checked).map((box) => box.value),
      accessToken: token.value.trim(),
      hasScreen: screen.checked,
      userId: user.value.trim() || 'simulator-resident',
      council: council.value,
    };
  }

  /** With several councils, offers them to pick from ("by address" stays first); hidden with one. */
  function offerCouncils(councils) {
    if (!councils || councils.length < 2) return;
    for (const { id, name } of councils) council.append(new Option(name, id));
    if (councils.some(({ id }) => id === saved.council)) council.value = saved.council;
    form.querySelector('#device-council-field').hidden = false;
  }

  form.addEventListener('input', () => localStorage.setItem(STORAGE_KEY, JSON.stringify(current())));
  form.addEventListener('submit', (event) => event.preventDefault());
  return { current, offerCouncils };
}

/** The device part of a turn request. */
export function deviceForRequest(settings) {
  const device = { permissions: settings.permissions };
  if (settings.hasScreen) device.hasScreen = true;
  if (settings.postcode) device.postcode = settings.postcode;
  return device;
}
