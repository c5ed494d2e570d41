/** A table of the report: a header row, then one row per line of the report. */
export type Table = readonly (readonly (string | number)[])[]
