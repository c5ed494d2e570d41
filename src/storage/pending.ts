/** Past this many keys pending in one partition, the whole partition is deleted instead. */
const MAX_PENDING_KEYS = 1_000

/** What is to be deleted from one partition. */
export interface PartitionDeletions {
  keys: Set<string>
  /** Every entry whose key starts with one of these (`''`: the whole partition). */
  prefixes: Set<string>
}

/** Deletions taken out of {@link PendingDeletions} to apply. */
export interface DeletionBatch {
  /** Everything the cache holds, every partition. */
  everything: boolean
  partitions: Map<string, PartitionDeletions>
}

/**
 * Deletions the store missed while it was out (or that may not have landed), kept in this process
 * and applied before the store is used again, so the cache never serves an entry this process has
 * made stale (renamed, left, deleted) once the store is back.
 */
export class PendingDeletions {
  #batch: DeletionBatch = emptyBatch()

  get empty(): boolean {
    return !this.#batch.everything && this.#batch.partitions.size === 0
  }

  keys(partition: string, keys: Iterable<string>): void {
    const deletions = this.#of(partition)
    if (deletions.prefixes.has('')) return
    for (const key of keys) deletions.keys.add(key)
    // A long outage would grow the list without end; past a point the whole partition goes instead.
    if (deletions.keys.size > MAX_PENDING_KEYS) {
      deletions.keys.clear()
      deletions.prefixes.add('')
    }
  }

  prefixes(partition: string, prefixes: Iterable<string>): void {
    for (const prefix of prefixes) this.#of(partition).prefixes.add(prefix)
  }

  everything(): void {
    this.#batch = { everything: true, partitions: new Map() }
  }

  /** Hands over what is pending; deletions missed from then on are collected afresh. */
  take(): DeletionBatch {
    const taken = this.#batch
    this.#batch = emptyBatch()
    return taken
  }

  /** Puts back a batch that could not be applied, alongside what was missed since. */
  restore(batch: DeletionBatch): void {
    if (batch.everything) return this.everything()
    if (this.#batch.everything) return
    for (const [partition, { keys, prefixes }] of batch.partitions) {
      this.keys(partition, keys)
      this.prefixes(partition, prefixes)
    }
  }

  #of(partition: string): PartitionDeletions {
    if (this.#batch.everything) return { keys: new Set(), prefixes: new Set() }
    let deletions = this.#batch.partitions.get(partition)
    if (!deletions) this.#batch.partitions.set(partition, (deletions = { keys: new Set(), prefixes: new Set() }))
    return deletions
  }
}

function emptyBatch(): DeletionBatch {
  return { everything: false, partitions: new Map() }
}
