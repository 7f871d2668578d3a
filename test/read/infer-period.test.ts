import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { inferPeriod } from '../../src/read/infer-period.js';
import { plainTextToDocument } from '../../src/read/read-plain-text.js';
import type { ReadDocument } from '../../src/model/index.js';

function doc(text: string, source = 'report.txt'): ReadDocument {
  const out = plainTextToDocument(text);
  return { id: 'd', source, format: 'text', ...out, messages: [] };
}
const fixedNow = () => new Date('2030-06-01T00:00:00Z');

describe('inferPeriod', () => {
  it('ends a financial-year edition in June of its second year', () => {
    expect(inferPeriod(doc('Annual Report 2020–21\nText.'), {}, fixedNow).period.end).toBe('2021-06-30');
    expect(inferPeriod(doc('Annual Report 2020\nText.'), {}, fixedNow).period.end).toBe('2020-12-31');
  });
  const cases: Array<[string, string, string, string, string | undefined]> = [
    // text, source, expected start, expected rule, expected dct
    ['Diplomatic Bluebook 2019\nChapter 1\nRelations improved in March.', 'x.txt', '2018-01-01', 'period.edition-year', undefined],
    ['Defense White Paper 2021\nThe year saw tension.', 'x.txt', '2020-01-01', 'period.edition-year', undefined],
    ['Annual Report 2016\nThe organisation grew in 2016 and 2017.', 'x.txt', '2016-01-01', 'period.edition-year', undefined],
    ['Country Reports on Terrorism 2019\nChapter 1\nAttacks fell in March.', 'x.txt', '2019-01-01', 'period.edition-year', undefined],
    ['Country Reports on Human Rights Practices for 2021\nThe government held elections in 2022.', 'x.txt', '2021-01-01', 'period.edition-year', undefined],
    ['2018 in Review\nTrade grew in 2019 too.', 'x.txt', '2018-01-01', 'period.edition-year', undefined],
    // An edition on a financial year: July of its first year (the end is checked below).
    ['Annual Report 2020–21\nGrants grew in March.', 'x.txt', '2020-07-01', 'period.edition-year', undefined],
    ['Review of the Annual Report 2019-20\nCanberra, 4 December 2020', 'x.txt', '2019-07-01', 'period.edition-year', undefined],
    ['Budget Statement for the Financial Year 2021/22\nGrants grew in March.', 'x.txt', '2021-07-01', 'period.edition-year', undefined],
    // The year's last day named in the text says whether it runs from April or from July.
    ['Annual Report 2022–23\nThe year to 31 March 2023 saw grants grow in May.', 'x.txt', '2022-04-01', 'period.edition-year', undefined],
    ['Annual Report 2022–23\nIn the year ending March 31, 2023, grants grew.', 'x.txt', '2022-04-01', 'period.edition-year', undefined],
    ['Annual Report 2022–23\nThe year to 30 June 2023 saw grants grow in May.', 'x.txt', '2022-07-01', 'period.edition-year', undefined],
    ['Budget Statement for the Financial Year 2021/22\nSpending to 31 March 2022 rose.', 'x.txt', '2021-04-01', 'period.edition-year', undefined],
    // 31 March of the first year, or both days named, say nothing.
    ['Annual Report 2022–23\nBy 31 March 2022 the plan was set; 30 June 2023 closed it.', 'x.txt', '2022-07-01', 'period.edition-year', undefined],
    ['Annual Report 2022–23\nOn 31 March 2023 and 30 June 2023 reports were filed.', 'x.txt', '2022-07-01', 'period.edition-year', undefined],
    // Negatives: a second year that is not the next, or a code, leaves the calendar year.
    ['Budget Statement for the financial year 2021/25\nThe plan was adopted in 2019.', 'x.txt', '2021-01-01', 'period.latest-year', undefined],
    ['Annual Report 2020–24\nGrants grew.', 'x.txt', '2020-01-01', 'period.edition-year', undefined],
    ['Annual Report 2020-21A\nGrants grew.', 'x.txt', '2020-01-01', 'period.edition-year', undefined],
    // A title naming a year it does not cover.
    ['Preparing the Agenda 2030 Report\nWe met in 2016.', 'x.txt', '2016-01-01', 'period.latest-year', undefined],
    ['Report of the Panel\nThe panel met in 2016 and reported in 2017.', 'x.txt', '2017-01-01', 'period.latest-year', undefined],
    ['The reports of the panel came out in 2019.\n\nThe panel met in 2016 and reported in 2020.', 'x.txt', '2020-01-01', 'period.latest-year', undefined],
    ['Statement by the Foreign Minister\nNew York, 24 September 2019\nMr. President, I thank you.', 'x.txt', '2019-01-01', 'period.dateline', '2019-09-24'],
    ['Press release\nMarch 3, 2021\nThe ministry announced talks.', 'x.txt', '2021-01-01', 'period.dateline', '2021-03-03'],
    ['GENEVA, 3 May 2022 — The talks resumed after a pause.', 'x.txt', '2022-01-01', 'period.dateline', '2022-05-03'],
    ['Tokyo (Kyodo) - March 3, 2023 - The ministry said it would respond.', 'x.txt', '2023-01-01', 'period.dateline', '2023-03-03'],
    ['Press release\nMonday, 12 June 2023\nThe minister travelled to Nairobi.', 'x.txt', '2023-01-01', 'period.dateline', '2023-06-12'],
    ['Date: 2021-04-05\nMinutes of the committee', 'x.txt', '2021-01-01', 'period.dateline', '2021-04-05'],
    // Abbreviated months, ordinal days, slashes.
    ['WASHINGTON, Sept. 24, 2019 — The talks resumed after a pause.', 'x.txt', '2019-01-01', 'period.dateline', '2019-09-24'],
    ['Press release\n3rd Mar 2021\nThe ministry announced talks.', 'x.txt', '2021-01-01', 'period.dateline', '2021-03-03'],
    ['Statement\nthe 14th of February, 2018\nThe ministry announced talks.', 'x.txt', '2018-01-01', 'period.dateline', '2018-02-14'],
    ['Date: 2021/04/05\nMinutes of the committee', 'x.txt', '2021-01-01', 'period.dateline', '2021-04-05'],
    ['Security Council\n8561st meeting\nTuesday, 9 July 2019, 10 a.m.\nNew York', 'x.txt', '2019-01-01', 'period.dateline', '2019-07-09'],
    ['Minutes\nMonday, 3 March 2025 at 14:30\nThe sitting opened.', 'x.txt', '2025-01-01', 'period.dateline', '2025-03-03'],
    ['Published: 17 Oct 2019 10:32 BST\nThe minister resigned.', 'x.txt', '2019-01-01', 'period.dateline', '2019-10-17'],
    ['From: Embassy\nDate: Tue, 3 Mar 2020 10:32:11 +0100\nSubject: Talks\nThe talks resumed.', 'x.txt', '2020-01-01', 'period.dateline', '2020-03-03'],
    // A date with a clock time inside a sentence is not a dateline.
    ['The meeting of Tuesday, 9 July 2019, 10 a.m. was postponed. We met in 2020.', 'speech.txt', '2020-01-01', 'period.latest-year', undefined],
    // An abbreviated date told in prose is not a dateline.
    ['The envoy, who arrived on Mar. 3, 2021, met the minister. We met in 2022.', 'speech.txt', '2022-01-01', 'period.latest-year', undefined],
    // Dates told in the first paragraphs' prose are what the text is about, not when it was written.
    ['Our Organization, born on 24 October 1945, must change. We met in 2014 and 2015.', 'ECU_70_2015.txt', '2015-01-01', 'period.filename-year', undefined],
    ['The Charter was signed on 26 June 1945.\nWe met in 2014 and again in 2016.', 'speech.txt', '2016-01-01', 'period.latest-year', undefined],
    ['On 11 September 2001 the world changed. Since then we have met in 2016 and 2017.', 'speech.txt', '2017-01-01', 'period.latest-year', undefined],
    ['We met in 2014. The accord of 2017 holds. Its review is due in 2019.', 'speech.txt', '2019-01-01', 'period.latest-year', undefined],
    // Years the text looks ahead to say nothing of when it was written.
    ['We met in 2014. The 2030 Agenda guides us, and by 2050 emissions must fall.', 'speech.txt', '2014-01-01', 'period.latest-year', undefined],
    ['Elections were held in 2015. The summit in 2016 will decide the matter.', 'speech.txt', '2015-01-01', 'period.latest-year', undefined],
    ['We adopted the plan in 2016 for the period 2016–2030, under Vision 2063.', 'speech.txt', '2016-01-01', 'period.latest-year', undefined],
    ['We signed in 2017. In 2019 we will host the conference, and cuts of 2025, 2030 and beyond are promised.', 'speech.txt', '2017-01-01', 'period.latest-year', undefined],
    ['Only the 2030 Agenda is named.', 'speech.txt', '2030-01-01', 'period.none', undefined],
    ['We met last year and will meet again.', 'JPN_74_2019.txt', '2019-01-01', 'period.filename-year', undefined],
    ['We met in 2014. Our post-2020 pledge stands, and we seek a seat for the 2018-2020 term.', 'speech.txt', '2014-01-01', 'period.latest-year', undefined],
    ['We met in 2014. We propose to meet every three years from 2017 onwards.', 'speech.txt', '2014-01-01', 'period.latest-year', undefined],
    ['We met in 2014. At the end of my term in 2018, I hope to leave a cleaner country.', 'speech.txt', '2014-01-01', 'period.latest-year', undefined],
    ['We met in 2014. The Organization will review its strategy on the protection of civilians during the summer of 2016.', 'speech.txt', '2014-01-01', 'period.latest-year', undefined],
    // A numbered session names its year: session N of the General Assembly opens in 1945 + N.
    ['I congratulate you on your election to preside over the seventy-first session of the General Assembly. We met in 2014.', 'speech.txt', '2016-01-01', 'period.numbered-session', undefined],
    ['The General Assembly at its 68th session adopted the text; in this seventy- third session we go further.', 'speech.txt', '2018-01-01', 'period.numbered-session', undefined],
    ['The delegation spoke at WHA75 on pandemic preparedness.', 'statement.txt', '2022-01-01', 'period.numbered-session', undefined],
    ['The 52nd session of the Human Rights Council heard the report.', 'statement.txt', '2023-01-01', 'period.numbered-session', undefined],
    ['The Assembly met under the General Assembly rules. At this seventieth session, the Assembly must act.', 'speech.txt', '2015-01-01', 'period.numbered-session', undefined],
    // A session told as past is not the one the text is given at: for a body meeting once a year, that is the next.
    ['I thank Mr. Kutesa, President of the General Assembly at its sixty-ninth session, for his able leadership over the past year.', 'speech.txt', '2015-01-01', 'period.numbered-session', undefined],
    ['I pay tribute to your predecessor for his stewardship of the General Assembly at its seventy-first session.', 'speech.txt', '2017-01-01', 'period.numbered-session', undefined],
    ['During my address to the General Assembly at its seventy-second session (see A/72/PV.19), I spoke of peace.', 'speech.txt', '2018-01-01', 'period.numbered-session', undefined],
    ['We join previous speakers in congratulating the President of the General Assembly at its seventy-first session.', 'speech.txt', '2016-01-01', 'period.numbered-session', undefined],
    ['We congratulate you on your election to the presidency of the General Assembly at its seventieth session, and thank your predecessor.', 'speech.txt', '2015-01-01', 'period.numbered-session', undefined],
    ['I congratulate the President on his leadership of the General Assembly at its seventy-second session.', 'speech.txt', '2017-01-01', 'period.numbered-session', undefined],
    ['The Human Rights Council at its 52nd session, just concluded, adopted the text. We met in 2016.', 'statement.txt', '2016-01-01', 'period.latest-year', undefined],
    // Sessions the text looks ahead to, special sessions and sessions of bodies not in the table date nothing.
    ['The General Assembly will take the matter up at its seventy-fifth session. We met in 2017.', 'speech.txt', '2017-01-01', 'period.latest-year', undefined],
    ['The General Assembly held its twenty-sixth special session on HIV in 2001.', 'speech.txt', '2001-01-01', 'period.latest-year', undefined],
    ['The fiftieth session of the Commission on the Status of Women met in 2006.', 'speech.txt', '2006-01-01', 'period.latest-year', undefined],
    // A bare number is never taken for a body meeting three times a year.
    ['The Human Rights Council was praised; the seventy-second session lies ahead of us all. We met in 2016.', 'speech.txt', '2016-01-01', 'period.latest-year', undefined],
    // Anniversaries of dated events and agreements (data/named-events.tsv, data/agreements.tsv).
    ['This year we mark the seventieth anniversary of the Universal Declaration of Human Rights.', 'speech.txt', '2018-01-01', 'period.anniversary', undefined],
    ['We celebrate the seventieth anniversary of the United Nations, founded in San Francisco.', 'speech.txt', '2015-01-01', 'period.anniversary', undefined],
    ['Last year we marked the seventieth anniversary of the end of World War II.', 'speech.txt', '2016-01-01', 'period.anniversary', undefined],
    ['The seventy-fifth anniversary of the United Nations next year will be a moment to reflect.', 'speech.txt', '2019-01-01', 'period.anniversary', undefined],
    ['On the eve of the seventy-fifth anniversary of the United Nations we met in 2019.', 'speech.txt', '2019-01-01', 'period.latest-year', undefined],
    ['The thirtieth anniversary of the United Nations Convention on the Law of the Sea is marked.', 'speech.txt', '2012-01-01', 'period.anniversary', undefined],
    // A count of years since a dated moment, told in the present.
    ['Today we mark seventy-five years since our flag was first raised over the harbour, on 12 August 1948.', 'speech.txt', '2023-01-01', 'period.anniversary', undefined],
    ['It has been 20 years since the accord of 1995. We met in 2001.', 'speech.txt', '2015-01-01', 'period.anniversary', undefined],
    // Told in the past, or ahead, it says nothing of the text's own year.
    ['It was ten years since he had left in 1990. We met in 2001.', 'speech.txt', '2001-01-01', 'period.latest-year', undefined],
    ['Next year it will be fifty years since the treaty of 1975. We met in 2020.', 'speech.txt', '2020-01-01', 'period.latest-year', undefined],
    // "its" anniversary: of what its sentence named last; "the Organization" as the one institution of known founding the text names.
    ['The Universal Declaration of Human Rights, which celebrates its seventieth anniversary this year, guides us.', 'speech.txt', '2018-01-01', 'period.anniversary', undefined],
    ['The United Nations is here to stay. As we mark the seventieth anniversary of our Organization, we met in 2001.', 'speech.txt', '2015-01-01', 'period.anniversary', undefined],
    ["The United Nations is here to stay. We celebrate the Organization's seventieth anniversary.", 'speech.txt', '2015-01-01', 'period.anniversary', undefined],
    ['The seventieth anniversary of our Organization is here. We met in 2001.', 'speech.txt', '2001-01-01', 'period.latest-year', undefined],
    ['The seventieth anniversary of our organization is near. We met in 2001.', 'speech.txt', '2001-01-01', 'period.latest-year', undefined],
    // "the Organization": the institution the text names most, when it names it at least twice as often as any other.
    ['The United Nations and the United Nations family, with the Human Rights Council: we mark the seventieth anniversary of our Organization.', 'speech.txt', '2015-01-01', 'period.anniversary', undefined],
    ['The United Nations and the Human Rights Council: we mark the seventieth anniversary of our Organization. We met in 2001.', 'speech.txt', '2001-01-01', 'period.latest-year', undefined],
    // Anniversaries told of the past or drawn near, and counts that are measures or rates, date nothing.
    ['The United Nations celebrated its seventieth anniversary at a time of turbulence. We met in 2016.', 'speech.txt', '2016-01-01', 'period.latest-year', undefined],
    ['As he said on the occasion of the fiftieth anniversary of the United Nations, we must act. We met in 2016.', 'speech.txt', '2016-01-01', 'period.latest-year', undefined],
    ['As the United Nations nears its seventy-fifth anniversary, we met in 2019.', 'speech.txt', '2019-01-01', 'period.latest-year', undefined],
    ['We are a year away from the fiftieth anniversary of the Treaty on the Non-Proliferation of Nuclear Weapons. We met in 2017.', 'speech.txt', '2017-01-01', 'period.latest-year', undefined],
    ['As the seventy-fifth anniversary of the end of the Second World War approaches, we met in 2019.', 'speech.txt', '2019-01-01', 'period.latest-year', undefined],
    ['Life expectancy has increased by 20 years since 2001. We met in 2014.', 'speech.txt', '2014-01-01', 'period.latest-year', undefined],
    ['Elections are held every five years since 1993. We met in 2014.', 'speech.txt', '2014-01-01', 'period.latest-year', undefined],
    ['In the four years since its launch, we have worked for the 2030 Agenda. We met in 2014.', 'speech.txt', '2014-01-01', 'period.latest-year', undefined],
    // A count of years back to a moment of known year, told in the present.
    ['Seventy years ago, the founders created the United Nations. We met in 2001.', 'speech.txt', '2015-01-01', 'period.years-counted', undefined],
    ['It is now 30 years since the adoption of the Montreal Protocol. We met in 2001.', 'speech.txt', '2017-01-01', 'period.years-counted', undefined],
    ['Almost 70 years ago, the United Nations was founded. We met in 2001.', 'speech.txt', '2001-01-01', 'period.latest-year', undefined],
    // A numbered session and the other cues that agree date the text; when every other cue names one other year, that year.
    ['We thank the President of the sixty-ninth session of the General Assembly. We mark the seventieth anniversary of the United Nations.', 'speech.txt', '2015-01-01', 'period.anniversary', undefined],
    ['We hope for the seventy-first session of the General Assembly. We mark the seventieth anniversary of the United Nations. Seventy years ago, the founders created the United Nations.', 'speech.txt', '2015-01-01', 'period.anniversary', undefined],
    ['At the sixty-ninth session of the General Assembly. We mark the seventieth anniversary of the United Nations. Three years ago, we adopted the 2030 Agenda.', 'speech.txt', '2030-01-01', 'period.none', undefined],
    ['At this seventieth session of the General Assembly we mark the seventieth anniversary of the United Nations.', 'speech.txt', '2015-01-01', 'period.numbered-session', undefined],
    // A moment of known year told as this year or last year.
    ['Last year, the Assembly adopted the 2030 Agenda. We met in 2001.', 'speech.txt', '2016-01-01', 'period.event-this-year', undefined],
    ['The Paris Agreement must enter into force this year. We met in 2001.', 'speech.txt', '2001-01-01', 'period.latest-year', undefined],
    // Cues that agree date the text; cues that disagree leave it undated, whatever the latest year it names.
    ['We mark the seventieth anniversary of the United Nations. Seventy years ago, we adopted the Charter of the United Nations.', 'speech.txt', '2015-01-01', 'period.anniversary', undefined],
    ['We mark the seventieth anniversary of the United Nations. Three years ago, we adopted the 2030 Agenda. We met in 2014.', 'speech.txt', '2030-01-01', 'period.none', undefined],
    // A name that goes on is a longer name, not the institution: no anniversary of the United Nations' founding.
    ['The fortieth anniversary of the United Nations University campus fell in 2016.', 'speech.txt', '2016-01-01', 'period.latest-year', undefined],
  ];
  it.each(cases)('%s', (text, source, start, rule, dct) => {
    const { period } = inferPeriod(doc(text, source), {}, fixedNow);
    expect(period.start).toBe(start);
    expect(period.rule).toBe(rule);
    expect(period.dct).toBe(dct);
    expect(period.reason.length).toBeGreaterThan(0);
  });

  it('does not take percentages, ranges or hashes for years', () => {
    const { period, messages } = inferPeriod(doc('Growth was 2020% of 1999-2000 levels, code 85e4d2915355b8c7.', 'a85e4d2019355b.txt'), {}, fixedNow);
    expect(period.rule).toBe('period.none');
    expect(period.start).toBe('2030-01-01');
    expect(messages[0]!.rule).toBe('period.none');
  });

  it('warns when only the latest year mentioned dates the text, and not when a stronger cue does', () => {
    const guessed = inferPeriod(doc('The panel met in 2016 and reported in 2017.', 'x.txt'), {}, fixedNow);
    expect(guessed.period.rule).toBe('period.latest-year');
    expect(guessed.messages.map((m) => [m.rule, m.severity])).toEqual([['period.latest-year', 'warning']]);
    expect(guessed.messages[0]!.message).toMatch(/guessed 2017.*--period/);
    const titled = inferPeriod(doc('Annual Report 2016\nThe organisation grew in 2016 and 2017.', 'x.txt'), {}, fixedNow);
    expect(titled.messages).toEqual([]);
  });

  it('tells the user when the other cues overrule the session the text names', () => {
    const { period, messages } = inferPeriod(doc('At the sixty-ninth session of the General Assembly. We mark the seventieth anniversary of the United Nations.', 'speech.txt'), {}, fixedNow);
    expect(period.start).toBe('2015-01-01');
    expect(messages).toHaveLength(1);
    expect(messages[0]!.message).toMatch(/not 2014 by the session/);
  });

  it('records evidence spans that slice to the text', () => {
    const d = doc('Diplomatic Bluebook 2023\nChapter 2');
    const { period } = inferPeriod(d);
    expect(d.text.slice(period.evidence!.start, period.evidence!.end)).toBe('Diplomatic Bluebook 2023');
  });

  it('applies overrides', () => {
    const d = doc('Diplomatic Bluebook 2023');
    expect(inferPeriod(d, { period: '2021' }).period).toMatchObject({ start: '2021-01-01', end: '2021-12-31', rule: 'period.override' });
    expect(inferPeriod(d, { period: '2022-02' }).period).toMatchObject({ start: '2022-02-01', end: '2022-02-28' });
    expect(inferPeriod(d, { period: '2022-01-01..2022-06-30' }).period).toMatchObject({ start: '2022-01-01', end: '2022-06-30' });
    expect(inferPeriod(d, { dct: '2022-09-20' }).period).toMatchObject({ start: '2022-01-01', dct: '2022-09-20', rule: 'period.override' });
  });

  // One shape whichever rule decided: every key present (undefined when absent), in one order.
  const keys = ['start', 'end', 'dct', 'rule', 'reason', 'evidence'];
  const shapes: Array<[string, string, string, { period?: string; dct?: string }]> = [
    ['edition year', 'Diplomatic Bluebook 2019\nChapter 1', 'x.txt', {}],
    ['dateline', 'Statement\nNew York, 24 September 2019\nMr. President.', 'x.txt', {}],
    ['file name', 'We met last year.', 'JPN_74_2019.txt', {}],
    ['latest year', 'We met in 2014 and 2017.', 'speech.txt', {}],
    ['no year', 'We met last year.', 'speech.txt', {}],
    ['numbered session', 'At this seventieth session of the General Assembly we met.', 'speech.txt', {}],
    ['anniversary', 'We mark the seventieth anniversary of the United Nations.', 'speech.txt', {}],
    ['years counted', 'Seventy years ago, the founders created the United Nations.', 'speech.txt', {}],
    ['event this year', 'Last year, the Assembly adopted the 2030 Agenda.', 'speech.txt', {}],
    ['cues disagree', 'We mark the seventieth anniversary of the United Nations. Three years ago, we adopted the 2030 Agenda.', 'speech.txt', {}],
    ['session and cues disagree', 'At the sixty-ninth session of the General Assembly. We mark the seventieth anniversary of the United Nations.', 'speech.txt', {}],
    ['year override', 'x', 'x.txt', { period: '2021' }],
    ['month override', 'x', 'x.txt', { period: '2022-02' }],
    ['range override', 'x', 'x.txt', { period: '2022-01-01..2022-06-30' }],
    ['dct override', 'x', 'x.txt', { dct: '2022-09-20' }],
    ['dct and period override', 'x', 'x.txt', { dct: '2022-09-20', period: '2022-03' }],
  ];
  it.each(shapes)('gives a period of one shape (%s)', (_name, text, source, override) => {
    expect(Object.keys(inferPeriod(doc(text, source), override, fixedNow).period)).toEqual(keys);
  });

  it.each(['22', '2022-13', '2022-06-31..2022-01-01', 'last year'])('rejects a malformed override "%s"', (p) => {
    expect(() => inferPeriod(doc('x'), { period: p })).toThrow(RangeError);
  });
  it('rejects an impossible --dct', () => {
    expect(() => inferPeriod(doc('x'), { dct: '2022-02-30' })).toThrow(/YYYY-MM-DD/);
  });

  it('never throws on any text, and its evidence always slices the text to a span with a year, an ordinal or a count of years in it', () => {
    const words = fc.constantFrom('the', 'seventy-first', 'seventieth', '71st', 'session', 'of', 'General', 'Assembly', 'anniversary',
      'United', 'Nations', 'Charter', 'by', '2030', '1994', 'since', 'last', 'next', 'year', 'WHA75', 'HRC52', 'special', '—', ',', '.', '\n',
      'Report', 'for', '2021', 'in', 'Review', 'Sept.', '24,', '2019', '10', 'a.m.', 'Human', 'Rights', 'Council', 'will', 'eve',
      'Seventy', 'years', 'ago', 'after', 'founded', 'its', 'Organization', 'adopted', 'Paris', 'Agreement', "year's", 'celebrates');
    fc.assert(fc.property(fc.array(words, { maxLength: 40 }), fc.string({ maxLength: 30 }), (ws, noise) => {
      const d = doc(`${ws.join(' ')} ${noise}`, 'speech.txt');
      const { period } = inferPeriod(d, {}, fixedNow);
      expect(period.start <= period.end).toBe(true);
      if (period.evidence) {
        const cut = d.text.slice(period.evidence.start, period.evidence.end);
        expect(cut.length).toBe(period.evidence.end - period.evidence.start);
        expect(/\d|[a-z]+(?:th|st|nd|rd)\b|\byears?\b/i.test(cut)).toBe(true);
      }
    }), { numRuns: 300 });
  });
});
