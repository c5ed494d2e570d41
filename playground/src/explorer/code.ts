import type { Exchange } from '../exchange.ts'
import type { ExplorerCall } from './calls.ts'
import { argumentList } from './invoke.ts'

/**
 * The call as a program that makes it with togglkit: the client options given, the arguments as
 * the form had them, and the token from the environment (never the page's).
 */
export function codeOf(call: ExplorerCall, args: readonly unknown[], callOptions: Record<string, unknown> | undefined, clientOptions: Record<string, unknown>): string {
  const [className, method] = call.name.split('.') as [string, string]
  const options = Object.keys(clientOptions).length === 0 ? '' : `, ${literal(clientOptions)}`
  const list = argumentList(args, callOptions).map(literal).join(', ')
  const imports = call.static ? `BasicAuth, ${className}` : `BasicAuth, createCache, ${className}`
  const lines = [`import { ${imports} } from 'togglkit'`, '', "const auth = BasicAuth.fromApiToken(process.env.TOGGL_API_TOKEN)"]
  if (call.static) {
    lines.push(`console.log(await ${className}.${method}(auth${options ? `, ${literal(clientOptions)}` : ''}))`)
    return lines.join('\n')
  }
  const name = variableOf(className)
  lines.push(`const ${name} = new ${className}(auth, await createCache()${options})`)
  if (method === 'iterate' || method === 'iterateDetailed') lines.push(`for await (const item of ${name}.${method}(${list})) console.log(item)`)
  else if (className === 'DetailedReportEndpoint' && method === 'search') lines.push(`for await (const row of ${name}.search(${list})) console.log(row)`)
  else if (method === 'export') lines.push(`const file = await ${name}.export(${list})`, 'console.log(file.type, file.size)')
  else lines.push(`console.log(await ${name}.${method}(${list}))`)
  return lines.join('\n')
}

/**
 * One request as a curl command: the token from `$TOGGL_API_TOKEN` in place of the Authorization
 * header (which the page only knows redacted), the other headers and the body as sent.
 */
export function curlOf({ method, url, requestHeaders, requestBody }: Pick<Exchange, 'method' | 'url' | 'requestHeaders' | 'requestBody'>): string {
  const parts = [`curl -X ${method} ${shellQuote(url)}`, '-u "$TOGGL_API_TOKEN:api_token"']
  for (const [name, value] of requestHeaders) if (name !== 'authorization') parts.push(`-H ${shellQuote(`${name}: ${value}`)}`)
  if (requestBody) parts.push(`--data-raw ${shellQuote(compact(requestBody))}`)
  return parts.join(' \\\n  ')
}

function variableOf(className: string): string {
  const base = className.replace(/Endpoint$/, '')
  const camel = base[0]!.toLowerCase() + base.slice(1)
  return camel.endsWith('y') ? `${camel.slice(0, -1)}ies` : `${camel}s`
}

/** A value as JavaScript: JSON, which is JavaScript, with `undefined` for what was left out. */
function literal(value: unknown): string {
  return value === undefined ? 'undefined' : JSON.stringify(value)
}

function compact(body: string): string {
  try {
    return JSON.stringify(JSON.parse(body))
  } catch {
    return body
  }
}

/** Single quotes, with each single quote inside written as '\'' (POSIX shells). */
function shellQuote(text: string): string {
  return `'${text.replaceAll("'", "'\\''")}'`
}
