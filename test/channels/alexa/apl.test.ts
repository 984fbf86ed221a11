import type { interfaces, ResponseEnvelope } from 'ask-sdk-model';
import nock from 'nock';
import { createAlexaHandler } from '../../../src/channels/alexa/alexa-handler';
import document from '../../../src/channels/alexa/apl/bin-collections.apl.json';
import { APL_INTERFACE, renderVisual, toBinCollectionsData } from '../../../src/channels/alexa/apl/render-visual';
import { toResponseEnvelope } from '../../../src/channels/alexa/to-response';
import { collectionsVisual } from '../../../src/core/bins/describe-collections';
import { createTranslators } from '../../../src/core/i18n';
import type { Reply, Visual } from '../../../src/core/reply';
import { text } from '../../../src/core/speech';
import { createTurn } from '../../../src/core/turn';
import { createTestSkill, demoInfo, HIGH_STREET_COLLECTIONS, resources } from '../../support/test-skill';
import { checkAplDocument } from './apl-check';
import { loadEnvelope } from './fixtures';

type RenderDocument = interfaces.alexa.presentation.apl.RenderDocumentDirective;

const USER = loadEnvelope('get-bin-collection').session?.user.userId ?? '';
const t = createTranslators(resources, { random: () => 0 }).forLocale('en-GB');

/** The visual the bin-day handler builds for 12 High Street, seen on Friday 27 November 2026. */
const visual: Visual = collectionsVisual(HIGH_STREET_COLLECTIONS, demoInfo.binStreams, '2026-11-27', t);

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());
afterAll(() => nock.enableNetConnect());

/** WCAG relative luminance of `#rrggbb`. */
function luminance(hex: string): number {
  const [r = 0, g = 0, b = 0] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255)
    .map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function contrast(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

describe('the bin collections APL document (src/channels/alexa/apl/bin-collections.apl.json)', () => {
  const directive = renderVisual(visual);

  test('binds every reference to the data source built for a real visual', () => {
    expect(checkAplDocument(directive.document, directive.datasources ?? {})).toEqual([]);
    expect(directive.document?.mainTemplate?.parameters).toEqual(Object.keys(directive.datasources ?? {}));
  });

  test('the check is not a rubber stamp: a misspelt or legacy reference fails it', () => {
    const broken = JSON.parse(JSON.stringify(document).replace('${data.container}', '${data.containerName}')) as unknown;
    expect(checkAplDocument(broken, directive.datasources ?? {})).toEqual([expect.stringContaining('reads data.containerName')]);
    const payload = JSON.parse(JSON.stringify(document).replace('${binCollections.title}', '${payload.binCollections.title}')) as unknown;
    expect(checkAplDocument(payload, directive.datasources ?? {}).join('\n')).toContain('reads payload.binCollections.title');
    expect(checkAplDocument(document, { other: {} })[0]).toMatch(/parameters \[binCollections\] do not match the data sources \[other\]/);
  });

  test('shows each row\'s date, and each bin\'s colour and container', () => {
    expect(directive.datasources?.binCollections).toEqual({
      title: 'Your next bin collections',
      rows: [
        { dateLabel: 'Tuesday 1 December', spoken: 'Tuesday 1 December: green recycling bin and food caddy.', bins: [
          { name: 'recycling', container: 'green recycling bin', colour: '#2e7d32' },
          { name: 'food waste', container: 'food caddy', colour: '#8d6e63' },
        ] },
        { dateLabel: 'Tuesday 8 December', spoken: 'Tuesday 8 December: black bin and food caddy.', bins: [
          { name: 'general rubbish', container: 'black bin', colour: '#222222' },
          { name: 'food waste', container: 'food caddy', colour: '#8d6e63' },
        ] },
        { dateLabel: 'Tuesday 15 December', spoken: 'Tuesday 15 December: green recycling bin and food caddy.', bins: [
          { name: 'recycling', container: 'green recycling bin', colour: '#2e7d32' },
          { name: 'food waste', container: 'food caddy', colour: '#8d6e63' },
        ] },
      ],
    });
  });

  test('a bin without a colour in the config still gets a visible swatch', () => {
    const data = toBinCollectionsData({ kind: 'bin-collections', title: 'Next', rows: [{ date: '2026-12-01', dateLabel: 'tomorrow', bins: [{ name: 'glass', container: 'glass box' }] }] });
    expect(data.rows[0]).toEqual({ dateLabel: 'Tomorrow', spoken: 'Tomorrow: glass box.', bins: [{ name: 'glass', container: 'glass box', colour: '#6F777B' }] });
  });

  test('is large text with strong contrast on every screen size', () => {
    const blocks = document.resources as { colors?: Record<string, string>; dimensions?: Record<string, string> }[];
    const colours = Object.assign({}, ...blocks.map((b) => b.colors ?? {})) as Record<string, string>;
    // WCAG AAA for body text is 7:1.
    expect(contrast(colours.text ?? '', colours.background ?? '')).toBeGreaterThanOrEqual(7);
    for (const block of blocks) {
      for (const [name, size] of Object.entries(block.dimensions ?? {})) {
        if (name.endsWith('Size') && name !== 'swatchSize') expect({ name, size: parseInt(size, 10) >= 28 }).toEqual({ name, size: true });
      }
    }
  });

  test('gives screen readers a heading and a spoken label for each row', () => {
    const json = JSON.stringify(document);
    expect(json).toContain('"role":"header"');
    expect(json).toContain('"accessibilityLabel":"${data.spoken}"');
  });
});

describe('screens through the Alexa adapter', () => {
  const answer: Reply = { speech: text('Tuesday, the green recycling bin.'), reprompt: text('Anything else?'), endSession: false, visual };

  test('a device with APL gets the document as a RenderDocument directive', () => {
    const out = toResponseEnvelope(answer, createTurn({ kind: 'intent', intent: 'GetBinCollectionIntent', device: { hasScreen: true } }));
    expect(out.response.directives).toEqual([expect.objectContaining({ type: 'Alexa.Presentation.APL.RenderDocument', token: 'binCollections' })]);
  });

  test('a device without a screen gets no directive, even when a reply carries a visual', () => {
    const out = toResponseEnvelope(answer, createTurn({ kind: 'intent', intent: 'GetBinCollectionIntent', device: { hasScreen: false } }));
    expect(out.response.directives).toBeUndefined();
  });

  async function binDay(fixture: string): Promise<ResponseEnvelope> {
    const { skill, profiles } = createTestSkill();
    await profiles.put({ userId: USER, address: { uprn: '100000000002', label: '12 High Street', postcode: 'AB1 2CD' } });
    return createAlexaHandler(skill)(loadEnvelope(fixture));
  }

  test('an Echo Show asking for the bin day hears the answer and sees the next collections', async () => {
    const envelope = loadEnvelope('get-bin-collection-echo-show');
    expect(envelope.context.System.device?.supportedInterfaces).toHaveProperty([APL_INTERFACE]);
    const out = await binDay('get-bin-collection-echo-show');
    expect(out.response.outputSpeech).toBeDefined();
    const directives = (out.response.directives ?? []) as RenderDocument[];
    expect(directives.map((d) => d.type)).toEqual(['Alexa.Presentation.APL.RenderDocument']);
    expect(directives[0]?.document).toEqual(document);
    expect(checkAplDocument(directives[0]?.document, directives[0]?.datasources ?? {})).toEqual([]);
  });

  test('an Echo without a screen asking the same gets the same words and no APL', async () => {
    const out = await binDay('get-bin-collection');
    expect(out.response.outputSpeech).toBeDefined();
    expect(out.response.directives).toBeUndefined();
  });
});
