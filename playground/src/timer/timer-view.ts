import { elapsedSeconds, type TimeEntryChanges, type TimeEntryStart, type TogglProject, type TogglTimeEntry } from 'togglkit'
import { h } from './dom.ts'
import type { TimerState } from './timer-app.ts'
import { byDay, clock, dayName, isToday, onSameDay, timeOfDay, total, type Day } from './week.ts'

export interface TimerActions {
  start(entry: TimeEntryStart): Promise<void>
  stop(entry: TogglTimeEntry): Promise<void>
  edit(entry: TogglTimeEntry, changes: TimeEntryChanges): Promise<void>
  remove(entry: TogglTimeEntry): Promise<void>
  sync(): Promise<void>
}

/** Draws the whole app from its state. */
export function renderTimer(root: HTMLElement, state: TimerState, actions: TimerActions): void {
  const now = Date.now()
  const days = byDay(state.entries, now)
  const today = days.find(({ date }) => isToday(date, now))
  const week = days.reduce((sum, day) => sum + day.seconds, 0)
  root.setAttribute('aria-busy', String(state.busy))
  root.replaceChildren(
    tracker(state, actions),
    status(state, actions),
    h('p', { class: 'error', 'data-testid': 'timer-error', role: 'alert', hidden: state.error === undefined ? '' : undefined }, errorText(state.error)),
    h(
      'section',
      { class: 'timer-days', 'data-testid': 'timer-today' },
      h('h3', {}, 'Today · ', h('span', { 'data-testid': 'timer-today-total', 'data-live-total': String(finishedSeconds(today)) }, total(today?.seconds ?? 0))),
      today ? entryList(today, state, actions) : h('p', { class: 'hint' }, 'Nothing tracked today yet.'),
    ),
    h(
      'section',
      { class: 'timer-days', 'data-testid': 'timer-week' },
      h('h3', {}, 'This week · ', h('span', { 'data-testid': 'timer-week-total', 'data-live-total': String(days.reduce((sum, day) => sum + finishedSeconds(day), 0)) }, total(week))),
      ...days
        .filter((day) => day !== today)
        .map((day) =>
          h('div', { class: 'timer-day', 'data-testid': 'timer-day', 'data-date': day.date.toDateString() }, h('h4', {}, `${dayName(day.date)} · ${total(day.seconds)}`), entryList(day, state, actions)),
        ),
    ),
  )
}

/** Between renders: the running entry's clock, and the totals it counts in. */
export function tickClocks(root: HTMLElement, state: TimerState): void {
  const running = state.running ? elapsedSeconds(state.running) : 0
  for (const element of root.querySelectorAll<HTMLElement>('[data-live-clock]')) element.textContent = clock(running)
  for (const element of root.querySelectorAll<HTMLElement>('[data-live-total]')) element.textContent = total(Number(element.dataset['liveTotal']) + running)
}

/** The day's seconds without the running entry's (which the clock adds as it ticks). */
function finishedSeconds(day: Day | undefined): number {
  return (day?.entries ?? []).reduce((sum, entry) => sum + (entry.stop === null ? 0 : elapsedSeconds(entry)), 0)
}

/** What is tracked now, or the form to start: description, project, tags. */
function tracker(state: TimerState, actions: TimerActions): HTMLElement {
  const { running } = state
  const form = h('form', { class: 'tracker', 'data-testid': 'timer-form' })
  if (running) {
    form.append(
      h('div', { class: 'now' }, h('strong', { 'data-testid': 'timer-running', title: running.description ?? '' }, running.description || '(no description)'), projectLabel(state, running.project_id)),
      h('span', { class: 'clock', 'data-testid': 'timer-clock', 'data-live-clock': '' }, clock(elapsedSeconds(running))),
      h('button', { class: 'primary', 'data-testid': 'timer-stop', disabled: state.busy ? '' : undefined }, 'Stop'),
    )
    form.addEventListener('submit', (event) => {
      event.preventDefault()
      void actions.stop(running)
    })
    return form
  }
  const description = h('input', { name: 'description', 'data-testid': 'timer-description', placeholder: 'What are you working on?', autocomplete: 'off', 'aria-label': 'description' })
  const project = projectPicker(state, null, 'timer-project')
  const tags = tagPicker(state, [], 'timer-tags')
  form.append(
    description,
    project,
    tags,
    h('span', { class: 'clock idle' }, clock(0)),
    h('button', { class: 'primary', 'data-testid': 'timer-start', disabled: state.busy ? '' : undefined }, 'Start'),
  )
  form.addEventListener('submit', (event) => {
    event.preventDefault()
    void actions.start({ description: description.value, ...picked(project, tags) })
  })
  return form
}

