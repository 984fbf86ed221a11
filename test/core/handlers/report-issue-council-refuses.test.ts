/**
 * What the resident hears when the council's reporting system refuses our API key (its
 * configuration, not an outage), and when no service of the council's covers their problem.
 */
import { NetworkError } from '../../../src/core/errors';
import { CHECK_REPORT_STATUS } from '../../../src/core/handlers/report-status';
import { ReportKeyRefusedError, ReportRejectedError, UnsupportedIssueTypeError } from '../../../src/core/reports/errors';
import { YES } from '../../../src/core/intents';
import { createReportsTestSkill } from '../../support/reports-test-skill';
import { Conversation, heard } from '../../support/test-skill';

async function confirmGraffiti(chat: Conversation) {
  await chat.say('ReportIssueIntent', { issueType: { id: 'GRAFFITI', value: 'graffiti' }, location: { value: 'the underpass' }, description: { value: 'spray paint on the wall' } });
  return chat.say(YES);
}

describe('the council refuses our API key', () => {
  it('keeps the report and says it will reach the council once its system accepts it, with no promise of "as soon as"', async () => {
    const test = createReportsTestSkill();
    test.reporter.next.push({ kind: 'fail', error: new ReportKeyRefusedError(403, 'http://council/requests.json', '403', 'Invalid api_key received') });
    const chat = new Conversation(test.skill);
    const reply = await confirmGraffiti(chat);
    expect(heard(reply)).toMatch(/^I've saved your report\. Demo Borough Council's system isn't accepting reports from me at the moment, so it will reach the council once their system accepts it\. If it's urgent, call 0300 123 4567\./);
    expect(heard(reply)).not.toMatch(/as soon as/);
    expect(test.outbox.all()).toMatchObject([{ state: 'pending', lastError: expect.stringContaining('ReportKeyRefusedError') }]);

    const later = await chat.say(CHECK_REPORT_STATUS);
    expect(heard(later)).toMatch(/^Your last report is saved, but the council's system isn't accepting reports from me yet\. It will reach the council once their system accepts it\./);
  });
});

describe('a problem no service covers', () => {
  it('says so with the website and phone, instead of saving a report that can never be sent', async () => {
    const test = createReportsTestSkill();
    // The service list could not be read while the resident spoke; by the time of sending it could.
    test.reporter.questionsFail = new NetworkError('reports', 'http://council/services.json', new Error('ECONNRESET'));
    test.reporter.next.push({ kind: 'fail', error: new UnsupportedIssueTypeError('GRAFFITI') });
    const reply = await confirmGraffiti(new Conversation(test.skill));
    expect(heard(reply)).toBe("Sorry, Demo Borough Council doesn't take reports of graffiti this way. You can report it at https://www.demo-council.example/, or call 0300 123 4567. Is there anything else I can help with?");
    expect(test.outbox.all()).toMatchObject([{ state: 'rejected' }]);
  });
});

describe('the council\'s reason for refusing a report', () => {
  it('is not read out when it is about our configuration (an unknown service code), only logged', async () => {
    const test = createReportsTestSkill();
    test.reporter.next.push({ kind: 'fail', error: new ReportRejectedError(404, 'http://council/requests.json', '404', 'service_code HW-POTHOLE not found') });
    const reply = await confirmGraffiti(new Conversation(test.skill));
    expect(heard(reply)).toBe("Sorry, the council's system couldn't accept this report. You can report it at https://www.demo-council.example/, or call 0300 123 4567. Is there anything else I can help with?");
    expect(test.outbox.all()).toMatchObject([{ state: 'rejected', lastError: expect.stringContaining('service_code HW-POTHOLE not found') }]);
  });
});
