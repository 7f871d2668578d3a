import { describe, expect, it } from 'vitest';
import { normaliseSpelling } from '../../src/extract/lemmatise.js';

describe('normaliseSpelling', () => {
  it.each([
    ['Organisation', 'organization'],
    ['organisations', 'organizations'],
    ['recognised', 'recognized'],
    ['mobilising', 'mobilizing'],
    ['Programme', 'program'],
    ['programmes', 'programs'],
    ['defence', 'defense'],
    ['favourable', 'favorable'],
    ['Japan’s', "japan's"],
    ['don’t', "don't"],
  ])('%s -> %s', (word, expected) => expect(normaliseSpelling(word)).toBe(expected));

  // Left as they are (lower-cased): too short for -ise, -is not an ending, no variant spelling.
  it.each([
    ['Rise', 'rise'],
    ['analysis', 'analysis'],
    ['crisis', 'crisis'],
    ['visit', 'visit'],
    ['program', 'program'],
    ['colour', 'colour'],
  ])('%s stays %s', (word, expected) => expect(normaliseSpelling(word)).toBe(expected));
});
