import { describe, expect, it } from 'vitest';
import { countDocument, measures } from '../../bench/timeml/score-tempeval.js';
import { readTimeml } from '../../bench/timeml/read-timeml.js';

const TML = `<?xml version="1.0" ?>
<TimeML><DOCID>T1</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="1998-08-07" functionInDocument="CREATION_TIME">08/07/1998</TIMEX3></DCT>
<TEXT>Bombs <EVENT eid="e1">exploded</EVENT> <TIMEX3 tid="t1" type="DATE" value="1998-08-07">Friday</TIMEX3> &amp; again <TIMEX3 tid="t2" type="DATE" value="1998-08-09" mod="START">early Sunday</TIMEX3>, for <TIMEX3 tid="t3" type="DURATION" value="P2D">two days</TIMEX3>.</TEXT>
</TimeML>`;

describe('readTimeml', () => {
  it('gives plain text, offsets and the creation time', () => {
    const d = readTimeml(TML);
    expect(d.dct).toBe('1998-08-07');
    expect(d.text).toBe('Bombs exploded Friday & again early Sunday, for two days.');
    expect(d.timexes.map((t) => d.text.slice(t.start, t.end))).toEqual(['Friday', 'early Sunday', 'two days']);
    expect(d.timexes[1]).toMatchObject({ type: 'DATE', value: '1998-08-09', mod: 'START' });
  });
});

describe('TempEval-3 measures', () => {
  const gold = readTimeml(TML).timexes;
  // exact + right value; partial overlap + wrong value and type; one spurious; one missed.
  const system = [
    { start: 15, end: 21, type: 'DATE', value: '1998-08-07' },
    { start: 36, end: 42, type: 'TIME', value: '1998-08-08' },
    { start: 0, end: 5, type: 'DATE', value: 'PRESENT_REF' },
  ];
  const m = measures(countDocument(gold, system));

  it('strict and relaxed extent', () => {
    expect(m.strict.precision).toBeCloseTo(1 / 3);
    expect(m.strict.recall).toBeCloseTo(1 / 3);
    expect(m.relaxed.precision).toBeCloseTo(2 / 3);
    expect(m.relaxed.recall).toBeCloseTo(2 / 3);
    expect(m.relaxed.f1).toBeCloseTo(2 / 3);
  });

  it('attribute accuracy on relaxed matches and F1 = relaxed F1 x accuracy', () => {
    expect(m.typeAccuracy).toBeCloseTo(0.5);
    expect(m.valueAccuracy).toBeCloseTo(0.5);
    expect(m.valueF1).toBeCloseTo((2 / 3) * 0.5);
  });

  it('is perfect when system equals gold', () => {
    const p = measures(countDocument(gold, gold));
    expect([p.strict.f1, p.relaxed.f1, p.valueF1]).toEqual([1, 1, 1]);
  });
});
