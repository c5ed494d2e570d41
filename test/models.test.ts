import * as v from 'valibot'
import { describe, expect, it } from 'vitest'
import { IndexedDbCache, MemoryCache } from '../src/index.ts'
import type { TogglCache } from '../src/cache/types.ts'
import { cacheGuardOf } from '../src/endpoints/cache-guard.ts'
import type { CacheScope } from '../src/endpoints/base.ts'
import { deleteModels, findModel, modelsInRange, putModels, settleModel, type ModelKind } from '../src/endpoints/models.ts'

interface Entry {
  id: number
  start: number
  description: string
}
const ENTRY: ModelKind<Entry> = {
  name: 'time_entry',
  schema: v.looseObject({ id: v.number(), start: v.number(), description: v.string() }),
  order: (entry) => entry.start,
}
const scopeOf = (cache: TogglCache): CacheScope => ({ cache, partition: 'p', guard: cacheGuardOf(cache, 'p') })

describe('models in the cache', () => {
  it('are stored under {kind}:{id}, found again, and read in order of their group', async () => {
    const scope = scopeOf(new MemoryCache())
    await putModels(scope, ENTRY, [
      { id: 2, start: 200, description: 'b' },
      { id: 1, start: 100, description: 'a' },
      { id: 3, start: 300, description: 'c' },
    ])
    expect(await findModel(scope, ENTRY, 1)).toEqual({ id: 1, start: 100, description: 'a' })
    expect((await scope.cache.keys('p')).sort()).toEqual(['time_entry:1', 'time_entry:2', 'time_entry:3'])
    expect((await modelsInRange(scope, ENTRY, { from: 150 })).map(({ id }) => id)).toEqual([2, 3])
    await deleteModels(scope, ENTRY, [2])
    expect((await modelsInRange(scope, ENTRY)).map(({ id }) => id)).toEqual([1, 3])
  })

  it('from a store others write, a model that no longer passes its schema is not served', async () => {
    const untrusted = new IndexedDbCache({ name: `models-${Math.random()}`, onWarning: () => {} }) // memory fallback in Node: not trusted either
    const scope = scopeOf(untrusted)
    await untrusted.put('p', 'time_entry:1', { id: 1, start: 'yesterday' }, { group: 'time_entry', order: 1 })
    await putModels(scope, ENTRY, [{ id: 2, start: 2, description: 'ok' }])
    expect(await findModel(scope, ENTRY, 1)).toBeUndefined()
    expect((await modelsInRange(scope, ENTRY)).map(({ id }) => id)).toEqual([2])
  })

  it('after a write: the answered model when the write ran alone and succeeded, else none', async () => {
    const scope = scopeOf(new MemoryCache())
    const entry = { id: 1, start: 100, description: 'new' }
    await putModels(scope, ENTRY, [{ ...entry, description: 'old' }])
    await settleModel(scope, ENTRY, 1, { alone: true, value: entry }, entry)
    expect(await findModel(scope, ENTRY, 1)).toEqual(entry)
    await settleModel(scope, ENTRY, 1, { alone: false, value: entry }, entry)
    expect(await findModel(scope, ENTRY, 1)).toBeUndefined()
    await putModels(scope, ENTRY, [entry])
    await settleModel(scope, ENTRY, 1, { alone: true, error: new Error('timeout') }, undefined)
    expect(await findModel(scope, ENTRY, 1)).toBeUndefined()
    await putModels(scope, ENTRY, [entry])
    await settleModel(scope, ENTRY, 1, { alone: true }, null)
    expect(await findModel(scope, ENTRY, 1)).toBeUndefined()
  })
})
