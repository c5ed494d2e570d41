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

function countHeader(headers: Headers, name: string): number | undefined {
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
 * Every item of a paged listing, fetched one page at a time as the loop asks for more: breaking out
 * of the loop sends no further request. Each loop starts again from page 1.
 *
 * @example
 * const users = endpoint.iterate(org, { per_page: 200 })
 * console.log(`${await users.cost()} requests`)   // fetches page 1, which the loop then uses
 * for await (const user of users) console.log(user.email)
 */
export class PageIterator<T> implements AsyncIterable<T> {
  readonly #fetchPage: (page: number) => Promise<Page<T>>
  /** Page 1, fetched by `cost()` and not yet handed to a loop. */
  #firstPage: Promise<Page<T>> | undefined

  constructor(fetchPage: (page: number) => Promise<Page<T>>) {
    if (typeof fetchPage !== 'function') {
      throw new InputError(`new PageIterator: fetchPage must be a function (page number → Promise<Page>), got ${describe(fetchPage)}`)
    }
    this.#fetchPage = fetchPage
  }

  /**
   * How many requests a whole loop costs: the listing's page count (`X-Pages`), at least 1. Fetching
   * page 1 to learn it is that loop's first request, not an extra one. `undefined` when Toggl sent
   * no page count.
   */
  async cost(): Promise<number | undefined> {
    const first = (this.#firstPage ??= this.#fetchPage(1))
    // A failed page 1 is not kept: the next cost() or loop asks again.
    first.catch(() => {
      if (this.#firstPage === first) this.#firstPage = undefined
    })
    const { pages } = await first
    return pages === undefined ? undefined : Math.max(1, pages)
  }

  /** The listing page by page, with each page's counts. */
  async *pages(): AsyncGenerator<Page<T>, void, undefined> {
    const first = this.#firstPage ?? this.#fetchPage(1)
    this.#firstPage = undefined
    let number = 1
    let page = await first
    yield page
    while (hasNext(page, number)) {
      page = await this.#fetchPage(++number)
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
