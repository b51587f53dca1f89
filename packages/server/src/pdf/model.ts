/*
 * A printable document as plain data: what the builders (overdrachtsbrief, gezinsplan) make from
 * domain facts and what the renderer turns into a PDF. No layout here beyond the kind of block,
 * so the builders stay pure and testable, and the renderer is the one place that knows pdfkit.
 */

/** A row of a two-column table: a label and its value. */
export interface KeyValue {
  key: string;
  value: string;
}

/** A list item; `highlight` prints it bold on a shaded band with the label in front (e.g. the family's own actions). */
export interface ListItem {
  text: string;
  /** A second, smaller line under the text (who, when, status). */
  detail?: string | undefined;
  highlight?: string | undefined;
}

/** Someone who signs on paper: the name is printed (an empty name gets a line to write it on), with empty lines for date and signature. */
export interface Signer {
  name: string;
  role: string;
}

export type Block =
  | { kind: "heading"; text: string; level: 2 | 3 }
  | { kind: "paragraph"; text: string; bold?: boolean }
  /** Lines kept together without paragraph spacing (an address). */
  | { kind: "lines"; lines: string[] }
  | { kind: "list"; items: ListItem[] }
  | { kind: "keyValues"; rows: KeyValue[] }
  /** A framed, clearly separated passage with its own title (e.g. the consequences of dwang or drang). */
  | { kind: "notice"; title: string; paragraphs: string[] }
  /** Empty lines to sign on paper, one set per signer. */
  | { kind: "signatureLines"; signers: Signer[] };

export interface DocumentModel {
  /** Shown as the first heading and stored as the PDF's title. */
  title: string;
  /** Stored as the PDF's subject (e.g. "Overdrachtsbrief"). */
  subject: string;
  /** Stored as the PDF's author (the team or organisation). */
  author: string;
  /** BCP 47 language tag of the text. */
  lang: string;
  /** The day the document was made (YYYY-MM-DD), printed in every page's footer. */
  generatedOn: string;
  /** A word printed large and light across every page, e.g. "CONCEPT". */
  watermark?: string;
  blocks: Block[];
}
