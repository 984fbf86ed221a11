import { nestsWithin, readSessionState } from '../../src/core/session';

describe('session state from the platform', () => {
  it('measures nesting by own keys only, so an object with a looping prototype is not endless', () => {
    const proto: Record<string, unknown> = {};
    proto.a = proto;
    proto.b = proto;
    expect(nestsWithin(Object.create(proto), 64)).toBe(true);
  });

  it('refuses state nested deeper than the limit, and keeps ordinary state', () => {
    let deep: Record<string, unknown> = {};
    for (let i = 0; i < 100; i++) deep = { inner: deep };
    expect(nestsWithin(deep, 64)).toBe(false);
    expect(readSessionState(deep)).toEqual({});
    expect(readSessionState({ dialog: { intent: 'SetAddressIntent', slots: { postcode: { value: 'AB1 2CD' } } } }).dialog?.slots.postcode?.value).toBe('AB1 2CD');
  });
});
