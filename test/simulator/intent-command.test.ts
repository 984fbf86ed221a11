import { readIntentCommand } from '../../src/simulator/intent-command';

const intents = ['GetBinCollectionIntent', 'ReportIssueIntent', 'help'];

describe('an intent typed directly', () => {
  it('reads the intent and its slots, quoted values with spaces', () => {
    expect(readIntentCommand('GetBinCollectionIntent binType=RECYCLING', intents)).toEqual({ intent: 'GetBinCollectionIntent', slots: { binType: 'RECYCLING' } });
    expect(readIntentCommand('ReportIssueIntent issueType=POTHOLE location="Mill Lane"', intents))
      .toEqual({ intent: 'ReportIssueIntent', slots: { issueType: 'POTHOLE', location: 'Mill Lane' } });
    expect(readIntentCommand('  help ', intents)).toEqual({ intent: 'help', slots: {} });
  });

  it('leaves ordinary sentences and unknown names alone', () => {
    expect(readIntentCommand('help me with my bins', intents)).toBeUndefined();
    expect(readIntentCommand('when is my bin day', intents)).toBeUndefined();
    expect(readIntentCommand('OrderPizzaIntent size=large', intents)).toBeUndefined();
    expect(readIntentCommand('constructor binType=RECYCLING', intents)).toBeUndefined();
  });
});
