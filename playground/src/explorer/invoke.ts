import {
  ClientEndpoint,
  DetailedReportEndpoint,
  GroupEndpoint,
  InvitationEndpoint,
  OrganizationEndpoint,
  OrganizationUserEndpoint,
  OrganizationWorkspaceEndpoint,
  OwnerEndpoint,
  PageIterator,
  ProjectEndpoint,
  QuotaEndpoint,
  RoleEndpoint,
  SegmentationEndpoint,
  SummaryReportEndpoint,
  TagEndpoint,
  TaskEndpoint,
  TimeEntryEndpoint,
  UserEndpoint,
  WebhookEndpoint,
  WeeklyReportEndpoint,
  WorkspaceEndpoint,
  type BasicAuth,
  type EndpointOptions,
  type TogglCache,
} from 'togglkit'
import type { ExplorerCall } from './calls.ts'

/** Every endpoint class, by name: the classes the explorer's table describes. */
export const ENDPOINTS = {
  OrganizationEndpoint,
  OrganizationUserEndpoint,
  GroupEndpoint,
  OwnerEndpoint,
  SegmentationEndpoint,
  OrganizationWorkspaceEndpoint,
  InvitationEndpoint,
  RoleEndpoint,
  QuotaEndpoint,
  UserEndpoint,
  WorkspaceEndpoint,
  ProjectEndpoint,
  ClientEndpoint,
  TagEndpoint,
  TaskEndpoint,
  TimeEntryEndpoint,
  SummaryReportEndpoint,
  DetailedReportEndpoint,
  WeeklyReportEndpoint,
  WebhookEndpoint,
} as const

type AnyMethod = (...args: unknown[]) => unknown

/** How a call is made: the auth, cache and options its endpoint gets. */
export interface CallSetup {
  auth: BasicAuth
  cache: TogglCache | null
  options: EndpointOptions
}

/**
 * Makes the call as a program would: a new endpoint of its class, the method with the arguments
 * (trailing ones left out are not passed) and, when given, the per-call options after all of them.
 * The arguments go as given: the library checks them, as it does a plain-JS caller's.
 */
export function invoke(call: ExplorerCall, args: readonly unknown[], callOptions: Record<string, unknown> | undefined, { auth, cache, options }: CallSetup): unknown {
  const [className, methodName] = call.name.split('.') as [keyof typeof ENDPOINTS, string]
  const Endpoint = ENDPOINTS[className]
  if (call.static) return (Endpoint as unknown as Record<string, AnyMethod>)[methodName]!.call(Endpoint, auth, options)
  const endpoint = new Endpoint(auth, cache, options) as unknown as Record<string, AnyMethod>
  const method = endpoint[methodName]
  if (typeof method !== 'function') throw new Error(`${call.name} is no method of the library`)
  return method.apply(endpoint, argumentList(args, callOptions))
}

/** The arguments as the call takes them: every one up to the options when options are given, else up to the last one set. */
export function argumentList(args: readonly unknown[], callOptions: Record<string, unknown> | undefined): unknown[] {
  if (callOptions !== undefined) return [...args, callOptions]
  const list = [...args]
  while (list.length > 0 && list.at(-1) === undefined) list.pop()
  return list
}

/** What a call answered, as the page shows it: every page of an iterator, what a file is. */
export async function shownValue(value: unknown): Promise<unknown> {
  if (value instanceof PageIterator) {
    const pages: unknown[] = []
    for await (const page of (value as PageIterator<unknown>).pages()) pages.push(page)
    return pages
  }
  if (value instanceof Blob) {
    const text = /^text\/(?!xlsx)/.test(value.type) ? await value.text() : undefined
    return { file: value.type, bytes: value.size, ...(text === undefined ? {} : { text }) }
  }
  return value
}
