import { clockTime, element } from './dom.ts'
import type { Exchange } from './exchange.ts'
import { curlOf } from './explorer/code.ts'

/**
 * One request as a disclosure: its line (who, method, URL, status, attempt, duration) and, opened,
 * the request and response headers and bodies, and the same request as curl (token redacted).
 */
export function exchangeItem(exchange: Exchange): HTMLDetailsElement {
  const status = exchange.status ?? (exchange.failure ? 'no answer' : '…')
  const attempt = exchange.attempt === undefined || exchange.attempt === 1 ? '' : ` · attempt ${exchange.attempt}`
  const next = exchange.retryIn === undefined ? '' : ` · retry in ${Math.round(exchange.retryIn)} ms`
  const duration = exchange.duration === undefined ? '' : ` · ${Math.round(exchange.duration)} ms`
  const failed = exchange.failure !== undefined || (exchange.status !== undefined && exchange.status >= 400)
  return element(
    'details',
    { class: `exchange${failed ? ' failed' : ''}`, 'data-testid': 'exchange', 'data-caller': exchange.caller, 'data-status': String(exchange.status ?? '') },
    element(
      'summary',
      {},
      element('span', { class: 'when' }, clockTime(exchange.startedAt)),
      element('span', { class: 'caller', title: exchange.caller }, exchange.caller),
      element('span', { class: 'status' }, `${status}${exchange.error ? ` ${exchange.error}` : ''}${attempt}${duration}${next}`),
      element('code', { class: 'request', title: `${exchange.method} ${exchange.url}` }, `${exchange.method} ${pathOf(exchange.url)}`),
    ),
    element('p', { class: 'url' }, element('code', {}, `${exchange.method} ${exchange.url}`)),
    part('Request headers', headerText(exchange.requestHeaders), 'request-headers'),
    part('Request body', exchange.requestBody, 'request-body'),
    part('Response headers', headerText(exchange.responseHeaders), 'response-headers'),
    part('Response body', exchange.failure ?? exchange.responseBody, 'response-body'),
    part('As curl', curlOf(exchange), 'curl'),
  )
}

function part(title: string, text: string | undefined, testId: string): HTMLElement | string {
  if (text === undefined || text === '') return ''
  return element('div', { class: 'part' }, element('h4', {}, title), element('pre', { 'data-testid': testId }, text))
}

function headerText(headers: readonly [string, string][]): string {
  return headers.map(([name, value]) => `${name}: ${value}`).join('\n')
}

/** The path under the API's base (`/api/v9`, or the proxy's `/toggl/api/v9`) and the query: the line has little room. */
function pathOf(url: string): string {
  try {
    const { pathname, search } = new URL(url)
    return pathname.replace(/^(\/toggl)?\/api\/v9(?=\/)/, '') + search
  } catch {
    return url
  }
}
