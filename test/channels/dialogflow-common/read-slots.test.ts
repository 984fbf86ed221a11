import { createSlotReader } from '../../../src/channels/dialogflow-common/read-slots';
import { loadLanguageModel } from '../../../src/language-model/load-language-model';

const reader = createSlotReader(loadLanguageModel('en-GB'));

describe('reading Dialogflow parameters as slots', () => {
  it('gives a resolved type the id and keeps what was said', () => {
    expect(reader.readSlot('GetBinCollectionIntent', 'binType', { original: 'the green one', resolved: 'RECYCLING' })).toEqual({ value: 'the green one', id: 'RECYCLING' });
  });

  it('says the canonical name when Dialogflow kept no original (a filled CX form)', () => {
    expect(reader.readSlot('CouncilTaxChargeIntent', 'band', { resolved: 'D' })).toEqual({ value: 'd', id: 'D' });
  });

  it('gives no id for a value outside the type, as Alexa does for a no-match', () => {
    expect(reader.readSlot('GetBinCollectionIntent', 'binType', { original: 'compost', resolved: 'compost' })).toEqual({ value: 'compost' });
  });

  it('reads dates in the form Alexa sends them, from CX objects and ES date-times', () => {
    expect(reader.readSlot('GetBinCollectionIntent', 'date', { original: 'tomorrow', resolved: { year: 2026, month: 12, day: 1 } })).toEqual({ value: '2026-12-01' });
    expect(reader.readSlot('GetBinCollectionIntent', 'date', { original: 'tomorrow', resolved: '2026-12-01T12:00:00+00:00' })).toEqual({ value: '2026-12-01' });
  });

  it('takes free text as said, and the first of a list', () => {
    expect(reader.readSlot('SetAddressIntent', 'postcode', { original: 'a b one two c d', resolved: 'a b one two c d' })).toEqual({ value: 'a b one two c d' });
    expect(reader.readSlot('ReportIssueIntent', 'issueType', { original: 'pothole', resolved: ['POTHOLE', 'GRAFFITI'] })).toEqual({ value: 'pothole', id: 'POTHOLE' });
  });

  it('treats empty parameters and unknown slots as not said', () => {
    expect(reader.readSlot('GetBinCollectionIntent', 'binType', { original: '', resolved: '' })).toBeUndefined();
    expect(reader.readSlot('GetBinCollectionIntent', 'colour', { resolved: 'green' })).toBeUndefined();
    expect(reader.readSlot('PayParkingFineIntent', 'reference', { resolved: '123' })).toBeUndefined();
  });
});
