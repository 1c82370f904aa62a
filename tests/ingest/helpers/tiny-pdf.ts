/**
 * A hand-written one-page PDF for tests: an 8×8 grey image and no text at all, which is what a
 * scanned page looks like to a text extractor. Offsets in the xref table are computed, so the
 * file is valid and pdf.js reads it without repairing.
 */
export function imageOnlyPdf(): Uint8Array {
  const pixels = 'ff'.repeat(64);
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Resources << /XObject << /Im1 4 0 R >> >> /Contents 5 0 R >>',
    `<< /Type /XObject /Subtype /Image /Width 8 /Height 8 /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /ASCIIHexDecode /Length ${pixels.length + 1} >>\nstream\n${pixels}>\nendstream`,
    streamObject('q 100 0 0 100 50 50 cm /Im1 Do Q'),
  ];
  return serialise(objects);
}

function streamObject(content: string): string {
  return `<< /Length ${content.length} >>\nstream\n${content}\nendstream`;
}

export interface PlacedText {
  x: number;
  /** From the top of the page. */
  y: number;
  text: string;
}

/**
 * Text pages in the non-embedded Adobe font STSong-Light with the UniGB-UCS2-H encoding, as some
 * government PDFs are made: pdf.js can only turn those codes into text with its CMap files, so a
 * correct reading proves the CMaps are wired in.
 */
export function cjkTextPdf(pages: readonly PlacedText[][], width = 1400, height = 900): Uint8Array {
  const objects: string[] = [];
  const add = (body: string) => {
    objects.push(body);
    return objects.length;
  };
  const catalog = add('');
  const pagesObj = add('');
  const descriptor = add(
    '<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [0 -200 1000 900] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >>',
  );
  // Half-width CIDs 1–95 (ASCII) are 500 units wide; the rest 1000.
  const descendant = add(
    `<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 4 >> /FontDescriptor ${descriptor} 0 R /DW 1000 /W [1 95 500] >>`,
  );
  const font = add(
    `<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H /DescendantFonts [${descendant} 0 R] >>`,
  );
  const kids: number[] = [];
  for (const texts of pages) {
    const ops = texts
      .map((t) => `BT /F1 10 Tf 1 0 0 1 ${t.x} ${height - t.y} Tm <${ucs2(t.text)}> Tj ET`)
      .join('\n');
    const content = add(`<< /Length ${ops.length} >>\nstream\n${ops}\nendstream`);
    kids.push(
      add(
        `<< /Type /Page /Parent ${pagesObj} 0 R /MediaBox [0 0 ${width} ${height}] /Resources << /Font << /F1 ${font} 0 R >> >> /Contents ${content} 0 R >>`,
      ),
    );
  }
  objects[catalog - 1] = `<< /Type /Catalog /Pages ${pagesObj} 0 R >>`;
  objects[pagesObj - 1] =
    `<< /Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(' ')}] /Count ${kids.length} >>`;
  return serialise(objects);
}

function ucs2(text: string): string {
  let hex = '';
  for (const ch of text) hex += (ch.codePointAt(0) ?? 0).toString(16).padStart(4, '0');
  return hex;
}

function serialise(objects: readonly string[]): Uint8Array {
  // Content is ASCII (text is hex-encoded), so string length equals byte length.
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) out += `${String(o).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(out);
}
