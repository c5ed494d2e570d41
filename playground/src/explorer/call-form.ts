import { element } from '../dom.ts'
import type { CallOptionsKind, ExplorerCall, Param } from './calls.ts'
import { fieldsOf, textOf, valueOf, type SchemaField } from './schema-fields.ts'

/** The form's text is not a value the call can take (bad JSON); nothing was sent. */
export class ArgumentsError extends Error {
  override readonly name = 'ArgumentsError'
}

/** A call's fields: what reads their values, and what puts an example in them. */
export interface CallForm {
  element: HTMLElement
  /** The arguments, one per parameter (`undefined` where an optional one is empty); throws ArgumentsError. */
  read(): unknown[]
  /** The per-call options set, or `undefined` when none is. */
  readOptions(): Record<string, unknown> | undefined
  fill(values: readonly unknown[]): void
}

interface Widget {
  element: HTMLElement
  read(): unknown
  fill(value: unknown): void
}

/** The form for one call: a field per parameter (typed from its schema where it allows), then the per-call options. */
export function callForm(call: ExplorerCall): CallForm {
  const widgets = call.params.map(widgetOf)
  const options = optionsWidget(call.options)
  const form = element('div', { class: 'call-fields' }, ...widgets.map(({ element }) => element), ...(options ? [options.element] : []))
  return {
    element: form,
    read: () => widgets.map((widget) => widget.read()),
    readOptions: () => options?.read() as Record<string, unknown> | undefined,
    fill: (values) => widgets.forEach((widget, index) => widget.fill(values[index])),
  }
}

function widgetOf(param: Param): Widget {
  const label = `${param.name}${param.optional ? ' (optional)' : ''}`
  const testId = `param-${param.name}`
  switch (param.kind) {
    case 'id':
    case 'ids':
    case 'text': {
      const input = element('input', { 'data-testid': testId, autocomplete: 'off', spellcheck: 'false', placeholder: placeholderOf(param) })
      if (param.kind !== 'text') input.inputMode = param.kind === 'id' ? 'numeric' : 'text'
      return {
        element: labelled(label, input),
        read: () => (param.kind === 'text' ? (input.value === '' && param.optional ? undefined : input.value) : idsOf(input.value, param.kind === 'ids', param.optional)),
        fill: (value) => (input.value = value === undefined ? '' : Array.isArray(value) ? value.join(', ') : String(value)),
      }
    }
    case 'boolean':
      return choiceWidget(label, testId, ['true', 'false'], param.optional === true, (text) => text === 'true')
    case 'choice':
      return choiceWidget(label, testId, param.choices, param.optional === true, (text) => text)
    case 'json':
      return jsonWidget(label, testId, param.optional === true)
    case 'object': {
      const fields = fieldsOf(param.schema)
      return fields ? objectWidget(label, testId, fields, param.optional === true) : jsonWidget(label, testId, param.optional === true)
    }
  }
}

function choiceWidget(label: string, testId: string, choices: readonly string[], optional: boolean, valueOf: (text: string) => unknown): Widget {
  const select = element('select', { 'data-testid': testId }, ...(optional ? [element('option', { value: '' }, '—')] : []), ...choices.map((choice) => element('option', { value: choice }, choice)))
  return {
    element: labelled(label, select),
    read: () => (select.value === '' ? undefined : valueOf(select.value)),
    fill: (value) => (select.value = value === undefined ? '' : String(value)),
  }
}

function placeholderOf(param: Param): string {
  if (param.kind === 'id') return `${param.of} id`
  if (param.kind === 'ids') return `${param.of} ids, comma-separated`
  return ''
}

/** Digits become numbers; anything else goes to the library as typed, so its InputError shows what it refuses. */
function idsOf(text: string, many: boolean, optional: true | undefined): unknown {
  const parts = text.split(',').map((part) => part.trim()).filter((part) => part !== '')
  const values = parts.map((part) => (/^\d+$/.test(part) ? Number(part) : part))
  if (many) return values.length === 0 && optional ? undefined : values
  return values.length === 0 ? (optional ? undefined : '') : values.length === 1 ? values[0] : text
}

function jsonWidget(label: string, testId: string, optional: boolean): Widget {
  const area = element('textarea', { 'data-testid': testId, rows: '3', spellcheck: 'false', autocomplete: 'off' })
  return {
    element: labelled(`${label}, as JSON`, area, 'stacked'),
    read: () => parseJson(area.value, label, optional),
    fill: (value) => (area.value = value === undefined ? '' : JSON.stringify(value, null, 1)),
  }
}

/**
 * An object as one field per entry of its schema, or, switched to JSON, as text. Fields the
 * example sets and required ones show; the rest wait under "more fields".
 */
