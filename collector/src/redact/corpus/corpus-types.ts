import type { PiiKind } from '../types';

export interface ExpectedEntity {
  kind: PiiKind;
  value: string;
}

export interface CorpusEntry {
  id: string;
  lang: string;
  format: string;
  text: string;
  entities: ExpectedEntity[];
}
