/**
 * Where a {@link StorageCache} keeps things in an unstorage `Storage`. Every storage key is a list of
 * `:`-separated segments, so `redis-cli --scan --pattern 'togglkit:<partition>:*'` finds one
 * account's records and an fs driver lays them out as folders:
 *
 * - `<name>:<partition>:e:<key>` — one entry: a JSON record (see record.ts) holding the value.
 * - `<name>:<partition>:g:<group>:<order>:<write>:<key>` — files the entry `key` in an ordered group:
 *   `order` as 16 hex digits that sort like the number, `write` the id of the write that filed it
 *   (the entry's record carries the same id). The value is `1`; only the key matters.
 *
 * - `<name>:lock:<lock name>` — a lock processes take (a sync of one account names it with the
 *   partition, `sync:<partition>:time_entry`); it expires by itself after 30 s.
 *
 * `<name>` (default `togglkit`), `<partition>`, `<key>` and `<group>` are text escaped so any string
 * survives every driver: lower-case letters and digits stay as they are, any other UTF-16 code unit
 * becomes `_hh` (below U+0100) or `~hhhh`, the empty string is `_`. So no segment holds `:`, `/`, `.`
 * or an upper-case letter (case-insensitive file systems), and none is `.`, `..` or ends in `$`
 * (which unstorage reserves). Escaped text longer than {@link SEGMENT_LENGTH} goes over several
 * segments, each but the last ending in `-`, so a path component stays below file-system limits.
 */
const SEGMENT_LENGTH = 200

const ENTRY = 'e'
const GROUP = 'g'
const EMPTY = '_'
const CONTINUED = '-'
const ESCAPED = /^(?:[a-z0-9]|_[0-9a-f]{2}|~[0-9a-f]{4})+$/
const HEX16 = /^[0-9a-f]{16}$/

/** Which entry a storage key is about. */
export interface EntryAddress {
  partition: string
  key: string
}

/** An index key taken apart. */
export interface IndexAddress extends EntryAddress {
  group: string
  order: number
  write: string
}

/** The storage keys of one cache, all under its `name`. */
export class KeyLayout {
  readonly namespace: string

  constructor(name: string) {
    this.namespace = field(name)
  }

  /** The base (for `getKeys`) of everything stored for `partition`. */
  partitionBase(partition: string): string {
    return `${this.namespace}:${field(partition)}`
  }

  /** The base of every entry record of `partition`. */
  entryBase(partition: string): string {
    return `${this.partitionBase(partition)}:${ENTRY}`
  }

  /** The base of every index key of one ordered group. */
  groupBase(partition: string, group: string): string {
    return `${this.partitionBase(partition)}:${GROUP}:${field(group)}`
  }

  /** The key of a lock every process on the store takes by name (its name carries the partition). */
  lockKey(name: string): string {
    return `${this.namespace}:lock:${field(name)}`
  }

  entryKey(partition: string, key: string): string {
    return `${this.entryBase(partition)}:${field(key)}`
  }

  indexKey({ partition, group, order, write, key }: IndexAddress): string {
    return `${this.groupBase(partition, group)}:${encodeOrder(order)}:${write}:${field(key)}`
  }

  /**
   * What a listed storage key stands for: an entry or an index key of this cache, or `undefined`
   * for anything else (another cache's keys, or a key written by hand or by a later version).
   */
  parse(storageKey: string): ({ kind: 'entry' } & EntryAddress) | ({ kind: 'index' } & IndexAddress) | undefined {
    const reader = new SegmentReader(storageKey.split(':'))
    if (reader.field() !== this.namespace) return undefined
    const partition = reader.text()
    const kind = reader.segment()
    if (partition === undefined) return undefined
    if (kind === ENTRY) {
      const key = reader.text()
      return key !== undefined && reader.done() ? { kind: 'entry', partition, key } : undefined
    }
    if (kind !== GROUP) return undefined
    const group = reader.text()
    const order = reader.segment()
    const write = reader.segment()
    const key = reader.text()
    if (group === undefined || order === undefined || !HEX16.test(order) || write === undefined || !HEX16.test(write)) return undefined
    return key !== undefined && reader.done() ? { kind: 'index', partition, group, order: decodeOrder(order), write, key } : undefined
  }
}

/** A new write id: 64 random bits, so two processes never file under the same one. */
export function newWriteId(): string {
  const [high, low] = crypto.getRandomValues(new Uint32Array(2))
  return hex8(high!) + hex8(low!)
}

/** Reads the segments of a storage key in order. */
class SegmentReader {
  readonly #segments: string[]
  #next = 0

  constructor(segments: string[]) {
    this.#segments = segments
  }

  segment(): string | undefined {
    return this.#segments[this.#next++]
  }

  /** The segments of one escaped text, as stored (continuation marks kept). */
  field(): string | undefined {
    const parts: string[] = []
    for (let part = this.segment(); part !== undefined; part = this.segment()) {
      parts.push(part)
      if (!part.endsWith(CONTINUED)) return parts.join(':')
    }
    return undefined
  }

  /** One escaped text, unescaped; `undefined` when it is not one this layout writes. */
  text(): string | undefined {
    const stored = this.field()
    if (stored === undefined) return undefined
    if (stored === EMPTY) return ''
    const escaped = stored.split(':').map((part) => part.replace(/-$/, '')).join('')
    if (!ESCAPED.test(escaped)) return undefined
    return escaped.replace(/_([0-9a-f]{2})|~([0-9a-f]{4})/g, (_, byte: string | undefined, unit: string | undefined) =>
      String.fromCharCode(parseInt(byte ?? unit!, 16)),
    )
  }

  done(): boolean {
    return this.#next === this.#segments.length
  }
}

/** `text` escaped into one or more segments (see the module comment). */
function field(text: string): string {
  if (text === '') return EMPTY
  // Without the `u` flag the class matches single UTF-16 code units, lone surrogates included.
  const escaped = text.replace(/[^a-z0-9]/g, (unit) => {
    const code = unit.charCodeAt(0)
    return code < 0x100 ? `_${code.toString(16).padStart(2, '0')}` : `~${code.toString(16).padStart(4, '0')}`
  })
  if (escaped.length <= SEGMENT_LENGTH) return escaped
  const parts: string[] = []
  for (let start = 0; start < escaped.length; start += SEGMENT_LENGTH) parts.push(escaped.slice(start, start + SEGMENT_LENGTH))
  return parts.join(`${CONTINUED}:`)
}

/**
 * A float64 as 16 hex digits whose code-unit order is the numbers' order (±Infinity included): the
 * sign bit flipped for positives, every bit for negatives. -0 is written as 0.
 */
function encodeOrder(order: number): string {
  const view = new DataView(new ArrayBuffer(8))
  view.setFloat64(0, order === 0 ? 0 : order)
  let high = view.getUint32(0)
  let low = view.getUint32(4)
  if (high >= 0x80000000) {
    high = ~high >>> 0
    low = ~low >>> 0
  } else {
    high = (high | 0x80000000) >>> 0
  }
  return hex8(high) + hex8(low)
}

function decodeOrder(encoded: string): number {
  let high = parseInt(encoded.slice(0, 8), 16)
  let low = parseInt(encoded.slice(8), 16)
  if (high >= 0x80000000) {
    high = (high & 0x7fffffff) >>> 0
  } else {
    high = ~high >>> 0
    low = ~low >>> 0
  }
  const view = new DataView(new ArrayBuffer(8))
  view.setUint32(0, high)
  view.setUint32(4, low)
  return view.getFloat64(0)
}

function hex8(word: number): string {
  return word.toString(16).padStart(8, '0')
}
