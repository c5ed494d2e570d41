import { byTestId } from '../dom.ts'

/**
 * The explorer's client options: each field the library's option of that name, empty for its
 * default. Values go to the library as typed (a number when it reads as one), so a bad one is the
 * library's own InputError, and nothing is clamped.
 */
export function readClientOptions(): Record<string, unknown> {
  const options: Record<string, unknown> = {}
  for (const name of ['timeout', 'retries', 'retryDelay', 'maxRetryDelay'] as const) {
    const text = byTestId(`option-${name}`, HTMLInputElement).value.trim()
    if (text !== '') options[name] = numberOr(text)
  }
  if (byTestId('option-reRaise', HTMLInputElement).checked) options['reRaise'] = true
  const perSecond = byTestId('option-rate', HTMLInputElement).value.trim()
  const burst = byTestId('option-burst', HTMLInputElement).value.trim()
  if (perSecond !== '') options['rateLimit'] = { perSecond: numberOr(perSecond), ...(burst === '' ? {} : { burst: numberOr(burst) }) }
  return options
}

function numberOr(text: string): number | string {
  return text === 'Infinity' ? Infinity : /^-?\d+(\.\d+)?$/.test(text) ? Number(text) : text
}
