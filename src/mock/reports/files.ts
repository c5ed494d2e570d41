import type { Reply } from '../responses.ts'
import type { Table } from './table.ts'
import { xlsxOf } from './xlsx.ts'

// The fake's report files, made from the rows a report computed. Toggl documents neither their
// columns nor their layout: the columns and the PDF's look are the fake's own; the bytes are real
// CSV (RFC 4180), PDF 1.4 and XLSX (Office Open XML), so programs open them.


/** The media types Toggl's spec names for its exports (`text/xlsx` included, as the spec writes it). */
const MEDIA_TYPES = { csv: 'text/csv', pdf: 'application/pdf', xlsx: 'text/xlsx' } as const

export type ExportFormat = keyof typeof MEDIA_TYPES

/** The report as a file of `format`, with Toggl's media type; `title` heads a PDF. */
export function fileReply(format: ExportFormat, title: string, table: Table): Reply {
  const body = format === 'csv' ? csvOf(table) : format === 'pdf' ? pdfOf(title, table) : xlsxOf(table)
  return { status: 200, body, contentType: MEDIA_TYPES[format] }
}

/** RFC 4180: fields with a comma, quote or line break are quoted (quotes doubled), lines end in CRLF. */
function csvOf(table: Table): string {
  const field = (value: string | number) => {
    const text = String(value)
    return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text
  }
  return table.map((row) => `${row.map(field).join(',')}\r\n`).join('')
}

/**
 * A duration as Toggl's duration formats show it (its settings' own examples: classic "47:06 min",
 * improved "0:47:06", decimal "0.79 h").
 */
export function durationText(seconds: number, format: unknown): string {
  if (format === 'decimal') return `${(seconds / 3600).toFixed(2)} h`
  const hours = Math.floor(seconds / 3600)
  const minutes = String(Math.floor((seconds % 3600) / 60)).padStart(2, '0')
  const rest = String(seconds % 60).padStart(2, '0')
  if (format === 'improved' || hours > 0) return `${hours}:${minutes}:${rest}`
  return `${minutes}:${rest} min`
}

const LINES_PER_PAGE = 50

/** A PDF of A4 pages: the title, then the table's rows as lines of text (Helvetica, ASCII only). */
function pdfOf(title: string, table: Table): string {
  const lines = table.map((row) => row.join('  |  '))
  const pages: string[][] = []
  for (let i = 0; i === 0 || i < lines.length; i += LINES_PER_PAGE) pages.push(lines.slice(i, i + LINES_PER_PAGE))
  // Objects 1 to 3: catalog, page tree, font; then a page and its content stream per page.
  const pageIds = pages.map((_, index) => 4 + index * 2)
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    `<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(' ')}] /Count ${pages.length} >>`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ]
  pages.forEach((page, index) => {
    const text = [`/F1 14 Tf (${pdfText(title)}) Tj /F1 9 Tf T* T*`, ...page.map((line) => `(${pdfText(line)}) Tj T*`)]
    const stream = `BT 40 800 Td 14 TL ${text.join(' ')} ET`
    objects.push(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents ${pageIds[index]! + 1} 0 R >>`)
    objects.push(`<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`)
  })
  let pdf = '%PDF-1.4\n'
  const offsets = objects.map((object, index) => {
    const offset = pdf.length
    pdf += `${index + 1} 0 obj\n${object}\nendobj\n`
    return offset
  })
  const xref = pdf.length
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`).join('')}`
  return `${pdf}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`
}

/** Text for a PDF string: printable ASCII only (others become `?`), with `\`, `(` and `)` escaped. */
function pdfText(text: string): string {
  return text.replace(/[^\x20-\x7e]/g, '?').replace(/[\\()]/g, (char) => `\\${char}`)
}
