/**
 * The organization ids seen in results, offered as suggestions in every id field (a <datalist>),
 * so the flow collect → add → edit → get → delete needs no copying of ids.
 */
export class KnownOrganizations {
  readonly #list: HTMLDataListElement
  readonly #names = new Map<number, string>()

  constructor(list: HTMLDataListElement) {
    this.#list = list
  }

  /** Notes every `{ id, name }` in a call's result: one organization or a list of them. */
  noteResult(result: unknown): void {
    for (const item of Array.isArray(result) ? result : [result]) {
      if (isOrganization(item)) this.#names.set(item.id, item.name)
    }
    this.#render()
  }

  forget(id: number): void {
    this.#names.delete(id)
    this.#render()
  }

  #render(): void {
    const options = [...this.#names].map(([id, name]) => {
      const option = document.createElement('option')
      option.value = String(id)
      // A property, not markup: the name is shown as plain text.
      option.label = name
      return option
    })
    this.#list.replaceChildren(...options)
  }
}

function isOrganization(value: unknown): value is { id: number; name: string } {
  if (typeof value !== 'object' || value === null) return false
  const { id, name } = value as Record<string, unknown>
  return typeof id === 'number' && typeof name === 'string'
}