/** Last sync, requests spent, offline, and the hourly quota of the windows the timer draws on. */
function status(state: TimerState, actions: TimerActions): HTMLElement {
  const { at, requests, offline } = state.sync
  const synced = at === undefined ? 'not synced yet' : `synced at ${timeOfDay(at)}${requests === undefined ? '' : ` (${requests} request${requests === 1 ? '' : 's'})`}`
  const workspace = state.me?.workspaces?.find(({ id }) => id === state.me?.default_workspace_id)
  const windows = [
    ['your own', state.entriesEndpoint.quotaOf(null)],
    [workspace ? `${workspace.name}’s organization` : 'the workspace’s organization', workspace ? state.entriesEndpoint.quotaOf(workspace.organization_id) : null],
  ] as const
  const quota = windows
    .filter(([, info]) => info !== null)
    .map(([name, info]) => `${info!.remaining} left in ${name} window, frees up ${timeOfDay(info!.at + info!.resetsIn * 1000)}`)
  const sync = h('button', { type: 'button', 'data-testid': 'timer-sync', disabled: state.busy ? '' : undefined }, 'Sync now')
  sync.addEventListener('click', () => void actions.sync())
  return h(
    'div',
    { class: 'timer-status' },
    h(
      'p',
      { 'data-testid': 'timer-sync-state', class: offline ? 'offline' : '' },
      offline ? `offline — showing cached (${synced}) · ` : `${synced[0]!.toUpperCase()}${synced.slice(1)} · `,
      `${state.spent} request${state.spent === 1 ? '' : 's'} since the page opened `,
      sync,
    ),
    h('p', { class: 'hint', 'data-testid': 'timer-quota' }, quota.length === 0 ? 'Hourly quota: no reply has reported it yet.' : `Hourly quota: ${quota.join('; ')}.`),
  )
}

function entryList(day: Day, state: TimerState, actions: TimerActions): HTMLElement {
  return h('ul', { class: 'entries' }, ...day.entries.map((entry) => entryRow(entry, state, actions)))
}

function entryRow(entry: TogglTimeEntry, state: TimerState, actions: TimerActions): HTMLElement {
  const running = entry.stop === null
  const edit = h('button', { type: 'button', class: 'quiet', 'data-testid': 'entry-edit', disabled: state.busy ? '' : undefined }, 'Edit')
  const row = h(
    'li',
    { class: 'entry', 'data-testid': 'timer-entry', 'data-id': String(entry.id), 'data-running': String(running) },
    h('span', { class: 'times' }, `${timeOfDay(entry.start)}–${running ? 'now' : timeOfDay(entry.stop!)}`),
    h('span', { class: 'what' }, h('span', { class: 'description', title: entry.description ?? '' }, entry.description || '(no description)'), projectLabel(state, entry.project_id), ...tagLabels(entry)),
    h('span', { class: 'duration', ...(running ? { 'data-live-clock': '' } : {}) }, clock(elapsedSeconds(entry))),
    edit,
  )
  edit.addEventListener('click', () => row.replaceWith(editor(entry, state, actions)))
  return row
}

