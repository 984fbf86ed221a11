/* global localStorage, crypto */
/**
 * The device panel: the postcode set on the device, the permissions granted, the account-link
 * token and the resident's id. Kept in the browser so an officer's set-up survives a reload.
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
    };
  }

  form.addEventListener('input', () => localStorage.setItem(STORAGE_KEY, JSON.stringify(current())));
  form.addEventListener('submit', (event) => event.preventDefault());
  return { current };
}

/** The device part of a turn request. */
export function deviceForRequest(settings) {
  const device = { permissions: settings.permissions };
  if (settings.hasScreen) device.hasScreen = true;
  if (settings.postcode) device.postcode = settings.postcode;
  return device;
}
