/* The block kinds of the document model, each laid out and tagged for the structure tree. */
import type { Block, KeyValue, ListItem, Signer } from "./model.ts";
import { artifact, bottomY, COLOR, contentWidth, type Doc, ensureSpace, heading, LINE_GAP, paragraph, setFont, SIZE, type Struct } from "./layout.ts";

export function renderBlock(doc: Doc, root: Struct, block: Block): void {
  switch (block.kind) {
    case "heading":
      return heading(doc, root, block.level === 2 ? "H2" : "H3", block.text, block.level === 2 ? SIZE.h2 : SIZE.h3);
    case "paragraph":
      return paragraph(doc, root, block.text, block.bold ?? false);
    case "lines":
      return paragraph(doc, root, block.lines.join("\n"));
    case "list":
      return list(doc, root, block.items);
    case "keyValues":
      return keyValues(doc, root, block.rows);
    case "notice":
      return notice(doc, root, block.title, block.paragraphs);
    case "signatureLines":
      return signatureLines(doc, root, block.signers);
  }
}

const BULLET_INDENT = 18;

function list(doc: Doc, root: Struct, items: readonly ListItem[]): void {
  const left = doc.page.margins.left;
  const width = contentWidth(doc) - BULLET_INDENT;
  const l = doc.struct("L");
  root.add(l);
  for (const item of items) {
    const label = item.highlight ? `${item.highlight}: ` : "";
    setFont(doc, true, SIZE.body);
    const labelHeight = label ? doc.heightOfString(label + item.text, { width, lineGap: LINE_GAP }) : 0;
    setFont(doc, false, SIZE.body);
    const textHeight = Math.max(labelHeight, doc.heightOfString(item.text, { width, lineGap: LINE_GAP }));
    setFont(doc, false, SIZE.detail);
    const detailHeight = item.detail ? doc.heightOfString(item.detail, { width, lineGap: LINE_GAP }) + 2 : 0;
    ensureSpace(doc, textHeight + detailHeight + 6);
    const top = doc.y;
    if (item.highlight) {
      artifact(doc, () => void doc.rect(left, top - 3, contentWidth(doc), textHeight + detailHeight + 6).fill(COLOR.band));
    }
    const li = doc.struct("LI");
    l.add(li);
    setFont(doc, false, SIZE.body);
    li.add(doc.struct("Lbl", {}, () => void doc.text("•", left + 4, top, { lineBreak: false })));
    li.add(
      doc.struct("LBody", {}, () => {
        setFont(doc, label !== "", SIZE.body);
        doc.text(label + item.text, left + BULLET_INDENT, top, { width, lineGap: LINE_GAP });
        if (item.detail) {
          setFont(doc, false, SIZE.detail, COLOR.muted);
          doc.text(item.detail, left + BULLET_INDENT, doc.y + 2, { width, lineGap: LINE_GAP });
        }
      }),
    );
    li.end();
    doc.y += 6;
  }
  l.end();
  doc.x = left;
  doc.moveDown(0.3);
}

const KEY_WIDTH = 150;

function keyValues(doc: Doc, root: Struct, rows: readonly KeyValue[]): void {
  const left = doc.page.margins.left;
  const valueWidth = contentWidth(doc) - KEY_WIDTH - 12;
  const table = doc.struct("Table");
  root.add(table);
  for (const row of rows) {
    setFont(doc, true, SIZE.body);
    const keyHeight = doc.heightOfString(row.key, { width: KEY_WIDTH, lineGap: LINE_GAP });
    setFont(doc, false, SIZE.body);
    const valueHeight = doc.heightOfString(row.value || " ", { width: valueWidth, lineGap: LINE_GAP });
    ensureSpace(doc, Math.max(keyHeight, valueHeight));
    const top = doc.y;
    const tr = doc.struct("TR");
    table.add(tr);
    tr.add(doc.struct("TH", {}, () => (setFont(doc, true, SIZE.body), void doc.text(row.key, left, top, { width: KEY_WIDTH, lineGap: LINE_GAP }))));
    tr.add(doc.struct("TD", {}, () => (setFont(doc, false, SIZE.body), void doc.text(row.value || " ", left + KEY_WIDTH + 12, top, { width: valueWidth, lineGap: LINE_GAP }))));
    tr.end();
    doc.y = top + Math.max(keyHeight, valueHeight) + 3;
  }
  table.end();
  doc.x = left;
  doc.moveDown(0.5);
}

