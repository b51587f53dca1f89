/*
 * Renders a DocumentModel to an A4 PDF with pdfkit, fully offline. The text is set in Open Sans,
 * read from the font files of an npm package and embedded (subset) in every PDF: the 14 standard
 * PDF fonts only know WinAnsi, which would garble names such as Ayşe Yılmaz or Łukasz, and PDF/UA
 * wants every font embedded. The PDF is tagged (headings, paragraphs, lists, tables in the structure
 * tree; lines, shading, watermark and footer marked as artifacts), carries its title and language,
 * and opens showing the title.
 */
import PDFDocument from "pdfkit";
import { renderBlock } from "./blocks.ts";
import { FONT, fonts, heading, MARGINS, SIZE } from "./layout.ts";
import type { DocumentModel } from "./model.ts";
import { decoratePages } from "./pages.ts";

/** Renders the model; resolves to the bytes of the PDF. */
export function renderPdf(model: DocumentModel): Promise<Buffer> {
  const doc = new PDFDocument({
    size: "A4",
    margins: MARGINS,
    bufferPages: true,
    tagged: true,
    lang: model.lang,
    displayTitle: true,
    pdfVersion: "1.7",
    info: { Title: model.title, Subject: model.subject, Author: model.author, Creator: "Ploegwerk" },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("data", (chunk: Buffer) => chunks.push(chunk));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
  try {
    const files = fonts();
    doc.registerFont(FONT.regular, files.regular);
    doc.registerFont(FONT.bold, files.bold);
    doc.font(FONT.regular);
    const root = doc.struct("Document");
    doc.addStructure(root);
    heading(doc, root, "H1", model.title, SIZE.title);
    for (const block of model.blocks) renderBlock(doc, root, block);
    root.end();
    decoratePages(doc, model);
    doc.end();
  } catch (error) {
    doc.destroy();
    return Promise.reject(error);
  }
  return done;
}
