export interface Template {
  lang: string;
  format: 'chat' | 'email' | 'log' | 'csv' | 'json' | 'code';
  text: string;
}
