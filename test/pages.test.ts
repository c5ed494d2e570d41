import { describe, expect, it } from 'vitest'
import { byCursor, PageIterator, pageOf, type Page } from '../src/endpoints/pages.ts'

/** A listing of `total` numbers served `perPage` at a time, counting the pages asked for. */
function listing(total: number, perPage: number, headers: (page: number, pages: number) => Record<string, string>) {
  const asked: number[] = []
  const pages = Math.ceil(total / perPage)
  const fetchPage = async (page: number): Promise<Page<number>> => {
    asked.push(page)
    const items = Array.from({ length: total }, (_, i) => i + 1).slice((page - 1) * perPage, page * perPage)
    return pageOf(items, new Headers(headers(page, pages)), { page, perPage })
  }
  return { iterator: new PageIterator(fetchPage), asked }
}

const counted = (page: number, pages: number) => ({ 'X-Page': String(page), 'X-Pages': String(pages), 'X-Records': '7' })

describe('pageOf', () => {
  it('reads X-Page, X-Pages and X-Records, and falls back to the page asked for', () => {
    expect(pageOf([1], new Headers({ 'X-Page': '2', 'X-Pages': '3', 'X-Records': '7' }), { page: 9, perPage: 3 })).toEqual({
      items: [1],
      page: 2,
      perPage: 3,
      pages: 3,
      records: 7,
    })
    expect(pageOf([], new Headers({ 'X-Pages': 'many' }), { page: 4, perPage: 3 })).toEqual({
      items: [],
      page: 4,
      perPage: 3,
      pages: undefined,
      records: undefined,
    })
  })
})

describe('PageIterator', () => {
  it('fetches each page once, in order, as the loop asks for it', async () => {
    const { iterator, asked } = listing(7, 3, counted)
    const seen: number[] = []
    for await (const item of iterator) seen.push(item)
    expect(seen).toEqual([1, 2, 3, 4, 5, 6, 7])
    expect(asked).toEqual([1, 2, 3])
  })

  it('reuses the page that cost() fetched, so cost() and a loop spend exactly the cost', async () => {
    const { iterator, asked } = listing(7, 3, counted)
    expect(await iterator.cost()).toBe(3)
    expect(await iterator.all()).toEqual([1, 2, 3, 4, 5, 6, 7])
    expect(asked).toEqual([1, 2, 3])
  })

  it('asks for nothing more after the loop breaks', async () => {
    const { iterator, asked } = listing(7, 3, counted)
    for await (const item of iterator) if (item === 2) break
    expect(asked).toEqual([1])
  })

  it('starts again from page 1 on a second loop', async () => {
    const { iterator, asked } = listing(4, 3, counted)
    await iterator.all()
    await iterator.all()
    expect(asked).toEqual([1, 2, 1, 2])
  })

  it('without page counts, goes on while pages are full and says the cost is unknown', async () => {
    const { iterator, asked } = listing(6, 3, () => ({}))
    expect(await iterator.cost()).toBeUndefined()
    expect(await iterator.all()).toEqual([1, 2, 3, 4, 5, 6])
    // The third page comes back empty: that is what ends a listing Toggl gave no count for.
    expect(asked).toEqual([1, 2, 3])
  })

  it('stops at an empty page even when X-Pages promises more', async () => {
    const { iterator, asked } = listing(3, 3, (page) => ({ 'X-Page': String(page), 'X-Pages': '50' }))
    expect(await iterator.all()).toEqual([1, 2, 3])
    expect(asked).toEqual([1, 2])
  })

  it('asks again after a failed page 1 instead of keeping the failure', async () => {
    let calls = 0
    const iterator = new PageIterator(async (page) => {
      calls++
      if (calls === 1) throw new Error('the network blinked')
      return pageOf([page], new Headers({ 'X-Pages': '1' }), { page, perPage: 10 })
    })
    await expect(iterator.cost()).rejects.toThrow('the network blinked')
    expect(await iterator.cost()).toBe(1)
    expect(await iterator.all()).toEqual([1])
    expect(calls).toBe(2)
  })

  it('goes by X-Page-Size when Toggl caps the page size asked for', async () => {
    const asked: number[] = []
    // 150 records, 100 to a page whatever was asked, and no page count.
    const iterator = new PageIterator(async (page) => {
      asked.push(page)
      const items = Array.from({ length: 150 }, (_, i) => i).slice((page - 1) * 100, page * 100)
      return pageOf(items, new Headers({ 'X-Page-Size': '100' }), { page, perPage: 200 })
    })
    expect(await iterator.all()).toHaveLength(150)
    expect(asked).toEqual([1, 2])
  })

  it('counts an empty listing as one request', async () => {
    const { iterator, asked } = listing(0, 3, () => ({ 'X-Page': '1', 'X-Pages': '0', 'X-Records': '0' }))
    expect(await iterator.cost()).toBe(1)
    expect(await iterator.all()).toEqual([])
    expect(asked).toEqual([1])
  })
})

describe('byCursor', () => {
  /** A listing of `total` letters served `size` at a time, each page naming where the next starts. */
  function letters(total: number, size: number) {
    const asked: (number | null)[] = []
    const alphabet = Array.from({ length: total }, (_, i) => String.fromCharCode(97 + i))
    const iterator = byCursor(async (cursor: number | null) => {
      asked.push(cursor)
      const start = cursor ?? 0
      const next = start + size < total ? start + size : null
      return { ...pageOf(alphabet.slice(start, start + size), new Headers(), { page: start / size + 1, perPage: size }), next }
    })
    return { iterator, asked }
  }

  it('starts without a cursor, then follows each page\'s cursor until a page has none', async () => {
    const { iterator, asked } = letters(5, 2)
    expect(await iterator.all()).toEqual(['a', 'b', 'c', 'd', 'e'])
    expect(asked).toEqual([null, 2, 4])
  })

  it('yields the pages with their cursors', async () => {
    const { iterator } = letters(3, 2)
    const pages = []
    for await (const page of iterator.pages()) pages.push({ items: page.items, next: page.next })
    expect(pages).toEqual([
      { items: ['a', 'b'], next: 2 },
      { items: ['c'], next: null },
    ])
  })

  it('asks for nothing more after the loop breaks, and starts again on a new loop', async () => {
    const { iterator, asked } = letters(6, 2)
    for await (const letter of iterator) if (letter === 'c') break
    expect(asked).toEqual([null, 2])
    await iterator.all()
    expect(asked).toEqual([null, 2, null, 2, 4])
  })

  it('costs 1 when the first page is the last, and is unknown otherwise; the page it fetched is the loop\'s', async () => {
    const one = letters(2, 2)
    expect(await one.iterator.cost()).toBe(1)
    const more = letters(5, 2)
    expect(await more.iterator.cost()).toBeUndefined()
    expect(await more.iterator.all()).toHaveLength(5)
    expect(more.asked).toEqual([null, 2, 4])
  })

  it('stops at an empty page even when it names a next cursor', async () => {
    const asked: (string | null)[] = []
    const iterator = byCursor(async (cursor: string | null) => {
      asked.push(cursor)
      const items = cursor === null ? [1] : []
      return { ...pageOf(items, new Headers(), { page: 1, perPage: 1 }), next: 'again' }
    })
    expect(await iterator.all()).toEqual([1])
    expect(asked).toEqual([null, 'again'])
  })
})
