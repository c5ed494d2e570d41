import { INVALID_JSON, parseId, parseJsonObject, type ApiCall, type Route } from '../calls.ts'
import { emptyReply, errorReply, jsonReply, type Reply } from '../responses.ts'
import { clientView, profileView, projectView, tagView, taskView, timeEntryView, workspaceView } from '../views.ts'
import { latestEntries } from './time-entries.ts'

const MIN_PASSWORD_LENGTH = 6
// Toggl documents no list; these are the formats its web app offers (the fake's rule).
const DATE_FORMATS = ['YYYY-MM-DD', 'DD.MM.YYYY', 'DD-MM-YYYY', 'MM/DD/YYYY', 'DD/MM/YYYY', 'MM-DD-YYYY']
const TIME_OF_DAY_FORMATS = ['H:mm', 'h:mm A']

/** `GET /me`; with `with_related_data=true` also what the caller can see in their workspaces. */
function getMe(call: ApiCall): Reply {
  const profile = profileView(call.state, call.account)
  if (call.query.get('with_related_data') !== 'true') return jsonReply(200, profile)
  const { state } = call
  const workspaces = state.workspacesOf(call.account.id)
  const ids = new Set(workspaces.map(({ workspace }) => workspace.id))
  const live = <T extends { workspaceId: number; deletedAt: number | null }>(table: ReadonlyMap<number, T>) =>
    [...table.values()].filter((entity) => entity.deletedAt === null && ids.has(entity.workspaceId))
  const related = {
    clients: live(state.clients).map(clientView),
    projects: live(state.projects).map((project) => projectView(state, project)),
    tags: live(state.tags).map(tagView),
    tasks: live(state.tasks).map((task) => taskView(state, task)),
    time_entries: latestEntries(call).map((entry) => timeEntryView(state, entry, { form: 'listed' })),
    workspaces: workspaces.map(({ organization, workspace }) => workspaceView(state, organization, workspace, call.account.id)),
  }
  // A real reply leaves out what the user has none of (it lacked `tasks`), where the spec says null.
  const present = Object.entries(related).filter(([, list]) => list.length > 0)
  return jsonReply(200, { ...profile, ...Object.fromEntries(present) })
}

/** `PUT /me`: each field checked as Toggl documents, then all applied; answers the user without related data. */
function updateMe(call: ApiCall): Reply {
  const payload = parseJsonObject(call.body)
  if (!payload) return errorReply(400, INVALID_JSON)
  const { state } = call
  const account = call.account
  const field = (name: string) => (payload[name] === null ? undefined : payload[name])
  const fullname = field('fullname')
  if (fullname !== undefined && (typeof fullname !== 'string' || fullname.trim() === '')) return errorReply(400, 'Invalid fullname')
  const email = field('email')
  if (email !== undefined) {
    if (typeof email !== 'string' || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) return errorReply(400, 'Invalid email')
    const owner = state.accountWithEmail(email)
    if (owner && owner.id !== account.id) return errorReply(400, 'user with this email already exists')
  }
  const timezone = field('timezone')
  if (timezone !== undefined && (typeof timezone !== 'string' || !isTimeZone(timezone))) return errorReply(400, 'Invalid timezone')
  const beginningOfWeek = field('beginning_of_week')
  if (beginningOfWeek !== undefined && !(Number.isInteger(beginningOfWeek) && Number(beginningOfWeek) >= 0 && Number(beginningOfWeek) <= 6)) {
    return errorReply(400, 'Invalid beginning_of_week')
  }
  const countryId = field('country_id')
  if (countryId !== undefined && parseId(String(countryId)) === undefined) return errorReply(400, 'Invalid country_id')
  const defaultWorkspaceId = field('default_workspace_id')
  if (defaultWorkspaceId !== undefined && !state.workspacesOf(account.id).some(({ workspace }) => workspace.id === defaultWorkspaceId)) {
    return errorReply(400, 'Invalid default_workspace_id')
  }
  const password = field('password')
  if (password !== undefined) {
    const current = field('current_password')
    if (current === undefined || current === '') return errorReply(400, 'Current password must be present to change password')
    if (current !== account.password) return errorReply(400, 'Current password is not valid')
    if (typeof password !== 'string' || [...password].length < MIN_PASSWORD_LENGTH) {
      return errorReply(400, `Password should be at least ${MIN_PASSWORD_LENGTH} characters`)
    }
  }

  // Accounts may be frozen seeds (DEMO_ACCOUNT): a change replaces the record.
  const changed = {
    ...account,
    ...(typeof fullname === 'string' ? { fullname } : {}),
    ...(typeof email === 'string' ? { email } : {}),
    ...(typeof password === 'string' ? { password } : {}),
  }
  state.accounts.set(account.id, changed)
  const profile = state.profileOf(account.id)
  if (typeof timezone === 'string') profile.timezone = timezone
  if (typeof beginningOfWeek === 'number') profile.beginningOfWeek = beginningOfWeek
  if (typeof countryId === 'number') profile.countryId = countryId
  if (typeof defaultWorkspaceId === 'number') profile.defaultWorkspaceId = defaultWorkspaceId
  profile.at = state.now()
  return jsonReply(200, profileView(state, changed))
}

function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name })
    return true
  } catch {
    return false
  }
}

/** `GET /me/logged`: 200 with no body when the credentials work (the pipeline has refused them otherwise). */
function logged(): Reply {
  return emptyReply(200)
}

/** `GET /me/preferences`: one flat object. */
function getPreferences(call: ApiCall): Reply {
  return jsonReply(200, call.state.profileOf(call.account.id).preferences)
}

/** `POST /me/preferences`: merges what is sent; answers a string. */
function updatePreferences(call: ApiCall): Reply {
  const payload = parseJsonObject(call.body)
  if (!payload || Object.keys(payload).length === 0) return errorReply(400, 'Missing data')
  if ('toSAcceptNeeded' in payload) return errorReply(400, 'Cannot set value for ToSAcceptNeeded')
  const { date_format: dateFormat, timeofday_format: timeOfDayFormat, alpha_features: features } = payload
  if (dateFormat !== undefined && !DATE_FORMATS.includes(dateFormat as string)) return errorReply(400, 'Value in date_format is invalid')
  if (timeOfDayFormat !== undefined && !TIME_OF_DAY_FORMATS.includes(timeOfDayFormat as string)) {
    return errorReply(400, 'Value in timeofday_format is invalid')
  }
  // The fake has no alpha features, so any code named is unknown.
  if (Array.isArray(features) && features.length > 0) return errorReply(400, 'Invalid feature code(s)')
  const { preferences } = call.state.profileOf(call.account.id)
  for (const [key, value] of Object.entries(payload)) if (key !== 'alpha_features') preferences[key] = value
  return jsonReply(200, 'OK')
}

export const PROFILE_ROUTES = [
  {
    pattern: /^\/me$/,
    handlers: new Map([
      ['GET', getMe],
      ['PUT', updateMe],
    ]),
  },
  { pattern: /^\/me\/logged$/, handlers: new Map([['GET', logged]]) },
  {
    pattern: /^\/me\/preferences$/,
    handlers: new Map([
      ['GET', getPreferences],
      ['POST', updatePreferences],
    ]),
  },
] satisfies Route[]
