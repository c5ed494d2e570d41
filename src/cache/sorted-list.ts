/** Past this a chunk splits, so an insertion moves at most this many items. */
const MAX_CHUNK = 512

/**
 * Distinct items kept in order, in chunks of at most {@link MAX_CHUNK}: adding, removing and finding
 * an item costs O(log n + chunk), and reading k items from a bound O(log n + k). A plain sorted array
 * would move up to n items per insertion, which at 100k cached entries is what made storing slow.
 */
export class SortedList<T> {
  readonly #compare: (a: T, b: T) => number
  readonly #chunks: T[][] = []
  #size = 0

  constructor(compare: (a: T, b: T) => number) {
    this.#compare = compare
  }

  get size(): number {
    return this.#size
  }

  /** Adds `item` unless an equal one is there already. */
  add(item: T): void {
    if (this.#chunks.length === 0) {
      this.#chunks.push([item])
      this.#size = 1
      return
    }
    const chunkIndex = Math.min(this.#chunkFor(item), this.#chunks.length - 1)
    const chunk = this.#chunks[chunkIndex]!
    const index = this.#indexIn(chunk, item)
    if (index < chunk.length && this.#compare(chunk[index]!, item) === 0) return
    chunk.splice(index, 0, item)
    this.#size++
    if (chunk.length > MAX_CHUNK) this.#chunks.splice(chunkIndex + 1, 0, chunk.splice(MAX_CHUNK >> 1))
  }

  /** Removes the item equal to `item`; answers whether there was one. */
  delete(item: T): boolean {
    const chunkIndex = this.#chunkFor(item)
    const chunk = this.#chunks[chunkIndex]
    if (chunk === undefined) return false
    const index = this.#indexIn(chunk, item)
    if (index >= chunk.length || this.#compare(chunk[index]!, item) !== 0) return false
    chunk.splice(index, 1)
    this.#size--
    if (chunk.length === 0) this.#chunks.splice(chunkIndex, 1)
    return true
  }

  /** The items from the first one not below `bound`, in order, while the caller keeps reading. */
  *from(bound: T): Generator<T, void, undefined> {
    let chunkIndex = this.#chunkFor(bound)
    const first = this.#chunks[chunkIndex]
    if (first === undefined) return
    // Copied per chunk, so a caller that deletes what it read does not skip the next item.
    let items = first.slice(this.#indexIn(first, bound))
    for (;;) {
      yield* items
      const next = this.#chunks[++chunkIndex]
      if (next === undefined) return
      items = next.slice()
    }
  }

  clear(): void {
    this.#chunks.length = 0
    this.#size = 0
  }

  /** The first chunk whose last item is not below `item` (the chunk count when there is none). */
  #chunkFor(item: T): number {
    let low = 0
    let high = this.#chunks.length
    while (low < high) {
      const middle = (low + high) >> 1
      if (this.#compare(this.#chunks[middle]!.at(-1)!, item) < 0) low = middle + 1
      else high = middle
    }
    return low
  }

  /** The first index in `chunk` whose item is not below `item`. */
  #indexIn(chunk: T[], item: T): number {
    let low = 0
    let high = chunk.length
    while (low < high) {
      const middle = (low + high) >> 1
      if (this.#compare(chunk[middle]!, item) < 0) low = middle + 1
      else high = middle
    }
    return low
  }
}
