import { readFileSync } from 'node:fs';
import { toAlexaIntentName } from '../../../../src/channels/alexa/intent-names';
import { loadConfig } from '../../../../src/config/load-config';
import { loadLocaleResources } from '../../../../src/config/locales';
import type { LanguageModel } from '../../../../src/language-model/language-model';
import { loadLanguageModel } from '../../../../src/language-model/load-language-model';
import { alexaModelPath, AlexaModelError, buildAlexaModel, DIALOG_SLOTS, toAlexaModelJson } from '../../../../src/channels/alexa/model/build-alexa';

interface AlexaModel {
  interactionModel: {
    languageModel: {
      invocationName: string;
      intents: { name: string; samples: string[]; slots?: { name: string; type: string; samples?: string[] }[] }[];
      types: { name: string; values: { id?: string; name: { value: string; synonyms?: string[] } }[] }[];
    };
    dialog: { delegationStrategy: string; intents: { name: string; slots: { name: string; elicitationRequired: boolean; prompts: { elicitation?: string } }[] }[] };
    prompts: { id: string; variations: { type: string; value: string }[] }[];
  };
}

const model = loadLanguageModel('en-GB');
const resources = loadLocaleResources();
const options = { invocationName: loadConfig().council.invocationName, resources };
const onDisk = readFileSync(alexaModelPath('en-GB'), 'utf8');
const built = JSON.parse(onDisk) as AlexaModel;
const { languageModel, dialog, prompts } = built.interactionModel;

describe('the Alexa interaction model in skill-package/interactionModels/custom/en-GB.json', () => {
  test('is up to date with the language model source (run `npm run models` if not)', () => {
    expect(toAlexaModelJson(model, options)).toBe(onDisk);
  });

  test('rebuilds identically, so the check above is meaningful', () => {
    expect(toAlexaModelJson(model, options)).toBe(toAlexaModelJson(loadLanguageModel('en-GB'), options));
  });

  test('is opened with the council\'s invocation name', () => {
    expect(languageModel.invocationName).toBe('demo council');
  });

  test('every custom intent has at least 15 sample utterances', () => {
    const custom = languageModel.intents.filter((i) => !i.name.startsWith('AMAZON.'));
    expect(custom.length).toBeGreaterThanOrEqual(8);
    for (const intent of custom) expect({ intent: intent.name, enough: intent.samples.length >= 15 }).toEqual({ intent: intent.name, enough: true });
  });

  test('has every intent of the source, and the built-ins certification requires', () => {
    const names = languageModel.intents.map((i) => i.name);
    // The core's built-ins (help, stop, ...) under the names Amazon requires.
    expect(names).toEqual(model.intents.map((i) => toAlexaIntentName(i.name)));
    expect(names).toEqual(expect.arrayContaining(['AMAZON.HelpIntent', 'AMAZON.StopIntent', 'AMAZON.CancelIntent', 'AMAZON.NavigateHomeIntent', 'AMAZON.FallbackIntent']));
    expect(languageModel.intents.find((i) => i.name === 'AMAZON.FallbackIntent')?.samples).toEqual([]);
  });

  test('maps the neutral built-in slot types to Alexa\'s', () => {
    const report = languageModel.intents.find((i) => i.name === 'ReportIssueIntent');
    expect(report?.slots?.find((s) => s.name === 'description')?.type).toBe('AMAZON.SearchQuery');
    const slotTypes = languageModel.intents.flatMap((i) => i.slots ?? []).map((s) => s.type);
    expect(slotTypes.filter((t) => ['NUMBER', 'DATE', 'FREE_TEXT'].includes(t))).toEqual([]);
  });

  test('custom types carry the ids handlers read through entity resolution', () => {
    const ids = (name: string) => languageModel.types.find((t) => t.name === name)?.values.map((v) => v.id);
    expect(ids('BIN_TYPE')).toEqual(['REFUSE', 'RECYCLING', 'GARDEN', 'FOOD', 'GLASS']);
    expect(ids('ISSUE_TYPE')).toEqual(['POTHOLE', 'STREET_LIGHT', 'FLY_TIPPING', 'GRAFFITI', 'MISSED_BIN', 'DOG_FOULING', 'ABANDONED_VEHICLE', 'BLOCKED_DRAIN']);
    expect(ids('TAX_BAND')).toEqual(['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H']);
    const recycling = languageModel.types.find((t) => t.name === 'BIN_TYPE')?.values.find((v) => v.id === 'RECYCLING');
    expect(recycling?.name.synonyms).toContain('green bin');
  });

  test('has a dialog model for every slot the skill elicits, each with a prompt from the locale files', () => {
    expect(dialog.delegationStrategy).toBe('SKILL_RESPONSE');
    for (const [intent, slots] of Object.entries(DIALOG_SLOTS)) {
      const dialogIntent = dialog.intents.find((i) => i.name === intent);
      for (const slot of Object.keys(slots)) {
        const id = dialogIntent?.slots.find((s) => s.name === slot)?.prompts.elicitation;
        const prompt = prompts.find((p) => p.id === id);
        expect({ slot: `${intent}.${slot}`, prompt: prompt?.variations[0]?.value.endsWith('?') || prompt?.variations[0]?.value.endsWith('.') })
          .toEqual({ slot: `${intent}.${slot}`, prompt: true });
      }
    }
    expect(prompts.find((p) => p.id === 'Elicit.Slot.SetAddressIntent.postcode')?.variations[0]?.value).toMatch(/postcode/);
  });

  test('lets a bare answer fill an elicited slot, except free text, which Alexa needs words around', () => {
    const slots = languageModel.intents.flatMap((i) => (i.slots ?? []).map((s) => ({ ...s, intent: i.name })));
    expect(slots.find((s) => s.intent === 'SetAddressIntent' && s.name === 'postcode')?.samples).toContain('{postcode}');
    const description = slots.find((s) => s.intent === 'ReportIssueIntent' && s.name === 'description');
    expect(description?.samples?.length).toBeGreaterThan(0);
    expect(description?.samples).not.toContain('{description}');
  });
});

describe('the Alexa builder refuses what Alexa would refuse', () => {
  const tiny = (samples: string[], slots = [{ name: 'what', type: 'FREE_TEXT' }]): LanguageModel => ({
    locale: 'en-GB',
    types: {},
    intents: [
      { name: 'SetAddressIntent', slots: [], samples: [] },
      { name: 'ReportIssueIntent', slots: [], samples: [] },
      { name: 'DeleteDataIntent', slots: [], samples: [] },
      { name: 'NoteIntent', slots, samples },
    ],
  });
  const noDialog = { ...options };

  test.each([
    ['digits in a sample', ['remind me at 7 pm'], /characters Alexa refuses/],
    ['a free-text slot alone', ['{what}'], /needs words around/],
    ['a free-text slot beside another slot', ['note {what} for {when}'], /another slot beside/],
  ])('%s', (_name, samples, reason) => {
    const model = tiny(samples, [{ name: 'what', type: 'FREE_TEXT' }, { name: 'when', type: 'DATE' }]);
    expect(() => buildAlexaModel(model, noDialog)).toThrow(AlexaModelError);
    expect(() => buildAlexaModel(model, noDialog)).toThrow(reason);
  });

  test('an invocation name that is not lower-case words', () => {
    expect(() => buildAlexaModel(tiny(['note {what} down']), { ...options, invocationName: 'Demo Council' })).toThrow(/invocation name/);
  });

  test('a dialog prompt missing from the locale files', () => {
    expect(() => buildAlexaModel(model, { ...options, resources: {} })).toThrow(/address:askPostcode is missing/);
  });
});
