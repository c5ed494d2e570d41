import { describe } from '../core/describe.ts'
import { InputError } from '../core/errors.ts'

/** One page of a paged listing, with what Toggl's `X-Page`, `X-Pages` and `X-Records` headers said. */
export interface Page<T> {
  items: T[]
  /** This page's number, from 1 (`X-Page`, else the page asked for). */
  page: number
  /** The page size: `X-Page-Size` (Toggl may cap what was asked for), else the size asked for. */
  perPage: number
  /** How many pages the listing has (`X-Pages`); `undefined` when Toggl did not say. */
  pages: number | undefined
  /** How many records the listing has (`X-Records`); `undefined` when Toggl did not say. */
  records: number | undefined
}

/** A page from its items and reply headers. */
export function pageOf<T>(items: T[], headers: Headers, asked: { page: number; perPage: number }): Page<T> {
  return {
    items,
    page: countHeader(headers, 'x-page') ?? asked.page,
    perPage: countHeader(headers, 'x-page-size') ?? asked.perPage,
    pages: countHeader(headers, 'x-pages'),
    records: countHeader(headers, 'x-records'),
  }
}

/** A header that holds a count (digits only), as a number; `undefined` when absent or anything else. */
export function countHeader(headers: Headers, name: string): number | undefined {
  const value = headers.get(name)?.trim()
  return value && /^\d+$/.test(value) ? Number(value) : undefined
}

/**
 * Whether the listing goes on after page `number`: `X-Pages` says so, or, without it, a full page
 * hints so. An empty page always ends it, so a confused count cannot loop forever.
 */
function hasNext(page: Page<unknown>, number: number): boolean {
  if (page.items.length === 0) return false
  return page.pages === undefined ? page.items.length >= page.perPage : number < page.pages
}

/**
 * One page of a listing that goes on by a cursor (the detailed report's `X-Next-ID` and
 * `X-Next-Row-Number`) rather than by page numbers; Toggl sends no page or record count there.
 */
export interface CursorPage<T, C> extends Page<T> {
  /** Where the next page starts, as the reply said; `null` on the last page. */
  next: C | null
}

/** How a listing goes from one page to the next, and what its first page tells of the cost. */
export interface PageWalk<P> {
  /** The `number`th page (from 1), after `previous` (`undefined` for the first). */
  fetch(number: number, previous: P | undefined): Promise<P>
  /** Whether another page follows `page`, the `number`th. */
  goesOn(page: P, number: number): boolean
  /** How many requests a whole loop costs, as the first page tells; `undefined` when it does not. */
  cost(first: P): number | undefined
}

/**
 * Every item of a paged listing, fetched one page at a time as the loop asks for more: breaking out
 * of the loop sends no further request, and no page is kept once the loop has moved past it. Each
 * loop starts again from the first page.
 *
 * @example
 * const users = endpoint.iterate(org, { per_page: 200 })
 * console.log(`${await users.cost()} requests`)   // fetches page 1, which the loop then uses
 * for await (const user of users) console.log(user.email)
 */
export class PageIterator<T, P extends Page<T> = Page<T>> implements AsyncIterable<T> {
  readonly #walk: PageWalk<P>
  /** The first page, fetched by `cost()` and not yet handed to a loop. */
  #firstPage: Promise<P> | undefined

  /**
   * A listing by page numbers, `fetchPage(1)`, `fetchPage(2)`, … while `X-Pages` (or a full page)
   * says there are more; or one that goes by a walk of its own (see {@link byCursor}).
   */
  constructor(fetchPage: ((page: number) => Promise<Page<T> & P>) | PageWalk<P>) {
    const isWalk = typeof fetchPage === 'object' && fetchPage !== null && typeof (fetchPage as PageWalk<P>).fetch === 'function'
    if (typeof fetchPage !== 'function' && !isWalk) {
      throw new InputError(`new PageIterator: fetchPage must be a function (page number → Promise<Page>) or a walk, got ${describe(fetchPage)}`)
    }
    this.#walk =
      typeof fetchPage === 'function'
        ? { fetch: fetchPage, goesOn: hasNext, cost: ({ pages }) => (pages === undefined ? undefined : Math.max(1, pages)) }
        : fetchPage
  }

  /**
   * How many requests a whole loop costs: the listing's page count (`X-Pages`), at least 1; for a
   * listing by cursor, 1 when the first page is the last. Fetching the first page to learn it is
   * that loop's first request, not an extra one. `undefined` when the first page does not tell.
   */
  async cost(): Promise<number | undefined> {
    const first = (this.#firstPage ??= this.#walk.fetch(1, undefined))
    // A failed first page is not kept: the next cost() or loop asks again.
    first.catch(() => {
      if (this.#firstPage === first) this.#firstPage = undefined
    })
    return this.#walk.cost(await first)
  }

  /** The listing page by page, with each page's counts (and, by cursor, where the next starts). */
  async *pages(): AsyncGenerator<P, void, undefined> {
    const walk = this.#walk
    const first = this.#firstPage ?? walk.fetch(1, undefined)
    this.#firstPage = undefined
    let number = 1
    let page = await first
    yield page
    while (walk.goesOn(page, number)) {
      page = await walk.fetch(++number, page)
      yield page
    }
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<T, void, undefined> {
    for await (const page of this.pages()) yield* page.items
  }

  /** Every item in one array: as many requests as there are pages. */
  async all(): Promise<T[]> {
    const items: T[] = []
    for await (const page of this.pages()) items.push(...page.items)
    return items
  }
}

/**
 * A listing by cursor: `fetchPage(null)` first, then `fetchPage(next)` with the cursor each page
 * gave, until a page gives none. An empty page ends it too, so a confused cursor cannot loop
 * forever. A loop over one page costs 1 request; with more, `cost()` cannot tell.
 */
export function byCursor<T, C>(fetchPage: (cursor: C | null) => Promise<CursorPage<T, C>>): PageIterator<T, CursorPage<T, C>> {
  return new PageIterator<T, CursorPage<T, C>>({
    fetch: (_, previous) => fetchPage(previous?.next ?? null),
    goesOn: (page) => page.items.length > 0 && page.next !== null,
    cost: (first) => (first.next === null ? 1 : undefined),
  })
}
