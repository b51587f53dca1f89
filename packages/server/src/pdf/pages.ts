/* What every page carries once the content is laid out: the watermark and the footer. */
import { dutchDate } from "./format.ts";
import type { DocumentModel } from "./model.ts";
import { artifact, COLOR, type Doc, setFont, SIZE } from "./layout.ts";

/** Watermark and footer ("Pagina X van Y", the date, the title) on every page, after the content is laid out. */
export function decoratePages(doc: Doc, model: DocumentModel): void {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const { width, height, margins } = doc.page;
    // Writing below the bottom margin must not start a new page.
    const bottom = margins.bottom;
    margins.bottom = 0;
    if (model.watermark) {
      const word = model.watermark;
      artifact(doc, () => {
        setFont(doc, true, 96, COLOR.watermark);
        doc.fillOpacity(0.18);
        doc.rotate(-45, { origin: [width / 2, height / 2] });
        doc.text(word, width / 2 - doc.widthOfString(word) / 2, height / 2 - 48, { lineBreak: false });
      });
    }
    const y = height - bottom + 32;
    artifact(doc, () => {
      doc.lineWidth(0.5).moveTo(margins.left, y - 8).lineTo(width - margins.right, y - 8).stroke(COLOR.rule);
      setFont(doc, false, SIZE.footer, COLOR.muted);
      doc.text(`Gemaakt op ${dutchDate(model.generatedOn)}`, margins.left, y, { lineBreak: false });
      const page = `Pagina ${i - range.start + 1} van ${range.count}`;
      doc.text(page, width - margins.right - doc.widthOfString(page), y, { lineBreak: false });
      const title = truncate(doc, model.title, width - margins.left - margins.right - 260);
      doc.text(title, width / 2 - doc.widthOfString(title) / 2, y, { lineBreak: false });
    });
    margins.bottom = bottom;
  }
}

function truncate(doc: Doc, text: string, max: number): string {
  if (doc.widthOfString(text) <= max) return text;
  let t = text;
  while (t.length > 1 && doc.widthOfString(`${t}…`) > max) t = t.slice(0, -1);
  return `${t.trimEnd()}…`;
}
