import type { CacheEntry, TogglCache } from 'togglkit'
import { clockTime, element, formatJson } from './dom.ts'

/** What the IndexedDB cache holds, every account and API alike, with a button to empty it. */
export class CacheView {
  readonly #cache: TogglCache
  readonly #rows: HTMLTableSectionElement
  readonly #summary: HTMLElement

  constructor(cache: TogglCache, rows: HTMLTableSectionElement, summary: HTMLElement) {
    this.#cache = cache
    this.#rows = rows
    this.#summary = summary
  }

  async refresh(): Promise<void> {
    const entries = await this.#cache.entries()
    entries.sort((a, b) => a.partition.localeCompare(b.partition) || a.key.localeCompare(b.key))
    this.#rows.replaceChildren(...entries.map(entryRow))
    this.#summary.textContent =
      entries.length === 0 ? 'The cache is empty.' : `${entries.length} entr${entries.length === 1 ? 'y' : 'ies'}`
  }

  async clear(): Promise<void> {
    await this.#cache.clear()
    await this.refresh()
  }
}

function entryRow(entry: CacheEntry): HTMLTableRowElement {
  return element(
    'tr',
    { 'data-testid': 'cache-entry', 'data-key': entry.key },
    element('td', { class: 'key' }, element('code', { title: entry.key }, entry.key), element('small', { title: entry.partition }, accountOf(entry.partition))),
    element('td', { class: 'when' }, clockTime(entry.storedAt), element('small', {}, expiry(entry.expiresAt))),
    element('td', { class: 'value' }, element('details', {}, element('summary', { title: preview(entry.value) }, preview(entry.value)), element('pre', {}, formatJson(entry.value)))),
  )
}

/** Partitions read `{sha256 of the credentials}@{baseURL}`: a short hash and the API tell them apart. */
function accountOf(partition: string): string {
  const at = partition.indexOf('@')
  if (at < 0) return partition
  const api = partition.slice(at + 1)
  return `${partition.slice(0, Math.min(at, 8))}… at ${api.replace(/^https?:\/\/[^/]+/, '') || api}`
}

function expiry(expiresAt: number): string {
  if (expiresAt === Infinity) return 'kept'
  return `${Math.max(0, Math.round((expiresAt - Date.now()) / 60_000))} min left`
}

/** One line for the collapsed value: a model's name, or a list's length. */
function preview(value: unknown): string {
  if (Array.isArray(value)) return `list of ${value.length}${value.every((item) => typeof item === 'number') ? ' ids' : ''}`
  const name = typeof value === 'object' && value !== null ? (value as Record<string, unknown>).name : undefined
  return typeof name === 'string' ? name : typeof value
}