const PAD = 12;

function notice(doc: Doc, root: Struct, title: string, paragraphs: readonly string[]): void {
  const left = doc.page.margins.left;
  const inner = contentWidth(doc) - 2 * PAD - 4;
  setFont(doc, true, SIZE.h3);
  let height = doc.heightOfString(title, { width: inner, lineGap: LINE_GAP }) + 6;
  setFont(doc, false, SIZE.body);
  for (const p of paragraphs) height += doc.heightOfString(p, { width: inner, lineGap: LINE_GAP }) + 6;
  height += 2 * PAD;
  doc.moveDown(0.5);
  ensureSpace(doc, height);
  const top = doc.y;
  // Framed only when it fits on one page; a longer text simply flows.
  if (top + height <= bottomY(doc)) {
    artifact(doc, () => {
      doc.lineWidth(1.5).rect(left, top, contentWidth(doc), height).stroke(COLOR.notice);
      doc.rect(left, top, 4, height).fill(COLOR.notice);
    });
  }
  const sect = doc.struct("Sect");
  root.add(sect);
  setFont(doc, true, SIZE.h3, COLOR.notice);
  sect.add(doc.struct("H3", {}, () => void doc.text(title, left + PAD + 4, top + PAD, { width: inner, lineGap: LINE_GAP })));
  doc.y += 6;
  for (const p of paragraphs) {
    setFont(doc, false, SIZE.body);
    sect.add(doc.struct("P", {}, () => void doc.text(p, left + PAD + 4, doc.y, { width: inner, lineGap: LINE_GAP })));
    doc.y += 6;
  }
  sect.end();
  doc.x = left;
  doc.y = Math.max(doc.y, top + height);
  doc.moveDown(0.8);
}

function signatureLines(doc: Doc, root: Struct, signers: readonly Signer[]): void {
  const left = doc.page.margins.left;
  const width = contentWidth(doc);
  const lineHeight = 28;
  const table = doc.struct("Table");
  root.add(table);
  for (const signer of signers) {
    ensureSpace(doc, 3 * lineHeight + 12);
    const top = doc.y;
    const tr = doc.struct("TR");
    table.add(tr);
    setFont(doc, true, SIZE.body);
    const label = signer.name ? `${signer.name} (${signer.role})` : `Naam ${signer.role}:`;
    tr.add(doc.struct("TH", {}, () => void doc.text(label, left, top, { width, lineGap: LINE_GAP })));
    if (!signer.name) artifact(doc, () => void doc.lineWidth(0.75).moveTo(left + doc.widthOfString(label) + 8, top + 12).lineTo(left + width / 2 - 20, top + 12).stroke(COLOR.rule));
    const row = (label: string, y: number, from: number, to: number) => {
      setFont(doc, false, SIZE.body);
      tr.add(doc.struct("TD", {}, () => void doc.text(`${label}:`, from, y, { lineBreak: false })));
      artifact(doc, () => void doc.lineWidth(0.75).moveTo(from + 84, y + 12).lineTo(to, y + 12).stroke(COLOR.rule));
    };
    const y = top + lineHeight - 6;
    row("Datum", y, left, left + width / 2 - 20);
    row("Handtekening", y, left + width / 2, left + width);
    tr.end();
    doc.y = y + lineHeight + 6;
  }
  table.end();
  doc.x = left;
  doc.moveDown(0.5);
}
