import type { Block, Section } from '../model/index.js';

export interface SectionTree {
  /** Sections in document order, ids "s1", "s2", ... in that order. */
  sections: Section[];
  /** For each input block, the id of the innermost section that contains it (null before the first heading). */
  sectionOfBlock: (string | null)[];
}

/**
 * Build the section tree from heading blocks. A section runs from its heading to the end of the last
 * block before the next heading of the same or a higher level (a smaller level number).
 * `blocks` must be in document order.
 */
export function buildSections(text: string, blocks: readonly Block[]): SectionTree {
  const sections: Section[] = [];
  const sectionOfBlock: (string | null)[] = [];
  const open: Section[] = [];
  let previousEnd = 0;

  for (const block of blocks) {
    if (block.kind === 'heading') {
      const level = headingLevel(block);
      while (open.length > 0 && open[open.length - 1]!.level >= level) open.pop()!.end = previousEnd;
      const section = newSection(text, block, `s${sections.length + 1}`, open[open.length - 1]?.id ?? null, level);
      sections.push(section);
      open.push(section);
    }
    sectionOfBlock.push(open[open.length - 1]?.id ?? null);
    previousEnd = Math.max(previousEnd, block.end);
  }
  for (const section of open) section.end = previousEnd;
  return { sections, sectionOfBlock };
}

function headingLevel(block: Block): number {
  const level = block.level;
  return level !== undefined && Number.isFinite(level) && level >= 1 ? Math.floor(level) : 1;
}

/** Every section has every field, label undefined when the heading has none, in one order: one hidden class. */
function newSection(text: string, heading: Block, id: string, parent: string | null, level: number): Section {
  return {
    id,
    parent,
    level,
    label: heading.label || undefined,
    title: headingTitle(text, heading),
    start: heading.start,
    end: heading.end,
    heading: { start: heading.start, end: heading.end },
  };
}

/** The heading's text after its label ("(1) Situation in Russia" -> "Situation in Russia"). */
function headingTitle(text: string, heading: Block): string {
  const line = text.slice(heading.start, heading.end);
  const { titleStart, label } = heading;
  if (titleStart !== undefined && titleStart >= heading.start && titleStart <= heading.end) {
    return text.slice(titleStart, heading.end).trim();
  }
  const trimmed = line.trimStart();
  if (label && trimmed.startsWith(label)) {
    // Drop the label and the punctuation that separates it from the title ("1." "A:" "2 -").
    return trimmed.slice(label.length).replace(/^[\s.:)\u2013\u2014-]+/, '').trim();
  }
  return line.trim();
}
