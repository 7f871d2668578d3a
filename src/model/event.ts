import type { TextSpan } from './span.js';

export const PLOVER_TYPES = [
  'AGREE', 'CONSULT', 'SUPPORT', 'CONCEDE', 'COOPERATE', 'AID', 'RETREAT', 'REQUEST',
  'ACCUSE', 'REJECT', 'THREATEN', 'PROTEST', 'SANCTION', 'MOBILIZE', 'COERCE', 'ASSAULT',
] as const;
export type PloverType = (typeof PLOVER_TYPES)[number];

export type Modality = 'asserted' | 'reported' | 'planned' | 'hypothetical';
export type Quad = 1 | 2 | 3 | 4;

export interface EventDate {
  value: string;
  start: string | null;
  end: string | null;
  /** Index into the document's timexes, or how it was inherited. */
  source: string;
  inferred: boolean;
}

export interface DiploEvent {
  id: string;
  doc: string;
  type: PloverType;
  mode?: string;
  contexts: string[];
  actors: string[];
  recipients: string[];
  date: EventDate | null;
  location?: string;
  quantity?: { value: number; unit: string };
  negated: boolean;
  modality: Modality;
  quad: Quad;
  intensity: number;
  trigger: TextSpan;
  evidence: TextSpan;
  rule: string;
  /** Id of the event this one responds to ("In response, ..."). */
  respondsTo?: string;
}

export type StanceKind = 'supports' | 'condemns' | 'opposes' | 'abstains' | 'refrains' | 'concerned';

export interface Stance {
  id: string;
  holder: string;
  target: string | null;
  stance: StanceKind;
  negated: boolean;
  date: EventDate | null;
  topic?: string;
  evidence: TextSpan;
  rule: string;
}

export type AgreementStatusKind = 'in_force' | 'suspended' | 'resumed' | 'discontinued' | 'violated' | 'on_hold' | 'withdrawn' | 'signed' | 'proposed';

export interface AgreementStatusChange {
  entity: string;
  date: EventDate | null;
  status: AgreementStatusKind;
  by: string[];
  negated?: boolean;
  modality: Modality;
  evidence: TextSpan;
  rule: string;
}

export interface Figure {
  id: string;
  what: string;
  subject?: string;
  value: number;
  unit: string;
  period: EventDate | null;
  evidence: TextSpan;
  span: TextSpan;
  rule: string;
}