/** The entry's fields in a form: save sends only what changed. */
function editor(entry: TogglTimeEntry, state: TimerState, actions: TimerActions): HTMLElement {
  const description = h('input', { name: 'description', 'data-testid': 'entry-description', 'aria-label': 'description', autocomplete: 'off' })
  description.value = entry.description ?? ''
  const project = projectPicker(state, entry.project_id ?? null, 'entry-project')
  const tags = tagPicker(state, entry.tag_ids, 'entry-tags')
  const start = h('input', { type: 'time', 'data-testid': 'entry-start', 'aria-label': 'start' })
  start.value = timeOfDay(entry.start)
  const stop = h('input', { type: 'time', 'data-testid': 'entry-stop', 'aria-label': 'stop', disabled: entry.stop === null ? '' : undefined })
  stop.value = entry.stop === null ? '' : timeOfDay(entry.stop)
  const remove = h('button', { type: 'button', class: 'danger', 'data-testid': 'entry-delete' }, 'Delete')
  const cancel = h('button', { type: 'button', class: 'quiet', 'data-testid': 'entry-cancel' }, 'Cancel')
  const form = h(
    'form',
    { class: 'entry editor', 'data-testid': 'entry-editor', 'data-id': String(entry.id) },
    description,
    project,
    tags,
    h('span', { class: 'times' }, start, '–', stop),
    h('span', { class: 'buttons' }, h('button', { class: 'primary', 'data-testid': 'entry-save' }, 'Save'), remove, cancel),
  )
  form.addEventListener('submit', (event) => {
    event.preventDefault()
    const { project_id, tag_ids } = picked(project, tags)
    const changes: TimeEntryChanges = {}
    if (description.value !== (entry.description ?? '')) changes.description = description.value
    if ((project_id ?? null) !== (entry.project_id ?? null)) changes.project_id = project_id ?? null
    if (tag_ids.join() !== [...entry.tag_ids].sort((a, b) => a - b).join()) changes.tag_ids = tag_ids
    if (start.value !== timeOfDay(entry.start)) changes.start = onSameDay(entry.start, start.value)
    if (entry.stop !== null && stop.value !== timeOfDay(entry.stop)) changes.stop = onSameDay(entry.stop, stop.value)
    if (Object.keys(changes).length === 0) return void form.replaceWith(entryRow(entry, state, actions))
    void actions.edit(entry, changes)
  })
  remove.addEventListener('click', () => void actions.remove(entry))
  cancel.addEventListener('click', () => form.replaceWith(entryRow(entry, state, actions)))
  return form
}

/** The default workspace's active projects, by client. */
function projectPicker(state: TimerState, selected: number | null, testId: string): HTMLSelectElement {
  const projects = (state.me?.projects ?? []).filter((project) => project.active && project.workspace_id === state.me?.default_workspace_id)
  const clients = new Map((state.me?.clients ?? []).map((client) => [client.id, client.name]))
  const groups = new Map<string, TogglProject[]>()
  for (const project of projects) {
    const client = (project.client_id != null && clients.get(project.client_id)) || 'No client'
    groups.set(client, [...(groups.get(client) ?? []), project])
  }
  const select = h('select', { name: 'project', 'data-testid': testId, 'aria-label': 'project' }, h('option', { value: '' }, 'No project'))
  for (const [client, list] of [...groups].sort(([a], [b]) => a.localeCompare(b))) {
    const byName = [...list].sort((a, b) => a.name.localeCompare(b.name))
    select.append(h('optgroup', { label: client }, ...byName.map((project) => h('option', { value: String(project.id), title: project.name }, project.name))))
  }
  select.value = selected === null ? '' : String(selected)
  return select
}

function tagPicker(state: TimerState, selected: readonly number[], testId: string): HTMLFieldSetElement {
  const tags = (state.me?.tags ?? []).filter((tag) => tag.workspace_id === state.me?.default_workspace_id)
  return h(
    'fieldset',
    { class: 'tags', 'data-testid': testId },
    h('legend', { class: 'visually-hidden' }, 'tags'),
    ...tags.map((tag) => {
      const box = h('input', { type: 'checkbox', value: String(tag.id), 'data-name': tag.name })
      box.checked = selected.includes(tag.id)
      return h('label', { class: 'chip', title: tag.name }, box, h('span', {}, tag.name))
    }),
  )
}

function picked(project: HTMLSelectElement, tags: HTMLFieldSetElement): { project_id?: number; tag_ids: number[] } {
  const tag_ids = [...tags.querySelectorAll<HTMLInputElement>('input:checked')].map(({ value }) => Number(value)).sort((a, b) => a - b)
  return project.value === '' ? { tag_ids } : { project_id: Number(project.value), tag_ids }
}

function projectLabel(state: TimerState, projectId: number | null | undefined): HTMLElement | string {
  if (projectId == null) return ''
  const project = state.me?.projects?.find(({ id }) => id === projectId)
  const client = project?.client_id == null ? undefined : state.me?.clients?.find(({ id }) => id === project.client_id)
  const name = project ? `${project.name}${client ? ` · ${client.name}` : ''}` : `project ${projectId}`
  const label = h('span', { class: 'project', title: name }, name)
  // Through the CSSOM: the page's Content-Security-Policy refuses style attributes.
  if (project?.color) label.style.setProperty('--project', project.color)
  return label
}

function tagLabels(entry: TogglTimeEntry): HTMLElement[] {
  return entry.tags.map((tag) => h('span', { class: 'tag', title: tag }, tag))
}

function errorText(error: unknown): string {
  if (error === undefined) return ''
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error)
}
