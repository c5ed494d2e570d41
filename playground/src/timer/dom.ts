/**
 * Builds an element. Text goes in as text nodes and attributes through setAttribute, so whatever
 * Toggl sends (a project called `<img onerror=…>`) is shown as text, never parsed as markup.
 */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attributes: Record<string, string | undefined> = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const created = document.createElement(tag)
  for (const [name, value] of Object.entries(attributes)) if (value !== undefined) created.setAttribute(name, value)
  created.append(...children)
  return created
}
