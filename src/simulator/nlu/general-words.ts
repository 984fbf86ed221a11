/**
 * Words of every kind of request, council or not. Shared by the out-of-domain decision
 * (council-words.ts) and street spotting (spot-street.ts), which both need to tell a word that
 * names something from one that only joins a sentence together.
 */
import { stem } from './text';

/**
 * Words of every kind of request, council or not: question words, pronouns, auxiliaries,
 * prepositions and the commonest verbs and time words. They never make a sentence the council's.
 */
export const GENERAL_STEMS: ReadonlySet<string> = new Set([
  'a', 'an', 'the', 'this', 'that', 'these', 'those', 'my', 'our', 'your', 'their', 'his', 'her', 'its', 'i', 'me', 'we', 'us',
  'you', 'they', 'them', 'he', 'she', 'it', 'there', 'here', 'what', 'when', 'where', 'which', 'who', 'why', 'how', 'whose',
  'is', 'are', 'was', 'were', 'be', 'been', 'being', 'am', 'do', 'does', 'did', 'done', 'have', 'has', 'had', 'will', 'would',
  'can', 'could', 'shall', 'should', 'may', 'might', 'must', 'not', 'no', 'yes', 'and', 'or', 'but', 'if', 'of', 'to', 'in',
  'on', 'at', 'by', 'for', 'from', 'with', 'about', 'into', 'onto', 'off', 'out', 'up', 'down', 'over', 'under', 'near',
  'round', 'around', 'any', 'some', 'all', 'more', 'much', 'many', 'each', 'every', 'other', 'another', 'one', 'own',
  'get', 'got', 'go', 'going', 'goes', 'gone', 'come', 'coming', 'make', 'take', 'put', 'give', 'tell', 'know', 'want',
  'need', 'like', 'see', 'say', 'let', 'find', 'look', 'set', 'turn', 'switch', 'start', 'stop', 'keep', 'use', 'help',
  'day', 'days', 'week', 'weeks', 'month', 'year', 'time', 'today', 'tomorrow', 'tonight', 'yesterday', 'now', 'next', 'last',
  'first', 'again', 'still', 'yet', 'ever', 'never', 'always', 'usually', 'soon', 'later', 'morning', 'evening', 'night',
  'new', 'old', 'right', 'wrong', 'good', 'bad', 'big', 'little', 'way', 'thing', 'something', 'anything', 'nothing', 'please',
  'open', 'close', 'change', 'back', 'begin', 'end', 'finish', 'save', 'place', 'name', 'date', 'correct', 'possible', 'few',
  'while', 'ago', 'along', 'behind', 'myself', 'anybody', 'anyone', 'somebody', 'someone', 'people',
  'person', 'work', 'different', 'before', 'after', 'left', 'happen', 'check', 'remember', 'hold', 'number', 'twelve',
].map(stem));
