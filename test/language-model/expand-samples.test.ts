import { expandSample, MAX_SAMPLES_PER_LINE, SampleSyntaxError } from '../../src/language-model/expand-samples';
import { loadLanguageModel } from '../../src/language-model/load-language-model';

describe('the alternation syntax of the model source', () => {
  it('gives every combination of a small line, in writing order', () => {
    expect(expandSample('(when|what day) is my {binType} (collected|emptied)')).toEqual([
      'when is my {binType} collected', 'when is my {binType} emptied',
      'what day is my {binType} collected', 'what day is my {binType} emptied',
    ]);
  });

  it('makes a group optional with an empty choice, and tidies the spaces', () => {
    expect(expandSample('(please|) remind me (about|of) my bins (please|)')).toEqual([
      'please remind me about my bins please', 'please remind me about my bins', 'please remind me of my bins please',
      'please remind me of my bins', 'remind me about my bins please', 'remind me about my bins',
      'remind me of my bins please', 'remind me of my bins',
    ]);
  });

  it('leaves a line without groups alone', () => {
    expect(expandSample('when is my bin day')).toEqual(['when is my bin day']);
  });

  it('gives a spread of a large line in which every choice of every group appears', () => {
    const groups = [['a1', 'a2', 'a3', 'a4', 'a5', 'a6'], ['b1', 'b2', 'b3', 'b4', 'b5'], ['c1', 'c2', 'c3', 'c4']];
    const line = groups.map((g) => `(${g.join('|')})`).join(' ');
    const samples = expandSample(line);
    expect(samples.length).toBeLessThanOrEqual(MAX_SAMPLES_PER_LINE);
    for (const choice of groups.flat()) expect(samples.some((s) => s.split(' ').includes(choice))).toBe(true);
    expect(expandSample(line)).toEqual(samples);
  });

  it.each(['when is (my bin day', 'when is my) bin day', 'when (is (my) bin) day'])('refuses "%s", naming the line', (line) => {
    expect(() => expandSample(line)).toThrow(SampleSyntaxError);
    expect(() => expandSample(line)).toThrow(line);
  });

  it('is expanded when the model is loaded, so builders and the NLU see plain samples', () => {
    const model = loadLanguageModel('en-GB');
    const samples = model.intents.flatMap((i) => i.samples);
    expect(samples.filter((s) => /[()|]/.test(s))).toEqual([]);
  });

  it('gives every custom intent at least 30 samples', () => {
    const model = loadLanguageModel('en-GB');
    for (const intent of model.intents.filter((i) => !i.name.startsWith('AMAZON.') && /Intent$/.test(i.name))) {
      expect({ intent: intent.name, enough: intent.samples.length >= 30 }).toEqual({ intent: intent.name, enough: true });
    }
  });
});
