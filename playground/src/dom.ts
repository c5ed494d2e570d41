/**
 * The only way this page builds DOM: text goes in as Text nodes and attributes through
 * setAttribute, so nothing a server sends is ever parsed as HTML.
 */
export function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Record<string, string> = {},
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const created = document.createElement(tag)
  for (const [name, value] of Object.entries(attributes)) created.setAttribute(name, value)
  created.append(...children)
  return created
}

/** The element marked `data-testid="{id}"` in the page's markup, checked to be of the expected kind. */
export function byTestId<T extends HTMLElement>(id: string, kind: new () => T, within: ParentNode = document): T {
  const found = within.querySelector(`[data-testid="${id}"]`)
  if (!(found instanceof kind)) throw new Error(`index.html lacks a ${kind.name} with data-testid="${id}"`)
  return found
}

/** Pretty JSON for a <pre>; `undefined` (a call that returns nothing) is said in words. */
export function formatJson(value: unknown): string {
  return value === undefined ? '(nothing: the call returns void)' : JSON.stringify(value, null, 2)
}

export function clockTime(at: number): string {
  return new Date(at).toLocaleTimeString(undefined, { hour12: false })
}
