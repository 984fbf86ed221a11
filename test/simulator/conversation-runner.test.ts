/** The conversation-test runner says plainly what did not match, and refuses a malformed file. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { conversationFileSchema, readConversationFile } from '../../src/simulator/conversations/conversation-file';
import { checkAnswer, matchesText } from '../../src/simulator/conversations/run-conversation';
import { checkToolResult } from '../../src/simulator/conversations/tool-turns';
import type { TurnAnswer } from '../../src/simulator/run-turn';

const answer: TurnAnswer = {
  sessionId: 's', platform: 'alexa',
  intent: { name: 'GetBinCollectionIntent', confidence: 0.9 },
  slots: { binType: { value: 'green bin', id: 'RECYCLING' } },
  reply: { text: 'Your next collection is on Tuesday 1 December.', ssml: '', reprompt: null, endSession: false, card: null },
  platformRequest: {}, platformResponse: {}, calls: [], ms: 3, at: "2026-11-27T10:00:00.000Z", progress: [], awaiting: null, sessionEnded: false,
  warnings: [{ code: 'no-reprompt', message: 'The session stays open without a reprompt.' }],
};

function turn(expect: object) {
  return conversationFileSchema.parse({ name: 'x', turns: [{ say: 'when is my bin day', expect }] }).turns[0]!;
}

describe('matching replies', () => {
  it('takes /…/flags as a regular expression and anything else as words to find, in any case', () => {
    expect(matchesText('Tuesday 1 December', '/tuesday \\d+/i')).toBe(true);
    expect(matchesText('Tuesday 1 December', '/tuesday/')).toBe(false);
    expect(matchesText('Tuesday 1 December', '1 december')).toBe(true);
  });

  it('passes an answer that matches', () => {
    expect(checkAnswer(turn({ intent: 'GetBinCollectionIntent', slots: { binType: 'RECYCLING' }, reply: 'Tuesday', endSession: false, warnings: ['no-reprompt'] }), answer)).toEqual([]);
  });

  it('names every difference', () => {
    expect(checkAnswer(turn({ intent: 'SetAddressIntent', slots: { binType: 'FOOD', date: '2026-12-01' }, reply: '/Wednesday/', endSession: true, warnings: [] }), answer)).toEqual([
      'understood as GetBinCollectionIntent, expected SetAddressIntent',
      'slot binType was "green bin" (RECYCLING), expected FOOD',
      'slot date was empty, expected 2026-12-01',
      'reply "Your next collection is on Tuesday 1 December." does not match /Wednesday/',
      'the session stayed open, expected it to end',
      'warnings: The session stays open without a reprompt.',
    ]);
  });
});

describe('reading a conversation file', () => {
  const folder = mkdtempSync(path.join(tmpdir(), 'conversations-'));

  it('fills in the defaults: every platform, no device permissions', () => {
    const file = path.join(folder, 'ok.yaml');
    writeFileSync(file, 'name: ok\nturns:\n  - say: 12\n    expect: { slots: { houseNumber: "12" } }\n');
    const read = readConversationFile(file);
    expect(read.platforms).toEqual(['alexa', 'dialogflow-cx', 'dialogflow-es']);
    expect(read.device).toEqual({ permissions: [] });
    expect(read.turns[0]?.say).toBe('12');
  });

  it('names the file and the key at fault', () => {
    const file = path.join(folder, 'bad.yaml');
    writeFileSync(file, 'name: bad\nplatforms: [siri]\nturns:\n  - say: hello\n');
    expect(() => readConversationFile(file)).toThrow(/^bad\.yaml: platforms\.0: /);
    writeFileSync(file, 'name: bad\nturns:\n  - say: hello\n    event: launch\n');
    expect(() => readConversationFile(file)).toThrow('bad.yaml: turns.0: each turn needs exactly one of say, event, intent or tool');
  });
});

describe('checking a tool call', () => {
  const toolTurn = (expect: object) =>
    conversationFileSchema.parse({ name: 'x', platforms: ['mcp'], turns: [{ tool: 'get_bin_collections', arguments: { uprn: '1' }, expect }] }).turns[0]!;
  const result = {
    content: [{ type: 'text', text: 'Tuesday, the green recycling bin.' }],
    structuredContent: { property: { uprn: '1' }, collections: [{ date: '2026-12-01', bins: [{ id: 'RECYCLING' }] }] },
  };

  it('passes a result whose text, error flag and structured values match', () => {
    expect(checkToolResult(toolTurn({ reply: 'tuesday', isError: false, structured: { collections: [{ date: '/^2026-12-\\d\\d$/' }] } }), result)).toEqual([]);
  });

  it('names what differs: the text, the error flag, a structured value', () => {
    const failures = checkToolResult(toolTurn({ reply: 'Friday', isError: true, structured: { property: { uprn: '2' } } }), result);
    expect(failures).toEqual([
      'tool text "Tuesday, the green recycling bin." does not match Friday',
      'the tool succeeded, expected an error',
      expect.stringMatching(/^structuredContent .* does not have \{"property":\{"uprn":"2"\}\}$/),
    ]);
  });

  it('refuses words on the mcp platform, which has only tools', () => {
    expect(conversationFileSchema.safeParse({ name: 'x', platforms: ['mcp'], turns: [{ say: 'hello' }] }).success).toBe(false);
  });
});
