import { describe, expect, it } from 'vitest';
import { Document, FootnoteReferenceRun, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';
import JSZip from 'jszip';
import { readDocx } from '../../src/read/read-docx.js';
import { expectWellFormed } from './well-formed.js';

async function buildDocx(): Promise<Uint8Array> {
  const doc = new Document({
    footnotes: {
      1: { children: [new Paragraph('Signed in Tokyo on 1 March 2022.')] },
      2: { children: [new Paragraph('A second note.')] },
    },
    sections: [{
      children: [
        new Paragraph({ text: 'Annual Review of Relations', heading: HeadingLevel.TITLE }),
        new Paragraph({ text: 'Chapter 2 Regional Diplomacy', heading: HeadingLevel.HEADING_1 }),
        new Paragraph({ text: '(1) Situation', heading: HeadingLevel.HEADING_2 }),
        new Paragraph({ children: [new TextRun('The agreement entered into force'), new FootnoteReferenceRun(1), new TextRun({ text: ' in 2022 & later', bold: true }), new TextRun('.'), new FootnoteReferenceRun(2)] }),
        new Paragraph({ text: 'A bullet point', bullet: { level: 0 } }),
      ],
    }],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}

describe('readDocx', () => {
  it('reads title, headings, paragraphs and footnotes with their markers', async () => {
    const out = await readDocx({ file: 'review.docx', bytes: await buildDocx() });
    const sentence = 'The agreement entered into force in 2022 & later.';
    expect(out.title).toBe('Annual Review of Relations');
    expect(out.blocks.map((b) => [b.kind, out.text.slice(b.start, b.end)])).toEqual([
      ['title', 'Annual Review of Relations'],
      ['heading', 'Chapter 2 Regional Diplomacy'],
      ['heading', '(1) Situation'],
      ['paragraph', sentence],
      ['list-item', 'A bullet point'],
      ['footnote', 'Signed in Tokyo on 1 March 2022.'],
      ['footnote', 'A second note.'],
    ]);
    expect(out.blocks[1]).toMatchObject({ level: 1, label: 'Chapter 2' });
    expect(out.blocks[2]).toMatchObject({ level: 2, label: '(1)' });
    const paragraphStart = out.blocks[3]!.start;
    expect(out.footnotes.map((f) => [f.label, f.markers.map((m) => m.start - paragraphStart)])).toEqual([
      ['1', ['The agreement entered into force'.length]],
      ['2', [sentence.length]],
    ]);
    expect(out.footnotes.map((f) => out.text.slice(f.body.start, f.body.end))).toEqual(['Signed in Tokyo on 1 March 2022.', 'A second note.']);
    expectWellFormed(out);
  });

  it('refuses a zip that is not a Word document', async () => {
    const zip = new JSZip();
    zip.file('hello.txt', 'not a document');
    const bytes = await zip.generateAsync({ type: 'uint8array' });
    await expect(readDocx({ file: 'archive.docx', bytes })).rejects.toMatchObject({
      name: 'ReadError', problem: 'corrupt', file: 'archive.docx', message: expect.stringMatching(/archive\.docx: is a ZIP archive but not a Word document/),
    });
  });

  it('refuses a damaged zip and a file that is no zip at all', async () => {
    await expect(readDocx({ file: 'cut.docx', bytes: (await buildDocx()).slice(0, 200) })).rejects.toMatchObject({ problem: 'corrupt' });
    await expect(readDocx({ file: 'text.docx', bytes: new TextEncoder().encode('plain words') })).rejects.toMatchObject({ problem: 'corrupt' });
  });

  it('recognises old .doc files and password-protected documents', async () => {
    const ole = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
    const doc = Uint8Array.from([...ole, ...new Array(100).fill(0)]);
    await expect(readDocx({ file: 'old.docx', bytes: doc })).rejects.toMatchObject({ problem: 'unsupported-format' });
    const locked = Uint8Array.from([...ole, ...Buffer.from('EncryptedPackage', 'utf16le')]);
    await expect(readDocx({ file: 'locked.docx', bytes: locked })).rejects.toMatchObject({ problem: 'encrypted' });
  });
});
