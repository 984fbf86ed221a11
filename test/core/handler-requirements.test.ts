/**
 * A handler that needs a service the deployment lacks is refused when the skill is composed,
 * naming the intent and the service, not when a resident first asks.
 */
import { allHandlers } from '../../src/core/handlers';
import { handlersWithin, MissingServiceError } from '../../src/core/handler-requirements';
import { createSkill } from '../../src/core/skill';
import { createTestSkill } from '../support/test-skill';

describe('composing a skill whose handlers need services', () => {
  it('refuses a deployment with no report outbox, naming the intent and the service', () => {
    const { services } = createTestSkill();
    const withoutOutbox = { ...services, outbox: undefined };
    expect(() => createSkill(allHandlers, withoutOutbox)).toThrow(MissingServiceError);
    expect(() => createSkill(allHandlers, withoutOutbox)).toThrow('the ReportIssueIntent handler needs the outbox service, which this deployment does not provide');
  });

  it('composes with the outbox, and without it once the handlers that need it are left out', async () => {
    const { services } = createTestSkill();
    expect(createSkill(allHandlers, services).intents).toContain('ReportIssueIntent');
    const readOnly = handlersWithin(allHandlers, { ...services, outbox: undefined });
    const skill = createSkill(readOnly, { ...services, outbox: undefined });
    expect(skill.intents).not.toContain('ReportIssueIntent');
    expect(skill.intents).toContain('GetBinCollectionIntent');
  });
});
