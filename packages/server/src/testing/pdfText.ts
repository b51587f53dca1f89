/**
 * Reads a generated PDF back for assertions: its text per page (pdf.js through unpdf, pure
 * JavaScript, no canvas), its metadata and its tags, so tests check what a reader (or a screen
 * reader) gets, not just that bytes exist.
 */
import { extractText, getDocumentProxy } from "unpdf";

export interface PdfContent {
  pages: string[];
  /** All pages joined, with runs of white space collapsed so that wrapped lines read as one sentence. */
  text: string;
  title: string | null;
  language: string | null;
  /** MarkInfo says the PDF is tagged. */
  tagged: boolean;
  /** The roles in the pages' structure trees (H1, P, L, LI, Table, TH, …). */
  roles: Set<string>;
}

interface Node {
  role?: string;
  children?: unknown[];
}

function collectRoles(node: unknown, into: Set<string>): void {
  if (!node || typeof node !== "object") return;
  const n = node as Node;
  if (typeof n.role === "string") into.add(n.role);
  for (const child of n.children ?? []) collectRoles(child, into);
}

export async function readPdf(bytes: Uint8Array): Promise<PdfContent> {
  // pdf.js takes ownership of the buffer it is given: hand it a copy.
  const pdf = await getDocumentProxy(new Uint8Array(bytes));
  try {
    const { text } = await extractText(pdf, { mergePages: false });
    const { info } = await pdf.getMetadata();
    const field = (key: string): string | null => {
      const value: unknown = info && typeof info === "object" ? (info as Record<string, unknown>)[key] : undefined;
      return typeof value === "string" ? value : null;
    };
    const roles = new Set<string>();
    for (let i = 1; i <= pdf.numPages; i++) collectRoles(await (await pdf.getPage(i)).getStructTree(), roles);
    return {
      pages: text,
      text: text.join("\n").replace(/\s+/g, " "),
      title: field("Title"),
      language: field("Language"),
      tagged: (await pdf.getMarkInfo())?.Marked === true,
      roles,
    };
  } finally {
    await pdf.destroy();
  }
}
