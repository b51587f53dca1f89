/// <reference types="pdfkit" />
/* Layout shared by the renderer's parts: page geometry, fonts, colours and the basic tagged text blocks. */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

export type Doc = PDFKit.PDFDocument;
export type Struct = PDFKit.PDFStructureElement;

export const MARGINS = { top: 64, bottom: 80, left: 64, right: 64 };
export const FONT = { regular: "regular", bold: "bold" } as const;

const require = createRequire(import.meta.url);
let fontFiles: { regular: Buffer; bold: Buffer } | null = null;
/** The font files, read once per process (Open Sans covers Latin with every diacritic the BRP uses, Greek and Cyrillic). */
export function fonts(): { regular: Buffer; bold: Buffer } {
  fontFiles ??= {
    regular: readFileSync(require.resolve("@expo-google-fonts/open-sans/400Regular/OpenSans_400Regular.ttf")),
    bold: readFileSync(require.resolve("@expo-google-fonts/open-sans/700Bold/OpenSans_700Bold.ttf")),
  };
  return fontFiles;
}
export const SIZE = { title: 18, h2: 14, h3: 12, body: 11, detail: 9.5, footer: 8.5 } as const;
export const COLOR = { text: "#1a1a1a", muted: "#4d4d4d", rule: "#8c8c8c", band: "#e6eef8", notice: "#8a1c1c", watermark: "#9a9a9a" } as const;
export const LINE_GAP = 2;

export const contentWidth = (doc: Doc) => doc.page.width - doc.page.margins.left - doc.page.margins.right;
export const bottomY = (doc: Doc) => doc.page.height - doc.page.margins.bottom;

/** Starts a new page unless `height` points still fit on this one. */
export function ensureSpace(doc: Doc, height: number): void {
  if (doc.y + height > bottomY(doc) && doc.y > doc.page.margins.top) doc.addPage();
}

/** Decorations outside the structure tree: screen readers skip them. */
export function artifact(doc: Doc, draw: () => void): void {
  doc.markContent("Artifact", { type: "Layout" });
  doc.save();
  draw();
  doc.restore();
  doc.endMarkedContent();
}

export function setFont(doc: Doc, bold: boolean, size: number, color: string = COLOR.text): void {
  doc.font(bold ? FONT.bold : FONT.regular).fontSize(size).fillColor(color);
}

export function heading(doc: Doc, parent: Struct, tag: "H1" | "H2" | "H3", text: string, size: number): void {
  doc.x = doc.page.margins.left;
  if (tag !== "H1") doc.moveDown(0.6);
  setFont(doc, true, size);
  // Keep a heading with at least a few lines of what follows it.
  ensureSpace(doc, doc.heightOfString(text, { width: contentWidth(doc) }) + 4 * doc.currentLineHeight(true));
  parent.add(doc.struct(tag, {}, () => void doc.text(text, { width: contentWidth(doc), lineGap: LINE_GAP })));
  doc.moveDown(0.3);
}

export function paragraph(doc: Doc, parent: Struct, text: string, bold = false): void {
  doc.x = doc.page.margins.left;
  setFont(doc, bold, SIZE.body);
  parent.add(doc.struct("P", {}, () => void doc.text(text, { width: contentWidth(doc), lineGap: LINE_GAP })));
  doc.moveDown(0.5);
}