function objectWidget(label: string, testId: string, fields: SchemaField[], optional: boolean): Widget {
  const inputs = new Map<string, HTMLInputElement | HTMLSelectElement>()
  const rows = new Map<string, HTMLElement>()
  for (const field of fields) {
    const input = fieldInput(field, `${testId}-${field.name}`)
    inputs.set(field.name, input)
    rows.set(field.name, labelled(`${field.name}${field.required ? ' *' : ''}`, input))
  }
  const shown = element('div', { class: 'fields' })
  const more = element('div', { class: 'fields' })
  const moreBox = element('details', { class: 'more' }, element('summary', {}, 'more fields'), more)
  const asJson = element('input', { type: 'checkbox', 'data-testid': `${testId}-as-json` })
  const area = element('textarea', { 'data-testid': testId, rows: '4', spellcheck: 'false', autocomplete: 'off', hidden: '' })
  const fromFields = () => {
    const value: Record<string, unknown> = {}
    for (const field of fields) {
      const read = valueOf(field, inputs.get(field.name)!.value)
      if (read !== undefined) value[field.name] = read
    }
    return value
  }
  const fill = (value: unknown) => {
    const object = typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {}
    for (const field of fields) inputs.get(field.name)!.value = textOf(field, object[field.name])
    const set = fields.filter((field) => field.required || object[field.name] !== undefined)
    shown.replaceChildren(...set.map((field) => rows.get(field.name)!))
    more.replaceChildren(...fields.filter((field) => !set.includes(field)).map((field) => rows.get(field.name)!))
    moreBox.hidden = more.childElementCount === 0
    area.value = value === undefined ? '' : JSON.stringify(value, null, 1)
  }
  asJson.addEventListener('change', () => {
    if (asJson.checked) area.value = JSON.stringify(fromFields(), null, 1)
    else fill(parseJson(area.value, label, true))
    area.hidden = !asJson.checked
    shown.hidden = asJson.checked
    moreBox.hidden = asJson.checked || more.childElementCount === 0
  })
  return {
    element: element('fieldset', { class: 'object', 'data-testid': `${testId}-fields` }, element('legend', {}, label, ' ', element('label', { class: 'check' }, asJson, 'as JSON')), shown, moreBox, area),
    read: () => {
      if (asJson.checked) return parseJson(area.value, label, optional)
      const value = fromFields()
      return optional && Object.keys(value).length === 0 ? undefined : value
    },
    fill,
  }
}

function fieldInput(field: SchemaField, testId: string): HTMLInputElement | HTMLSelectElement {
  const { edit } = field
  if (edit.kind === 'choice') {
    const choices = [...edit.choices.map(String), ...(field.nullable ? ['null'] : [])]
    return element('select', { 'data-testid': testId }, element('option', { value: '' }, '—'), ...choices.map((choice) => element('option', { value: choice }, choice)))
  }
  const input = element('input', {
    'data-testid': testId,
    autocomplete: 'off',
    spellcheck: 'false',
    placeholder: edit.kind === 'list' ? 'comma-separated' : edit.kind === 'json' ? 'JSON' : field.nullable ? 'or null' : '',
  })
  if (/password/.test(field.name)) input.type = 'password'
  if (edit.kind === 'number') input.inputMode = 'decimal'
  return input
}

function parseJson(text: string, label: string, optional: boolean): unknown {
  if (text.trim() === '') return optional ? undefined : ''
  try {
    return JSON.parse(text)
  } catch (error) {
    throw new ArgumentsError(`${label} is not JSON: ${error instanceof Error ? error.message : String(error)}`)
  }
}

function labelled(text: string, control: HTMLElement, kind = ''): HTMLElement {
  return element('label', { class: `field ${kind}`.trim() }, element('span', { class: 'name' }, text), control)
}

/** The options a call takes after its arguments, as fields. */
function optionsWidget(kind: CallOptionsKind): Widget | undefined {
  if (kind === 'read') {
    const refresh = element('input', { type: 'checkbox', 'data-testid': 'option-refresh' })
    return {
      element: element('label', { class: 'check field' }, refresh, 'refresh (ask Toggl even when the cache holds it)'),
      read: () => (refresh.checked ? { refresh: true } : undefined),
      fill: () => (refresh.checked = false),
    }
  }
  if (kind === 'current' || kind === 'sync') {
    const name = kind === 'current' ? 'maxAge' : 'from'
    const input = element('input', { 'data-testid': `option-${name}`, autocomplete: 'off', placeholder: kind === 'current' ? 'ms; 0 asks Toggl' : 'YYYY-MM-DD; 30 days back' })
    return {
      element: labelled(`options.${name}`, input),
      read: () => (input.value.trim() === '' ? undefined : { [name]: kind === 'current' && /^\d+$/.test(input.value.trim()) ? Number(input.value) : input.value.trim() }),
      fill: () => (input.value = ''),
    }
  }
  return undefined
}
