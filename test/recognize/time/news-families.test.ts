import { describe, expect, it } from 'vitest';
import { recognizeTimexes } from '../../../src/recognize/recognize-timexes.js';
import { resolveTimexes } from '../../../src/resolve/resolve-timexes.js';
import { makeTimedDoc } from '../../helpers/make-timed-doc.js';

interface Case {
  text: string;
  period?: string;
  dct?: string;
  style?: 'report' | 'timeml';
  expect: { text: string; type: string; value: string; mod?: string }[];
}

function run(c: Case) {
  const { doc, seg } = makeTimedDoc(c.text, { ...(c.period ? { period: c.period } : {}), ...(c.dct ? { dct: c.dct } : {}) });
  return resolveTimexes(doc, seg, recognizeTimexes(doc, seg, { style: c.style ?? 'report' })).timexes;
}

// Families added for dated news: each row is a rule, read the way a careful reader would.
const FAMILIES: Record<string, Case[]> = {
  'the tense of the clause, not the sentence': [
    { text: 'A spokesman said Thursday that the troops will stay.', dct: '1998-03-06', expect: [{ text: 'Thursday', type: 'DATE', value: '1998-03-05' }] },
    { text: 'The team planned to leave Nairobi on Thursday.', dct: '1998-09-30', expect: [{ text: 'Thursday', type: 'DATE', value: '1998-10-01' }] },
    { text: 'The talks are set to resume Monday in Belfast.', dct: '1998-03-22', expect: [{ text: 'Monday', type: 'DATE', value: '1998-03-23' }] },
    { text: 'On Tuesday, the two sides conferred in Washington.', dct: '1990-08-15', expect: [{ text: 'Tuesday', type: 'DATE', value: '1990-08-14' }] },
    { text: 'Colonel Collins will be named commander for a mission in December.', dct: '1998-03-04', expect: [{ text: 'December', type: 'DATE', value: '1998-12' }] },
    { text: 'Hudson said it will redeem 9.5 million preferred shares on Oct. 31.', dct: '1989-10-27', expect: [{ text: 'Oct. 31', type: 'DATE', value: '1989-10-31' }] },
    { text: 'In September, it announced plans to acquire the business.', dct: '1989-10-30', expect: [{ text: 'September', type: 'DATE', value: '1989-09' }] },
    // An infinitive of purpose takes the time of the verb that governs it; one of intent looks ahead.
    { text: 'Police went there to question him on Tuesday.', dct: '2000-01-28', expect: [{ text: 'Tuesday', type: 'DATE', value: '2000-01-25' }] },
    { text: 'The mother was taken along to make the November trip.', dct: '2000-01-28', expect: [{ text: 'November', type: 'DATE', value: '1999-11' }] },
    { text: 'The company agreed to buy the unit in February.', dct: '2000-01-28', expect: [{ text: 'February', type: 'DATE', value: '2000-02' }] },
    { text: 'Police will go there to question him on Tuesday.', dct: '2000-01-28', expect: [{ text: 'Tuesday', type: 'DATE', value: '2000-02-01' }] },
    { text: 'The judge ordered him to appear on Tuesday.', dct: '2000-01-28', expect: [{ text: 'Tuesday', type: 'DATE', value: '2000-02-01' }] },
  ],
  'deadlines lean to the future': [
    { text: 'The directors declared a dividend, payable Jan. 2.', dct: '1989-11-02', expect: [{ text: 'Jan. 2', type: 'DATE', value: '1990-01-02' }] },
    { text: 'The partnership extended to Nov. 20 its offer for the shares.', dct: '1989-11-02', expect: [{ text: 'Nov. 20', type: 'DATE', value: '1989-11-20' }] },
    { text: 'Qantas will double its flights by August.', dct: '1998-02-13', expect: [{ text: 'August', type: 'DATE', value: '1998-08' }] },
    { text: 'The group would be ready to leave as soon as Tuesday.', dct: '2000-04-03', expect: [{ text: 'Tuesday', type: 'DATE', value: '2000-04-04' }] },
    // A reported delay sets a day after the report, even told in the past; an older delay ("had been") and a plain
    // deadline in the past ("was valid until") keep the nearest day, and a month-date keeps the nearest too.
    { text: 'Officials postponed until Tuesday morning any action on the case.', dct: '2000-03-30', expect: [{ text: 'Tuesday morning', type: 'TIME', value: '2000-04-04TMO' }] },
    { text: 'The vote was put off until Wednesday.', dct: '2000-03-30', expect: [{ text: 'Wednesday', type: 'DATE', value: '2000-04-05' }] },
    { text: 'The vote had been delayed until Monday.', dct: '2000-03-30', expect: [{ text: 'Monday', type: 'DATE', value: '2000-03-27' }] },
    { text: 'The offer was valid until Tuesday.', dct: '2000-03-30', expect: [{ text: 'Tuesday', type: 'DATE', value: '2000-03-28' }] },
    { text: 'The trial was postponed until March 3.', dct: '2000-03-30', expect: [{ text: 'March 3', type: 'DATE', value: '2000-03-03' }] },
  ],
  'months with last, this, next': [
    { text: 'Holders approved the plan last April.', dct: '1989-10-27', expect: [{ text: 'last April', type: 'DATE', value: '1989-04' }] },
    { text: 'The election is due this September.', dct: '1998-02-05', expect: [{ text: 'this September', type: 'DATE', value: '1998-09' }] },
    { text: 'The vote comes next March.', dct: '1998-06-05', expect: [{ text: 'next March', type: 'DATE', value: '1999-03' }] },
    { text: 'In July last year a coup was staged.', dct: '1998-02-19', expect: [{ text: 'July last year', type: 'DATE', value: '1997-07' }] },
    { text: 'Inflation peaked in mid-November.', period: '2022', expect: [{ text: 'mid-November', type: 'DATE', value: '2022-11', mod: 'MID' }] },
  ],
  'a clock time or a weekday with its day': [
    { text: 'He was kidnapped at 10 p.m. Wednesday, police said.', dct: '1998-02-13', expect: [{ text: '10 p.m. Wednesday', type: 'TIME', value: '1998-02-11T22:00' }] },
    { text: 'Dow Jones extended its offer until 5 p.m. EST Nov. 9.', dct: '1989-11-02', expect: [{ text: '5 p.m. EST Nov. 9', type: 'TIME', value: '1989-11-09T17:00' }] },
    { text: 'The Times said in an editorial on Saturday, April 25: the court erred.', dct: '1998-04-24', expect: [{ text: 'Saturday, April 25', type: 'DATE', value: '1998-04-25' }] },
    { text: 'Shares fell Thursday evening.', dct: '1998-02-13', expect: [{ text: 'Thursday evening', type: 'TIME', value: '1998-02-12TEV' }] },
  ],
  'reporting periods': [
    { text: 'The company expects to report third-quarter net income.', dct: '1989-10-26', expect: [{ text: 'third-quarter', type: 'DATE', value: '1989-Q3' }] },
    { text: 'It lost money in the 1988 third quarter.', dct: '1989-10-26', expect: [{ text: 'the 1988 third quarter', type: 'DATE', value: '1988-Q3' }] },
    { text: 'Profit rose in the third quarter.\nIt earned $376,000 in the 1988 quarter.', dct: '1989-10-30', expect: [{ text: 'the third quarter', type: 'DATE', value: '1989-Q3' }, { text: 'the 1988 quarter', type: 'DATE', value: '1988-Q3' }] },
    { text: 'Third-quarter profit rose 5%.\nIn the year-ago quarter, it lost money.', dct: '1989-11-02', expect: [{ text: 'Third-quarter', type: 'DATE', value: '1989-Q3' }, { text: 'the year-ago quarter', type: 'DATE', value: '1988-Q3' }] },
    { text: 'The year-ago results were restated.', dct: '1989-10-30', expect: [{ text: 'year-ago', type: 'DATE', value: '1988' }] },
    { text: 'Revenue was $76 million for the year ended March 31.', dct: '1989-11-01', expect: [{ text: 'the year', type: 'DURATION', value: 'P1Y' }, { text: 'March 31', type: 'DATE', value: '1989-03-31' }] },
    { text: 'The chief forecast an increase for the full year.', dct: '1989-10-30', expect: [{ text: 'the full year', type: 'DATE', value: '1989' }] },
    { text: 'Debt should fall by year-end.', dct: '1989-10-30', expect: [{ text: 'year-end', type: 'DATE', value: '1989', mod: 'END' }] },
    // "The quarter ended <day>": the calendar quarter holding most of the three months up to that day.
    { text: 'It had 5.6 million shares in the quarter ended July 31.', dct: '1989-10-30', expect: [{ text: 'the quarter', type: 'DATE', value: '1989-Q2' }, { text: 'July 31', type: 'DATE', value: '1989-07-31' }] },
    { text: 'Sales rose in the quarter ended Sept. 30.', dct: '1989-10-30', expect: [{ text: 'the quarter', type: 'DATE', value: '1989-Q3' }, { text: 'Sept. 30', type: 'DATE', value: '1989-09-30' }] },
    { text: 'Results for the quarter ending Dec. 31 will be weak.', dct: '1989-10-30', expect: [{ text: 'the quarter', type: 'DATE', value: '1989-Q4' }, { text: 'Dec. 31', type: 'DATE', value: '1989-12-31' }] },
    { text: 'Profit rose in the third quarter.\nIn the quarter, sales rose too.', dct: '1989-10-30', expect: [{ text: 'the third quarter', type: 'DATE', value: '1989-Q3' }, { text: 'the quarter', type: 'DATE', value: '1989-Q3' }] },
  ],
  'a span before or after an event is a duration; standing alone it is an offset': [
    { text: 'They joined a decade after exchanging communist rule for democracy.', dct: '1999-03-12', expect: [{ text: 'a decade', type: 'DURATION', value: 'P10Y' }] },
    { text: 'He resigned two days after police arrived.', dct: '1999-03-12', expect: [{ text: 'two days', type: 'DURATION', value: 'P2D' }] },
    { text: 'Notice must come 30 days before holders vote.', dct: '1989-10-26', expect: [{ text: '30 days', type: 'DURATION', value: 'P30D' }] },
    // Standing alone it is the step from the date told: the duration as TimeML marks it (its range, the day reached).
    { text: 'The talks began on March 3.\nHe resigned two days after, and left.', dct: '1999-03-12', expect: [{ text: 'March 3', type: 'DATE', value: '1999-03-03' }, { text: 'two days', type: 'DURATION', value: 'P2D' }] },
  ],
  'Easter and the feasts counted from it': [
    { text: 'Protesters prayed as Easter week began.', dct: '2000-04-17', expect: [{ text: 'Easter week', type: 'DATE', value: '2000-W16' }] },
    { text: 'They will meet after Easter.', dct: '2000-04-17', expect: [{ text: 'Easter', type: 'DATE', value: '2000-04-23' }] },
    { text: 'They will meet after Easter.', dct: '2000-05-17', expect: [{ text: 'Easter', type: 'DATE', value: '2001-04-15' }] },
    { text: 'On Good Friday, crowds gathered.', dct: '2000-04-17', expect: [{ text: 'Good Friday', type: 'DATE', value: '1999-04-02' }] },
    { text: 'The accord was signed on Good Friday.', dct: '1998-04-14', expect: [{ text: 'Good Friday', type: 'DATE', value: '1998-04-10' }] },
    { text: 'Ships reached Easter Island.', dct: '1998-04-14', expect: [] },
  ],
  '"that same day" is "the same day"': [
    { text: 'The talks began on March 3.\nThey left that same day.', dct: '1999-03-12', expect: [{ text: 'March 3', type: 'DATE', value: '1999-03-03' }, { text: 'that same day', type: 'DATE', value: '1999-03-03' }] },
    { text: 'Oil rose in 1996.\nThat same year, prices fell.', dct: '1999-03-12', expect: [{ text: '1996', type: 'DATE', value: '1996' }, { text: 'That same year', type: 'DATE', value: '1996' }] },
  ],
  'centuries named from the creation time': [
    { text: 'The region saw many of the disasters of this century.', dct: '1999-03-13', expect: [{ text: 'this century', type: 'DATE', value: '19' }] },
    { text: 'In the last century, wars raged.', dct: '2018-09-25', expect: [{ text: 'the last century', type: 'DATE', value: '19' }] },
    { text: 'The next century will be better.', dct: '1999-03-13', expect: [{ text: 'The next century', type: 'DATE', value: '20' }] },
    { text: 'Peace will hold in this century.', period: '2019', expect: [{ text: 'this century', type: 'DATE', value: '20' }] },
    { text: 'The twentieth century was cruel. From the ashes of the previous century came the United Nations.', period: '2018', expect: [{ text: 'twentieth century', type: 'DATE', value: '19' }, { text: 'the previous century', type: 'DATE', value: '19' }] },
    // Not a calendar century: a figure of speech, or the hundred years up to now.
    { text: 'It was the trial of the century.', dct: '1999-03-13', expect: [] },
    { text: 'It was one of the events of the past century.', dct: '1989-10-30', expect: [] },
  ],
  '"one day" after a modal is the future': [
    { text: 'Islam will one day be the second largest religion.', dct: '1998-03-03', expect: [{ text: 'one day', type: 'DATE', value: 'FUTURE_REF' }] },
    { text: 'We hope we can one day return home.', dct: '1998-03-03', expect: [{ text: 'one day', type: 'DATE', value: 'FUTURE_REF' }] },
    { text: 'He had only been in the job one day.', dct: '1998-03-03', expect: [{ text: 'one day', type: 'DURATION', value: 'P1D' }] },
  ],
  'years back from the creation time': [
    { text: 'Esselte sold the stake five years ago.', dct: '1989-10-26', expect: [{ text: 'five years ago', type: 'DATE', value: '1984' }] },
    { text: 'Growth hate groups grew over the past year.', dct: '1998-03-03', expect: [{ text: 'the past year', type: 'DATE', value: '1997' }] },
    { text: 'Workers lost earning power in the last decade.', dct: '1998-02-06', expect: [{ text: 'the last decade', type: 'DATE', value: '198' }] },
    { text: 'Prices have risen in recent years.', dct: '1998-02-06', expect: [{ text: 'recent years', type: 'DATE', value: 'PAST_REF' }] },
  ],
  'recent days, weeks, months: a stretch up to now, measured': [
    { text: 'Prices have risen in recent weeks.', dct: '1989-10-30', expect: [{ text: 'recent weeks', type: 'DURATION', value: 'PXW' }] },
    { text: 'Recent months brought more layoffs.', dct: '1998-04-02', expect: [{ text: 'Recent months', type: 'DURATION', value: 'PXM' }] },
    { text: 'Security was tightened in recent days.', dct: '1998-08-12', expect: [{ text: 'recent days', type: 'DURATION', value: 'PXD' }] },
    // Not longer units, nor the other words of a past stretch, nor the adjective alone; a stretch ahead is measured too.
    { text: 'Exports doubled in recent decades.', dct: '1998-02-06', expect: [{ text: 'recent decades', type: 'DATE', value: 'PAST_REF' }] },
    { text: 'Prices have risen in past weeks.', dct: '1989-10-30', expect: [{ text: 'past weeks', type: 'DATE', value: 'PAST_REF' }] },
    { text: 'Prices will rise in coming weeks.', dct: '1989-10-30', expect: [{ text: 'coming weeks', type: 'DURATION', value: 'PXW' }] },
    { text: 'The recent weekly figures were weak.', dct: '1989-10-30', expect: [] },
    { text: 'He has promoted rights over the years.', period: '2022', expect: [{ text: 'the years', type: 'DURATION', value: 'PXY' }] },
  ],
  'weekends, holidays, years in words': [
    { text: 'Iraq attacked over the weekend.', dct: '1990-08-13', expect: [{ text: 'the weekend', type: 'DATE', value: '1990-W32-WE' }] },
    { text: 'They met on Thanksgiving Day.', dct: '1999-12-01', expect: [{ text: 'Thanksgiving Day', type: 'DATE', value: '1999-11-25' }] },
    { text: 'Shops closed for Christmas.', dct: '1998-12-28', expect: [{ text: 'Christmas', type: 'DATE', value: '1998-12-25' }] },
    // A US Election Day: the Tuesday after the first Monday of November (Nov. 8 when Nov. 1 is a Tuesday).
    { text: 'The theme of the campaign from here to Election Day is crime.', dct: '1998-10-26', expect: [{ text: 'Election Day', type: 'DATE', value: '1998-11-03' }] },
    { text: 'Voters went to the polls on Election Day.', dct: '2016-11-20', expect: [{ text: 'Election Day', type: 'DATE', value: '2016-11-08' }] },
    { text: 'Voters will go to the polls on Election Day.', dct: '2000-10-02', expect: [{ text: 'Election Day', type: 'DATE', value: '2000-11-07' }] },
    { text: 'The election day in Ghana passed calmly.', dct: '2000-10-02', expect: [] },
    { text: 'Atlanta, nineteen ninety-six. A bomb blast shocked the games.', dct: '1998-02-27', expect: [{ text: 'nineteen ninety-six', type: 'DATE', value: '1996' }] },
    { text: 'January nineteen ninety-seven. Atlanta again.', dct: '1998-02-27', expect: [{ text: 'January nineteen ninety-seven', type: 'DATE', value: '1997-01' }] },
    { text: 'Computers may fail in the year two thousand.', dct: '1998-02-05', expect: [{ text: 'the year two thousand', type: 'DATE', value: '2000' }] },
  ],
  'in a report without a date of its own': [
    { text: 'He said that today\'s era is not of war.', period: '2022', expect: [{ text: 'today', type: 'DATE', value: 'PRESENT_REF' }] },
    { text: 'From January to December 2022, trade grew.\nTotal trade for the same period was 2.5 trillion yen.', period: '2022', expect: [{ text: 'January to December 2022', type: 'DATE', value: '2022-01/2022-12' }, { text: 'the same period', type: 'DATE', value: '2022-01/2022-12' }] },
    { text: 'Russia caused the current situation.', period: '2022', expect: [{ text: 'current', type: 'DATE', value: 'PRESENT_REF' }] },
  ],
  'wire style "end-2024", "start-June": the edge joined by a hyphen': [
    { text: 'The accord runs until end-2024.', dct: '2024-01-03', expect: [{ text: 'end-2024', type: 'DATE', value: '2024', mod: 'END' }] },
    { text: 'Work resumes at start-2025.', dct: '2024-01-03', expect: [{ text: 'start-2025', type: 'DATE', value: '2025', mod: 'START' }] },
    { text: 'Stocks will last to end-May.', dct: '2024-01-03', expect: [{ text: 'end-May', type: 'DATE', value: '2024-05', mod: 'END' }] },
    { text: 'Output will peak at end-June 2025.', dct: '2024-01-03', expect: [{ text: 'end-June 2025', type: 'DATE', value: '2025-06', mod: 'END' }] },
    // Negatives: other words joined by a hyphen still make the number a code or a name, and the month a word.
    { text: 'He won the weekend-2024 race.', dct: '2024-01-03', expect: [] },
    { text: 'See pages 12-2024.', dct: '2024-01-03', expect: [] },
    { text: 'The troops march-May drill was cancelled.', dct: '2024-01-03', expect: [] },
  ],
  '"the April-June quarter", "January-March 2019": two months joined by a hyphen are a range': [
    { text: 'Output rose in January-March 2019.', dct: '2019-06-14', expect: [{ text: 'January-March 2019', type: 'DATE', value: '2019-01/2019-03' }] },
    { text: 'Imports rose in the April-June quarter.', dct: '2019-08-14', expect: [{ text: 'April-June', type: 'DATE', value: '2019-04/2019-06' }] },
    // Negatives: another word before the hyphen still makes the month part of a name or code.
    { text: 'He flew the Project-June route.', dct: '2019-06-14', expect: [] },
    { text: 'The mid-June vote was close.', dct: '2019-08-14', expect: [{ text: 'The mid-June', type: 'DATE', value: '2019-06', mod: 'MID' }] },
  ],
  '"earlier this month", "later this year": the part of the current unit before or after now (TimeBank START/END)': [
    { text: 'The two sides met earlier this month.', dct: '2019-06-14', expect: [{ text: 'earlier this month', type: 'DATE', value: '2019-06', mod: 'START' }] },
    { text: 'Earlier this year prices fell.', dct: '2019-06-14', expect: [{ text: 'Earlier this year', type: 'DATE', value: '2019', mod: 'START' }] },
    { text: 'A vote is due later this year.', dct: '2019-06-14', expect: [{ text: 'later this year', type: 'DATE', value: '2019', mod: 'END' }] },
    // Negatives: plain "this month" is the whole month, and "later that month" in a story is the month it names.
    { text: 'The two sides meet this month.', dct: '2019-06-14', expect: [{ text: 'this month', type: 'DATE', value: '2019-06' }] },
    { text: 'They met on March 3.\nLater that month the talks failed.', dct: '2019-06-14', expect: [{ text: 'March 3', type: 'DATE', value: '2019-03-03' }, { text: 'Later that month', type: 'DATE', value: '2019-03' }] },
  ],
  'the quarter a report keeps coming back to is counted on the quarters it names, not on "the quarter" echoing one': [
    { text: 'Acme earned a record in the fiscal first quarter.\nFor the quarter ended Sept. 30, Acme earned $5 million.\nDuring the quarter, it issued shares.\nTraffic rose in the quarter.\nSeparately, Beta reported third-quarter profit of $2 million.\nYear-earlier results included a gain.', dct: '1989-10-26', style: 'timeml', expect: [
      { text: 'the fiscal first quarter', type: 'DATE', value: '1989-Q1' }, { text: 'the quarter', type: 'DATE', value: '1989-Q3' }, { text: 'Sept. 30', type: 'DATE', value: '1989-09-30' },
      { text: 'the quarter', type: 'DATE', value: '1989-Q1' }, { text: 'the quarter', type: 'DATE', value: '1989-Q1' }, { text: 'third-quarter', type: 'DATE', value: '1989-Q3' }, { text: 'Year-earlier', type: 'DATE', value: '1988-Q3' }] },
    // Negative: a quarter named twice still outweighs one named once.
    { text: 'Acme earned a record in the first quarter.\nSales rose in the first quarter.\nBeta reported third-quarter profit of $2 million.\nYear-earlier results included a gain.', dct: '1989-10-26', style: 'timeml', expect: [
      { text: 'the first quarter', type: 'DATE', value: '1989-Q1' }, { text: 'the first quarter', type: 'DATE', value: '1989-Q1' }, { text: 'third-quarter', type: 'DATE', value: '1989-Q3' }, { text: 'Year-earlier', type: 'DATE', value: '1988-Q1' }] },
  ],
  '"compared with $3 million last year" in a report on a quarter: that quarter a year back, as "a year earlier" is': [
    { text: 'Acme posted third-quarter net of $24 million.\nIts insurance unit earned $5 million, compared with a loss of $3 million last year.', dct: '1989-10-30', style: 'timeml', expect: [
      { text: 'third-quarter', type: 'DATE', value: '1989-Q3' }, { text: 'last year', type: 'DATE', value: '1988-Q3' }] },
    { text: 'Acme posted third-quarter net of $24 million.\nSales were $1.76 billion, a 13% increase from last year\'s $1.55 billion.', dct: '1989-10-30', style: 'timeml', expect: [
      { text: 'third-quarter', type: 'DATE', value: '1989-Q3' }, { text: 'last year', type: 'DATE', value: '1988-Q3' }] },
    // Negatives: "last year" not set against a figure, a comparison after a span of months, and one in a text about
    // no quarter stay the year.
    { text: 'Acme posted third-quarter net of $24 million.\nLast year the unit lost money.', dct: '1989-10-30', style: 'timeml', expect: [
      { text: 'third-quarter', type: 'DATE', value: '1989-Q3' }, { text: 'Last year', type: 'DATE', value: '1988' }] },
    { text: 'Acme posted third-quarter net of $24 million.\nIn the nine months, net rose to $525 million from $504 million last year.', dct: '1989-10-30', style: 'timeml', expect: [
      { text: 'third-quarter', type: 'DATE', value: '1989-Q3' }, { text: 'the nine months', type: 'DURATION', value: 'P9M' }, { text: 'last year', type: 'DATE', value: '1988' }] },
    { text: 'Exports rose to $5 billion, compared with $4 billion last year.', dct: '1989-10-30', style: 'timeml', expect: [{ text: 'last year', type: 'DATE', value: '1988' }] },
  ],
};

describe('time expression families in dated news and reports', () => {
  for (const [family, cases] of Object.entries(FAMILIES)) {
    describe(family, () => {
      it.each(cases)('$text', (c) => {
        const got = run(c).map((t) => ({ text: t.text, type: t.type, value: t.value, ...(t.mod ? { mod: t.mod } : {}) }));
        expect(got).toEqual(c.expect.map((e) => ({ ...e })));
      });
    });
  }
});
