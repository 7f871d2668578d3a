import { describe, expect, it } from 'vitest';
import { loadGazetteer } from '../../../src/recognize/gazetteer.js';
import { inferSpeaker } from '../../../src/recognize/entities/infer-speaker.js';

const gaz = loadGazetteer();
const speaker = (text: string, source = 'statement.txt') => inferSpeaker({ text, source, title: '' }, gaz);

describe('inferSpeaker', () => {
  it.each([
    ['Statement by H.E. Mr. Taro Kono, Minister for Foreign Affairs of Japan\nMr. President, ...', 'state:JPN'],
    ['Address by His Excellency Mr. Joko Widodo, President of the Republic of Indonesia\n\nThank you.', 'state:IDN'],
    ['New York, 24 September 2019\nStatement by the Prime Minister of Canada at the General Debate\nText.', 'state:CAN'],
    ['Remarks by the Permanent Representative of Brazil to the United Nations\nThank you.', 'state:BRA'],
    ['Statement by the Ministry of Foreign Affairs of the Russian Federation\nText.', 'state:RUS'],
  ])('reads the title line of %j', (text, state) => {
    const s = speaker(text);
    expect(s?.state).toBe(state);
    expect(s?.rule).toBe('speaker.title-line');
    expect(text.slice(s?.evidence?.start, s?.evidence?.end)).toMatch(/(?:Statement|Address|Remarks) by/);
  });

  it.each([
    ['/data/ungdc/2017/JPN_72_2017.txt', 'state:JPN'],
    ['2019\\BRA_74_2019.txt', 'state:BRA'],
  ])('reads the ISO3 code of the file name %s', (source, state) => {
    const s = speaker('We welcome the report.', source);
    expect(s).toMatchObject({ state, rule: 'speaker.filename-iso3' });
  });

  it.each([
    ['Diplomatic Bluebook 2023\nChapter 2\nJapan protested.', 'diplomatic-bluebook-2023.txt'],
    ['Statement by the spokesperson on the situation in Sudan\nText.', 'statement.txt'],
    ['Statement by the President of the General Assembly\nText.', 'pga.txt'],
    ['We welcome the report.', 'XYZ_72_2017.txt'],
    ['We welcome the report.', 'JPN-notes-2017.txt'],
    ['The Minister of Foreign Affairs of Japan said, far below the title lines of this long document.'.padStart(800, ' '), 'a.txt'],
  ])('finds no speaker in %j (%s)', (text, source) => {
    expect(speaker(text, source)).toBeUndefined();
  });
});
