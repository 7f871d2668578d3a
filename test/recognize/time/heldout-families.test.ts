import { describe, expect, it } from 'vitest';
import { recognizeTimexes } from '../../../src/recognize/recognize-timexes.js';
import { resolveTimexes } from '../../../src/resolve/resolve-timexes.js';
import { makeTimedDoc } from '../../helpers/make-timed-doc.js';

interface Case {
  text: string;
  period?: string;
  dct?: string;
  style?: 'report' | 'timeml';
  /** How the pipeline decided the period, when not given: 'period.latest-year' is its guess for an undated text. */
  rule?: 'period.latest-year';
  expect: { text: string; type: string; value: string; mod?: string }[];
}

function run(c: Case) {
  const { doc, seg } = makeTimedDoc(c.text, { ...(c.period ? { period: c.period } : {}), ...(c.dct ? { dct: c.dct } : {}) });
  if (c.rule) doc.period.rule = c.rule;
  return resolveTimexes(doc, seg, recognizeTimexes(doc, seg, { style: c.style ?? 'report' })).timexes;
}

// Families of texts the TimeML news corpora lack (narratives, speeches, minutes, reports): each row is a rule.
const FAMILIES: Record<string, Case[]> = {
  '"the week before" a name or a day is no offset from the last date': [
    { text: 'They met the week before Christmas.', dct: '2023-03-01', expect: [{ text: 'Christmas', type: 'DATE', value: '2022-12-25' }] },
    { text: 'The year before Brexit was calm.', dct: '2023-03-01', expect: [] },
    // "the day before" a day named is the day before that one (as AQUAINT marks "day before last Tuesday").
    { text: 'The day before Tuesday it rained.', dct: '2023-03-01', expect: [{ text: 'day before Tuesday', type: 'DATE', value: '2023-02-27' }] },
    // Negative: standing alone, "the day before" still counts back from the last date.
    { text: 'It rained on Oct. 12.\nHe came the day before.', dct: '2023-03-01', expect: [{ text: 'Oct. 12', type: 'DATE', value: '2022-10-12' }, { text: 'the day before', type: 'DATE', value: '2022-10-11' }] },
    { text: 'It rained on Oct. 12.\nThe week before, the roads were dry.', dct: '2023-03-01', expect: [{ text: 'Oct. 12', type: 'DATE', value: '2022-10-12' }, { text: 'The week before', type: 'DATE', value: '2022-W40' }] },
  ],
  'an undated narrative anchors a year-less date on the dates it tells, running forward': [
    // The pipeline's guess for an undated text is the latest year it mentions (here 1990); the story is in 1962-63.
    { text: 'In 1962 the two sides met.\nIn October talks opened on 8 October.\nBy the end of May they had a draft.\nIt was revised in 1990.', period: '1990', rule: 'period.latest-year', expect: [
      { text: '1962', type: 'DATE', value: '1962' }, { text: 'October', type: 'DATE', value: '1962-10' }, { text: '8 October', type: 'DATE', value: '1962-10-08' },
      { text: 'the end of May', type: 'DATE', value: '1963-05', mod: 'END' }, { text: '1990', type: 'DATE', value: '1990' }] },
    { text: 'They left in November 1911.\nOn Christmas Day they reached the plateau.\nBy mid-January the food ran low.', period: '1911', rule: 'period.latest-year', expect: [
      { text: 'November 1911', type: 'DATE', value: '1911-11' }, { text: 'Christmas Day', type: 'DATE', value: '1911-12-25' }, { text: 'mid-January', type: 'DATE', value: '1912-01', mod: 'MID' }] },
    { text: 'The talks began in May 2021.\nFrom May to March they went on.', expect: [{ text: 'May 2021', type: 'DATE', value: '2021-05' }, { text: 'May to March', type: 'DATE', value: '2021-05/2022-03' }] },
    // Negatives: a report's period (stated, not guessed) still holds a bare month, and a date after the one told keeps its year.
    { text: 'In 1962 the two sides met.\nIn October talks opened.', period: '1990', expect: [{ text: '1962', type: 'DATE', value: '1962' }, { text: 'October', type: 'DATE', value: '1990-10' }] },
    { text: 'They left on 3 March 1911.\nIn June they came back.', period: '1911', rule: 'period.latest-year', expect: [{ text: '3 March 1911', type: 'DATE', value: '1911-03-03' }, { text: 'June', type: 'DATE', value: '1911-06' }] },
    // In a speech with a stated period, dates in one sentence come in any order: the year of the one before.
    { text: 'After the summit in December 2019, and the meeting in October, we met.', period: '2019', expect: [{ text: 'December 2019', type: 'DATE', value: '2019-12' }, { text: 'October', type: 'DATE', value: '2019-10' }] },
    { text: 'After the summit in December 1911, and the meeting in October, they met.', expect: [{ text: 'December 1911', type: 'DATE', value: '1911-12' }, { text: 'October', type: 'DATE', value: '1912-10' }] },
  ],
  '"that October", "the following spring": a month or season counted from the date last told': [
    { text: 'In 1962 the sides met.\nThat October talks opened.', dct: '1995-05-01', expect: [{ text: '1962', type: 'DATE', value: '1962' }, { text: 'That October', type: 'DATE', value: '1962-10' }] },
    { text: 'In 1962 the sides met.\nTalks opened in that October.', dct: '1995-05-01', expect: [{ text: '1962', type: 'DATE', value: '1962' }, { text: 'that October', type: 'DATE', value: '1962-10' }] },
    { text: 'Through the winter of 1962 the fleets stayed in port.\nThe following spring the envoys met.', expect: [{ text: 'the winter of 1962', type: 'DATE', value: '1962-WI' }, { text: 'The following spring', type: 'DATE', value: '1963-SP' }] },
    { text: 'The ship sailed on 12 November 1911.\nThe relief came the following March.', expect: [{ text: '12 November 1911', type: 'DATE', value: '1911-11-12' }, { text: 'the following March', type: 'DATE', value: '1912-03' }] },
    { text: 'The ship sailed in March 1911.\nThe following March she sailed again.', expect: [{ text: 'March 1911', type: 'DATE', value: '1911-03' }, { text: 'The following March', type: 'DATE', value: '1912-03' }] },
    { text: 'The treaty was signed in May 1990.\nThe previous autumn had been calm.', expect: [{ text: 'May 1990', type: 'DATE', value: '1990-05' }, { text: 'The previous autumn', type: 'DATE', value: '1989-FA' }] },
    // With no date told, from the document's own.
    { text: 'The next spring will be decisive.', dct: '2023-06-10', expect: [{ text: 'The next spring', type: 'DATE', value: '2024-SP' }] },
    // Negatives: "that" as a conjunction leaves the month to the document's date; "the following" before no month or season is no date.
    { text: 'In 1962 the sides met.\nOfficials said that March sales rose.', dct: '1995-05-01', expect: [{ text: '1962', type: 'DATE', value: '1962' }, { text: 'March', type: 'DATE', value: '1995-03' }] },
    { text: 'The following spring water is sold here.', dct: '2023-06-10', expect: [] },
    { text: 'They sold the following spring collection.', dct: '2023-06-10', expect: [] },
    // A noun and a past verb after the season: the clause the season sets in time.
    { text: 'In 1990 the war began.\nThe following spring riots broke out.', expect: [{ text: '1990', type: 'DATE', value: '1990' }, { text: 'The following spring', type: 'DATE', value: '1991-SP' }] },
    { text: 'In 1990 the war began, and the following winter prices soared.', expect: [{ text: '1990', type: 'DATE', value: '1990' }, { text: 'the following winter', type: 'DATE', value: '1991-WI' }] },
  ],
  'a season labelling an entry of a chronology, under the year it is listed in': [
    { text: '2017\n12 January: The statute is signed.\nSpring: Two parliaments ratify it.', expect: [
      { text: '2017', type: 'DATE', value: '2017' }, { text: '12 January', type: 'DATE', value: '2017-01-12' }, { text: 'Spring', type: 'DATE', value: '2017-SP' }] },
    { text: '2017\n- Autumn \u2014 the first survey of fish stocks.', expect: [{ text: '2017', type: 'DATE', value: '2017' }, { text: 'Autumn', type: 'DATE', value: '2017-FA' }] },
    // Negatives: a name ending in a season, a season heading a sentence with no label mark, a season later in the line.
    { text: 'Prague Spring: a history of 1968', expect: [{ text: '1968', type: 'DATE', value: '1968' }] },
    { text: '2017\nSpring rains flooded the valley.', expect: [{ text: '2017', type: 'DATE', value: '2017' }] },
    { text: 'Notes on the spring: water quality', expect: [] },
  ],
  '"country of the year": a title given for the unit is no time': [
    { text: 'Uruguay was named country of the year.', dct: '2019-10-10', expect: [] },
    { text: "The magazine's book of the year sold well.", dct: '2019-10-10', expect: [] },
    { text: 'He won the player of the month award.', dct: '2019-10-10', expect: [] },
    { text: 'The weekly named her Person of the Year.', dct: '2019-10-10', expect: [] },
    // Negatives: a part of the unit, or a noun with no mark of a title, keeps the time.
    { text: 'It was named by the end of the year.', dct: '2019-10-10', expect: [{ text: 'the end of the year', type: 'DATE', value: '2019', mod: 'END' }] },
    { text: 'It was the highlight of the year.', dct: '2019-10-10', expect: [{ text: 'the year', type: 'DATE', value: '2019' }] },
    { text: 'Prices were chosen in the first month of the year.', dct: '2019-10-10', expect: [{ text: 'the year', type: 'DATE', value: '2019' }] },
  ],
  '"the first week of May": a few days at one edge of a month or year are that month or year with the edge\'s mod': [
    { text: 'The talks will open in the first week of May.', dct: '2019-10-10', expect: [{ text: 'the first week of May', type: 'DATE', value: '2020-05', mod: 'START' }] },
    { text: 'Prices rose in the last two weeks of March.', dct: '2019-10-10', expect: [{ text: 'the last two weeks of March', type: 'DATE', value: '2019-03', mod: 'END' }] },
    { text: 'Sales fell in the last days of 2018.', dct: '2019-10-10', expect: [{ text: 'the last days of 2018', type: 'DATE', value: '2018', mod: 'END' }] },
    // Negatives: a week inside the month names no edge, and days of no date stay unmarked.
    { text: 'Talks resumed in the second week of May.', dct: '2019-10-10', expect: [{ text: 'May', type: 'DATE', value: '2019-05' }] },
    { text: 'The first days of the war were calm.', dct: '2019-10-10', expect: [] },
  ],
  '"will take weeks", "lasted hours": a bare plural unit after a verb of lasting is a span of unstated length': [
    { text: 'Repairs will take weeks.', dct: '2019-10-10', expect: [{ text: 'weeks', type: 'DURATION', value: 'PXW' }] },
    { text: 'The talks lasted hours.', dct: '2019-10-10', expect: [{ text: 'hours', type: 'DURATION', value: 'PTXH' }] },
    { text: 'It took minutes to clear the road.', dct: '2019-10-10', expect: [{ text: 'minutes', type: 'DURATION', value: 'PTXM' }] },
    // Negatives: minutes taken are a record, and "last" alone is the adjective of another rule.
    { text: 'The secretary will take minutes.', dct: '2019-10-10', expect: [] },
    { text: 'The weeks that followed were hard.', dct: '2019-10-10', expect: [] },
  ],
  '"every second year", "semi-annually": one in so many, and the hyphenated adverbs of a set': [
    { text: 'Reports shall be submitted every second year.', period: '2021', expect: [{ text: 'every second year', type: 'SET', value: 'P2Y' }] },
    { text: 'The board meets every third month.', period: '2021', expect: [{ text: 'every third month', type: 'SET', value: 'P3M' }] },
    { text: 'Contributions are payable semi-annually.', period: '2021', expect: [{ text: 'semi-annually', type: 'SET', value: 'P6M' }] },
    // Negatives: "every other week" as before, and a rate of an amount is no set.
    { text: 'It meets every other week.', period: '2021', expect: [{ text: 'every other week', type: 'SET', value: 'P2W' }] },
    { text: 'Sales rose 5% semi-annually.', period: '2021', expect: [] },
  ],
  '"a weeklong recess": a unit closed up with "long" is a length, as "day-long" is': [
    { text: 'Senators returned from a weeklong recess.', dct: '2021-03-03', expect: [{ text: 'weeklong', type: 'DURATION', value: 'P1W' }] },
    { text: 'A yearlong inquiry ended.', dct: '2021-03-03', expect: [{ text: 'yearlong', type: 'DURATION', value: 'P1Y' }] },
    // Negatives: words ending in "long" that name no unit, and the hyphenated form as before.
    { text: 'The oblong table did not belong here.', dct: '2021-03-03', expect: [] },
    { text: 'The day-long talks ended.', dct: '2021-03-03', expect: [{ text: 'day-long', type: 'DURATION', value: 'P1D' }] },
  ],
  '"Early 2018: the plan is adopted": a year set off by a colon and a space labels an entry': [
    { text: 'Early 2018: The plan is adopted.', period: '2019', expect: [{ text: 'Early 2018', type: 'DATE', value: '2018', mod: 'START' }] },
    { text: '2017\n2018: The plan is adopted.', period: '2019', expect: [{ text: '2017', type: 'DATE', value: '2017' }, { text: '2018', type: 'DATE', value: '2018' }] },
    // Negatives: a colon joining the year to what follows keeps it a reference or a ratio, not a year.
    { text: 'The ratio was 2018:12 at the close.', period: '2019', expect: [] },
    { text: 'See Acts 2018:3 for the rule.', period: '2019', expect: [] },
  ],
  '"January–March": the second of two months joined by a dash is a month, though "March" and "May" are verbs too': [
    { text: 'January\u2013March: talks continue.', period: '2019', expect: [{ text: 'January\u2013March', type: 'DATE', value: '2019-01/2019-03' }] },
    { text: 'Prices held in February\u2013May.', period: '2019', expect: [{ text: 'February\u2013May', type: 'DATE', value: '2019-02/2019-05' }] },
    // Negatives: the verbs after other words stay verbs.
    { text: 'In January protesters March through the town.', period: '2019', expect: [{ text: 'January', type: 'DATE', value: '2019-01' }] },
    { text: 'The parties may agree.', period: '2019', expect: [] },
  ],
  '"in spring", "by late fall": the ambiguous seasons bare after a preposition or an edge word': [
    { text: 'In spring, talks resumed.', period: '2019', expect: [{ text: 'spring', type: 'DATE', value: '2019-SP' }] },
    { text: 'In early spring, the talks resumed.', period: '2019', expect: [{ text: 'early spring', type: 'DATE', value: '2019-SP', mod: 'START' }] },
    { text: 'By late fall the deal was done.', period: '2019', expect: [{ text: 'late fall', type: 'DATE', value: '2019-FA', mod: 'END' }] },
    // Negatives: a noun after it makes it a modifier, and after other words it may be a fall or a source.
    { text: 'In spring water is plentiful.', period: '2019', expect: [] },
    { text: 'After fall the market rose.', period: '2019', expect: [] },
    { text: 'Early spring rains came.', period: '2019', expect: [] },
  ],
  '"Thursday last week", "Monday next week": the weekday of the week named': [
    { text: 'The Minister met him on Thursday last week.', dct: '2019-10-14', expect: [{ text: 'Thursday last week', type: 'DATE', value: '2019-10-10' }] },
    { text: 'Talks resume on Monday next week.', dct: '2019-10-14', expect: [{ text: 'Monday next week', type: 'DATE', value: '2019-10-21' }] },
    { text: 'The vote is on Friday this week.', dct: '2019-10-14', expect: [{ text: 'Friday this week', type: 'DATE', value: '2019-10-18' }] },
    // Negatives: a weekday and a week in separate phrases stay two expressions.
    { text: 'Last week, on Thursday, he left.', dct: '2019-10-14', expect: [{ text: 'Last week', type: 'DATE', value: '2019-W41' }, { text: 'Thursday', type: 'DATE', value: '2019-10-10' }] },
  ],
  'seasons of any year, and a season before a noun': [
    { text: 'The boom ended in the winter of 1873.', expect: [{ text: 'the winter of 1873', type: 'DATE', value: '1873-WI' }] },
    { text: 'The harvest failed in the autumn of 1846.', expect: [{ text: 'the autumn of 1846', type: 'DATE', value: '1846-FA' }] },
    { text: 'The summer was hot.', dct: '1990-05-05', expect: [{ text: 'The summer', type: 'DATE', value: '1990-SU' }] },
    // Negatives: a season modifying a noun, with no preposition before it, is no date.
    { text: 'The winter crossing took four months.', dct: '1990-05-05', expect: [{ text: 'four months', type: 'DURATION', value: 'P4M' }] },
    { text: 'The summer session opened.', dct: '1990-05-05', expect: [] },
  ],
  'sets: "each spring", "every winter"': [
    { text: 'It reports to parliament each spring.', dct: '1990-05-05', expect: [{ text: 'each spring', type: 'SET', value: 'XXXX-SP' }] },
    { text: 'Every winter the pass is closed.', dct: '1990-05-05', expect: [{ text: 'Every winter', type: 'SET', value: 'XXXX-WI' }] },
    { text: 'It publishes its accounts quarterly.', dct: '1990-05-05', expect: [{ text: 'quarterly', type: 'SET', value: 'P1Q' }] },
    // Negatives: before a noun the adverb is an adjective; "the spring of each year" needs a preposition before the season.
    { text: 'The spring of each year is wet.', dct: '1990-05-05', expect: [{ text: 'each year', type: 'SET', value: 'P1Y' }] },
    { text: 'It raised its quarterly dividend.', dct: '1990-05-05', expect: [] },
    { text: 'The monthly summaries are out.', dct: '1990-05-05', expect: [] },
  ],
  'clock times with a dot before the minutes': [
    { text: 'Held on 6 June 2024.\nThe chair opened the meeting at 9.30 a.m. and closed it at 12.45 p.m.', dct: '2024-06-06', expect: [
      { text: '6 June 2024', type: 'DATE', value: '2024-06-06' }, { text: '9.30 a.m.', type: 'TIME', value: '2024-06-06T09:30' }, { text: '12.45 p.m.', type: 'TIME', value: '2024-06-06T12:45' }] },
    { text: 'The train left at 7.05pm.', dct: '2024-06-06', expect: [{ text: '7.05pm', type: 'TIME', value: '2024-06-06T19:05' }] },
    // Negatives: a decimal without a.m. or p.m. is a figure, and minutes past 59 are no time.
    { text: 'Prices rose 9.30 percent, to 12.45.', dct: '2024-06-06', expect: [] },
    { text: 'It closed at 9.75 pm.', dct: '2024-06-06', expect: [] },
  ],
  'a time of day told in the past is not on a day still ahead': [
    { text: 'Held on 6 June 2024.\nFees are due by 30 September.\nThe meeting closed at 12.45 p.m.', dct: '2024-06-06', expect: [
      { text: '6 June 2024', type: 'DATE', value: '2024-06-06' }, { text: '30 September', type: 'DATE', value: '2024-09-30' }, { text: '12.45 p.m.', type: 'TIME', value: '2024-06-06T12:45' }] },
    // Negatives: in the future it is that day's; a past day mentioned before keeps it.
    { text: 'Held on 6 June 2024.\nThe vote is on 30 September.\nPolls will close at 8 p.m.', dct: '2024-06-06', expect: [
      { text: '6 June 2024', type: 'DATE', value: '2024-06-06' }, { text: '30 September', type: 'DATE', value: '2024-09-30' }, { text: '8 p.m.', type: 'TIME', value: '2024-09-30T20:00' }] },
    { text: 'The attack began on 2 June.\nIt ended at 8 p.m.', dct: '2024-06-06', expect: [{ text: '2 June', type: 'DATE', value: '2024-06-02' }, { text: '8 p.m.', type: 'TIME', value: '2024-06-02T20:00' }] },
  ],
  'in a report on one year, "the year" before any date is that year': [
    { text: 'Over the year, the Agency committed 212 million euros.', period: '2019', expect: [{ text: 'the year', type: 'DATE', value: '2019' }] },
    { text: 'The year 2015 was hard, and in the year 2000 it was worse.', period: '2016', expect: [{ text: 'The year 2015', type: 'DATE', value: '2015' }, { text: 'the year 2000', type: 'DATE', value: '2000' }] },
    // A count from the year has nothing to count from: "70 years later" with no date told is the duration alone.
    { text: 'Today, 70 years later, we meet again.', period: '2015', expect: [{ text: 'Today', type: 'DATE', value: 'PRESENT_REF' }, { text: '70 years', type: 'DURATION', value: 'P70Y' }] },
    { text: 'The following year the office moved.', period: '2019', expect: [{ text: 'The following year', type: 'DATE', value: 'XXXX' }] },
    // Negatives: after a date, from that date; with a guessed period, nothing to stand on.
    { text: 'In 2017 the office opened.\nThe following year it moved.', period: '2019', expect: [{ text: '2017', type: 'DATE', value: '2017' }, { text: 'The following year', type: 'DATE', value: '2018' }] },
    { text: 'Over the year, the Agency committed 212 million euros.', period: '2019', rule: 'period.latest-year', expect: [{ text: 'the year', type: 'DATE', value: 'XXXX' }] },
  ],
  'a verb in -ed after a name is a verb when a preposition follows it': [
    { text: 'Engineers worked through Wednesday night to repair the bridge.', dct: '2024-04-26', expect: [{ text: 'Wednesday night', type: 'TIME', value: '2024-04-24TNI' }] },
    { text: 'Crews laboured during Tuesday to clear the road.', dct: '2024-04-26', expect: [{ text: 'Tuesday', type: 'DATE', value: '2024-04-23' }] },
    // Negatives: the future stays ahead; a participle between a determiner and a noun is still an adjective.
    { text: 'Engineers will work through Wednesday night to repair the bridge.', dct: '2024-04-26', expect: [{ text: 'Wednesday night', type: 'TIME', value: '2024-05-01TNI' }] },
    { text: 'The Series H preferred shares will be redeemed on Tuesday.', dct: '2024-04-26', expect: [{ text: 'Tuesday', type: 'DATE', value: '2024-04-30' }] },
  ],
  'a pair of days written day first shares its month': [
    { text: 'She will travel to Riga from 20 to 23 March.', dct: '2023-03-14', expect: [{ text: '20 to 23 March', type: 'DATE', value: '2023-03-20/2023-03-23' }] },
    { text: 'The vote is between 10 and 12 June 2024.', dct: '2023-03-14', expect: [{ text: '10 and 12 June 2024', type: 'DATE', value: '2024-06-10/2024-06-12' }] },
    { text: 'She will travel to Riga from 20 to 23 March.', dct: '2023-03-14', style: 'timeml', expect: [{ text: '20', type: 'DATE', value: '2023-03-20' }, { text: '23 March', type: 'DATE', value: '2023-03-23' }] },
    // A dash written close joins them too, a hyphen or an en dash; the TimeML style keeps two dates.
    { text: 'Talks were held on 3-4 May 2022.', dct: '2023-03-14', expect: [{ text: '3-4 May 2022', type: 'DATE', value: '2022-05-03/2022-05-04' }] },
    { text: 'Experts met on 17\u201319 June.', dct: '2016-08-01', expect: [{ text: '17\u201319 June', type: 'DATE', value: '2016-06-17/2016-06-19' }] },
    { text: 'Experts met on 17-19 June.', dct: '2016-08-01', style: 'timeml', expect: [{ text: '17', type: 'DATE', value: '2016-06-17' }, { text: '19 June', type: 'DATE', value: '2016-06-19' }] },
    // Negatives: numbers before a comma are left as they were; a figure is no day; a hyphen after a longer number,
    // a decimal or a year keeps the day after it a code's part.
    { text: 'Aged 20 to 25, March recruits trained.', dct: '2023-03-14', expect: [] },
    { text: 'See pages 112-19 June reports.', dct: '2023-03-14', expect: [{ text: 'June', type: 'DATE', value: '2023-06' }] },
    { text: 'The code 2020-19 June was filed.', dct: '2023-03-14', expect: [{ text: 'June', type: 'DATE', value: '2022-06' }] },
    { text: 'Shares rose 10.30-11 May traders said.', dct: '2023-03-14', expect: [] },
    { text: 'Prices rose from 40 to 45 in March.', dct: '2023-03-14', expect: [{ text: 'March', type: 'DATE', value: '2023-03' }] },
  ],
  'the middle or end of "the century": the century last told': [
    { text: 'It grew after 1815, and by the middle of the century it handled a third of the trade.', expect: [{ text: '1815', type: 'DATE', value: '1815' }, { text: 'the middle of the century', type: 'DATE', value: '18', mod: 'MID' }] },
    { text: 'By the end of the century, emissions must fall.', dct: '2023-05-01', expect: [{ text: 'the end of the century', type: 'DATE', value: '20', mod: 'END' }] },
    // Negatives: "the century" alone, or ahead, stays a figure of speech.
    { text: 'In 1815 the century was young.', expect: [{ text: '1815', type: 'DATE', value: '1815' }] },
    { text: 'The century ahead is ours.', dct: '2023-05-01', expect: [] },
  ],
  'TimeML style: "three days later" is the duration "three days"': [
    { text: 'Talks opened on 4 May.\nThree days later the garrisons fired.', dct: '1990-01-01', style: 'timeml', expect: [{ text: '4 May', type: 'DATE', value: '1989-05-04' }, { text: 'Three days', type: 'DURATION', value: 'P3D' }] },
    { text: 'Five years afterwards it was the border.', dct: '1990-01-01', style: 'timeml', expect: [{ text: 'Five years', type: 'DURATION', value: 'P5Y' }] },
    // The report style marks it the same way (its range keeps the day reached, test/resolve); "a year earlier", a
    // comparison, stays a date in both; "ago" too.
    { text: 'Talks opened on 4 May.\nThree days later the garrisons fired.', dct: '1990-01-01', expect: [{ text: '4 May', type: 'DATE', value: '1989-05-04' }, { text: 'Three days', type: 'DURATION', value: 'P3D' }] },
    { text: 'Profit rose in the third quarter.\nSales were flat a year earlier.', dct: '1989-10-20', style: 'timeml', expect: [{ text: 'the third quarter', type: 'DATE', value: '1989-Q3' }, { text: 'a year earlier', type: 'DATE', value: '1988-Q3' }] },
    { text: 'He left three days ago.', dct: '1990-01-10', style: 'timeml', expect: [{ text: 'three days ago', type: 'DATE', value: '1990-01-07' }] },
  ],
  'midsummer, mid-winter: the middle of a season': [
    { text: 'On 4 May 1935 a shepherd was shot.\nBy midsummer each side had moved a battalion.', expect: [{ text: '4 May 1935', type: 'DATE', value: '1935-05-04' }, { text: 'midsummer', type: 'DATE', value: '1935-SU', mod: 'MID' }] },
    { text: 'In mid-winter 1936 the passes closed.', expect: [{ text: 'mid-winter 1936', type: 'DATE', value: '1936-WI', mod: 'MID' }] },
    // Negatives: a title; "midsummers" and "summertime" are other words.
    { text: 'They staged A Midsummer Night\'s Dream.', dct: '1990-01-01', expect: [] },
    { text: 'Long midsummers passed.', dct: '1990-01-01', expect: [] },
  ],
  '"a year earlier" after a year named in its own sentence compares with that year': [
    { text: 'In the first quarter the service chartered eleven flights.\nAt the end of the year 212 remained, compared with 240 a year earlier.', period: '2021', expect: [
      { text: 'the first quarter', type: 'DATE', value: '2021-Q1' }, { text: 'the end of the year', type: 'DATE', value: '2021', mod: 'END' }, { text: 'a year earlier', type: 'DATE', value: '2020' }] },
    // Negative: with the quarter in its sentence, or only before it, the quarter a year back.
    { text: 'Net income rose in the third quarter.\nSales were flat from a year earlier.', dct: '1989-10-20', expect: [{ text: 'the third quarter', type: 'DATE', value: '1989-Q3' }, { text: 'a year earlier', type: 'DATE', value: '1988-Q3' }] },
    { text: 'In 1989, net income rose in the third quarter from a year earlier.', dct: '1989-10-20', expect: [{ text: '1989', type: 'DATE', value: '1989' }, { text: 'the third quarter', type: 'DATE', value: '1989-Q3' }, { text: 'a year earlier', type: 'DATE', value: '1988-Q3' }] },
  ],
  'a pair joined by "and" carries its stated year to the first date': [
    { text: 'In the summer and autumn of 1950 it rained.', expect: [{ text: 'the summer', type: 'DATE', value: '1950-SU' }, { text: 'autumn of 1950', type: 'DATE', value: '1950-FA' }] },
    { text: 'In May and June 2020 it snowed.', dct: '2023-01-05', expect: [{ text: 'May', type: 'DATE', value: '2020-05' }, { text: 'June 2020', type: 'DATE', value: '2020-06' }] },
    { text: 'They met on 6 and 7 December 2021.', dct: '2023-01-05', expect: [{ text: '6', type: 'DATE', value: '2021-12-06' }, { text: '7 December 2021', type: 'DATE', value: '2021-12-07' }] },
    // Negatives: two years stay two dates; a season does not take a plain year's ("the summer and 1952").
    { text: 'In 2019 and 2020 it rained.', dct: '2023-01-05', expect: [{ text: '2019', type: 'DATE', value: '2019' }, { text: '2020', type: 'DATE', value: '2020' }] },
    { text: 'In the summer and in 1952 it rained.', dct: '2023-01-05', expect: [{ text: 'the summer', type: 'DATE', value: '2022-SU' }, { text: '1952', type: 'DATE', value: '1952' }] },
  ],
  'a fortnight is two weeks': [
    { text: 'Talks lasted a fortnight.', dct: '1990-01-10', expect: [{ text: 'a fortnight', type: 'DURATION', value: 'P2W' }] },
    { text: 'They meet every fortnight.', dct: '1990-01-10', expect: [{ text: 'every fortnight', type: 'SET', value: 'P2W' }] },
    { text: 'The envoy arrived on 12 March 1948.\nA fortnight later the treaty was signed.', expect: [{ text: '12 March 1948', type: 'DATE', value: '1948-03-12' }, { text: 'A fortnight', type: 'DURATION', value: 'P2W' }] },
    { text: 'The envoy arrived on 12 March 1948.\nA fortnight later the treaty was signed.', dct: '1990-01-10', style: 'timeml', expect: [{ text: '12 March 1948', type: 'DATE', value: '1948-03-12' }, { text: 'A fortnight', type: 'DURATION', value: 'P2W' }] },
    { text: 'Three fortnights passed.', dct: '1990-01-10', expect: [{ text: 'Three fortnights', type: 'DURATION', value: 'P6W' }] },
    // Negative: a name.
    { text: 'He read The Fortnightly Review.', dct: '1990-01-10', expect: [] },
  ],
  '"mid-century", "late in the year", "early in 1949"': [
    { text: 'By mid-century emissions must be zero.', dct: '2021-12-02', expect: [{ text: 'mid-century', type: 'DATE', value: '20', mod: 'MID' }] },
    { text: 'Late in the year he resigned.', dct: '2021-12-02', expect: [{ text: 'Late in the year', type: 'DATE', value: '2021', mod: 'END' }] },
    { text: 'Early in 1949 he left.', dct: '2021-12-02', expect: [{ text: 'Early in 1949', type: 'DATE', value: '1949', mod: 'START' }] },
    // Negatives: a style, and "late in the day" (a stretch of some day, no date).
    { text: 'Midcentury modern furniture sold well.', dct: '2021-12-02', expect: [] },
    { text: 'Late in the day he returned.', dct: '2021-12-02', expect: [] },
  ],
  '"the next decade": the ten years from the time told, as "the past decade" is the ten years up to it': [
    { text: 'The mill closed in 1931.\nOver the next decade the town declined.', period: '1931', rule: 'period.latest-year', expect: [{ text: '1931', type: 'DATE', value: '1931' }, { text: 'the next decade', type: 'DURATION', value: 'P10Y' }] },
    { text: 'Growth will stay slow over the next decade.', dct: '2019-06-14', expect: [{ text: 'the next decade', type: 'DURATION', value: 'P10Y' }] },
    // Negatives: "next decade" without the article is the calendar decade after the writer's, and digits name one.
    { text: 'Growth will be slow next decade.', dct: '2019-06-14', expect: [{ text: 'next decade', type: 'DATE', value: '202' }] },
    { text: 'The next year was hard.', dct: '2019-06-14', expect: [{ text: 'The next year', type: 'DATE', value: '2020' }] },
    { text: 'The town declined in the 1940s.', dct: '2019-06-14', expect: [{ text: '1940s', type: 'DATE', value: '194' }] },
  ],
  '"the end of the year after X happened": the part names the unit itself, the clause is no offset': [
    { text: 'It will cut 2,000 jobs by the end of the year after bookings fell.', dct: '2001-10-09', expect: [{ text: 'the end of the year', type: 'DATE', value: '2001', mod: 'END' }] },
    { text: 'Prices rose at the start of the month before the vote.', dct: '2001-10-09', expect: [{ text: 'the start of the month', type: 'DATE', value: '2001-10', mod: 'START' }] },
    { text: 'Talks resume in the middle of the week after the holiday.', dct: '2001-10-09', expect: [{ text: 'the middle of the week', type: 'DATE', value: '2001-W41', mod: 'MID' }] },
    // Negatives: without a part before it the phrase is still no date, and "the end of the day" stays an idiom.
    { text: 'The year before Brexit was calm.', dct: '2001-10-09', expect: [] },
    { text: 'He came back at the end of the day before leaving.', dct: '2001-10-09', expect: [] },
    // An offset that reads as one ("the year after", then punctuation) is still counted from the last date.
    { text: 'It opened in 1990. By the end of the year after, it had closed.', dct: '2001-10-09', expect: [{ text: '1990', type: 'DATE', value: '1990' }, { text: 'the end of the year after', type: 'DATE', value: '1991', mod: 'END' }] },
  ],
};

describe('time families of unseen kinds of text', () => {
  for (const [family, cases] of Object.entries(FAMILIES)) {
    describe(family, () => {
      it.each(cases)('$text', (c) => {
        const got = run(c).map((t) => ({ text: t.text, type: t.type, value: t.value, ...(t.mod ? { mod: t.mod } : {}) }));
        expect(got).toEqual(c.expect.map((e) => ({ ...e })));
      });
    });
  }
});
