import * as v from 'valibot'
import { describe } from '../../core/describe.ts'
import { InputError } from '../../core/errors.ts'

/** The formats Toggl exports reports in. */
export type ReportFormat = 'csv' | 'pdf' | 'xlsx'

/** Each format's media type, by extension: Toggl's spec calls xlsx `text/xlsx`, which no program knows. */
const MEDIA_TYPES: Readonly<Record<ReportFormat, string>> = {
  csv: 'text/csv',
  pdf: 'application/pdf',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
}

/** A report file as it arrives: a `Blob`. */
export const ReportFileSchema = v.instance(Blob)

/** The `{extension}` of Toggl's `…/time_entries.{extension}` exports: the formats other than PDF. */
export const SheetExtensionSchema = v.picklist(['csv', 'xlsx'])

/** `format` when it is one of `formats`, else an `InputError` (before anything is sent). */
export function formatOf<F extends ReportFormat>(format: unknown, formats: readonly F[], where: string): F {
  if (formats.includes(format as F)) return format as F
  const named = formats.map((name) => `'${name}'`)
  const choices = `${named.slice(0, -1).join(', ')} or ${named.at(-1)}`
  throw new InputError(`${where}: format must be ${choices}, got ${describe(format)}`)
}

/** The file with the media type of its format, whatever type the reply said. */
export function typedFile(file: Blob, format: ReportFormat): Blob {
  const type = MEDIA_TYPES[format]
  return file.type === type ? file : new Blob([file], { type })
}
