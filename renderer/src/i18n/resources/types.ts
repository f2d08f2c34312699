/** A nested message tree. Each resource module exports the same tree in both languages. */
export interface Messages {
  [key: string]: string | Messages;
}
export interface Bilingual {
  'zh-CN': Messages;
  en: Messages;
}
