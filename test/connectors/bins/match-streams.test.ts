/**
 * Stream match words: which bins an event's text names, and the words an officer wrote that make
 * one event count for two streams (flagged by `npm run check-council`).
 */
import { compileStreamMatcher, findOverlappingWords } from '../../../src/connectors/bins/match-streams';

const STREAMS = [
  { id: 'REFUSE', match: ['refuse', 'black bin'] },
  { id: 'RECYCLING', match: ['recycling', 'green'] },
  { id: 'GARDEN', match: ['garden', 'green waste'] },
];

describe('stream match words', () => {
  it('names every stream an event mentions, as whole words', () => {
    const streamsOf = compileStreamMatcher(STREAMS);
    expect(streamsOf('Refuse and Recycling collection')).toEqual(['REFUSE', 'RECYCLING']);
    expect(streamsOf('Greenwich Council bank holiday notice')).toEqual([]);
    // The overlap the check warns about: a garden collection also read as recycling.
    expect(streamsOf('Green Waste')).toEqual(['RECYCLING', 'GARDEN']);
  });

  it('finds a word of one stream inside a word of another, and nothing else', () => {
    expect(findOverlappingWords(STREAMS)).toEqual([{ word: 'green', stream: 'RECYCLING', within: 'green waste', otherStream: 'GARDEN' }]);
    // Words of the same stream may overlap; a word inside a longer word is not a whole-word match.
    expect(findOverlappingWords([{ id: 'GARDEN', match: ['garden', 'garden waste'] }, { id: 'GLASS', match: ['glass'] }, { id: 'REFUSE', match: ['glassware bin'] }])).toEqual([]);
    // The same word written for two streams is flagged both ways.
    expect(findOverlappingWords([{ id: 'REFUSE', match: ['bin'] }, { id: 'FOOD', match: ['bin'] }])).toHaveLength(2);
  });
});
