import type { HandlerMap } from '../../src/core/skill';
import { createTurn } from '../../src/core/turn';
import { createTestSkill, heard } from '../support/test-skill';

const slow: HandlerMap = {
  GetBinCollectionIntent: async () => {
    await new Promise((resolve) => setTimeout(resolve, 120));
    return { speech: { parts: [{ type: 'text', text: 'Tuesday.' }] }, endSession: true };
  },
  'fallback': async () => ({ speech: { parts: [{ type: 'text', text: 'Fallback.' }] }, endSession: false }),
  Broken: async () => { throw new TypeError('cannot read properties of undefined'); },
};

describe('the skill boundary', () => {
  it('sends a holding line through the platform while a slow back end answers', async () => {
    const { skill, services } = createTestSkill({ handlers: slow });
    const said: string[] = [];
    const { createSkill } = await import('../../src/core/skill');
    const withProgress = createSkill(slow, services, { progressAfterMs: 20 });
    const reply = await withProgress.handle(createTurn({ kind: 'intent', intent: 'GetBinCollectionIntent', device: { sendProgress: async (s) => { said.push(s); } } }));
    expect(said).toHaveLength(1);
    expect(said[0]).toMatch(/checking with the council/);
    expect(heard(reply)).toBe('Tuesday.');
    // A fast answer sends no holding line.
    const quick: string[] = [];
    await skill.handle(createTurn({ kind: 'intent', intent: 'fallback', device: { sendProgress: async (s) => { quick.push(s); } } }));
    expect(quick).toEqual([]);
  });

  it('turns a bug in a handler into a spoken apology with the council phone number, not a stack trace', async () => {
    const { skill } = createTestSkill({ handlers: slow });
    const reply = await skill.handle(createTurn({ kind: 'intent', intent: 'Broken' }));
    expect(heard(reply)).toBe('Sorry, something went wrong on my side. You can call Demo Borough Council on 0300 123 4567, or visit https://www.demo-council.example/. Is there anything else I can help with?');
    expect(heard(reply)).not.toMatch(/undefined|TypeError/);
    expect(reply.endSession).toBe(false);
    expect(reply.reprompt).toBeDefined();
  });

  it('adds a reprompt to any open reply that lacks one', async () => {
    const { skill } = createTestSkill({ handlers: slow });
    const reply = await skill.handle(createTurn({ kind: 'intent', intent: 'fallback' }));
    expect(heard({ ...reply, speech: reply.reprompt! })).toBe('Is there anything else I can help with?');
  });
});
