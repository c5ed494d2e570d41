// What the schemas infer, as users see it: each schema outputs its model (or, for what the caller
// sends, takes its named input type), and a reply's schema takes anything (it checks unknown data).
// The checker runs these (`npx tsc`, the first step of `npm test`): the explicit types JSR asks for
// must keep meaning what the inferred ones did.
import type * as v from 'valibot'
import { describe, expectTypeOf, it } from 'vitest'
import { GroupPatchResultSchema, OrganizationGroupSchema, type GroupPatchResult, type OrganizationGroup } from '../src/schemas/organizations/groups.ts'
import { InvitationInputSchema, InvitationResultSchema, type InvitationInput, type InvitationResult } from '../src/schemas/organizations/invitations.ts'
import { OrganizationUserSchema, type OrganizationUser } from '../src/schemas/organizations/organization-users.ts'
import { WorkspaceInputSchema, WorkspaceSchema, WorkspaceStatisticsSchema, WorkspaceUserFiltersSchema, WorkspaceUserSchema, type TogglWorkspace, type WorkspaceInput, type WorkspaceStatistics, type WorkspaceUser, type WorkspaceUserFilters } from '../src/schemas/organizations/organization-workspaces.ts'
import { CreatedOrganizationSchema, OrganizationSchema, type CreatedOrganization, type TogglOrganization } from '../src/schemas/organizations/organizations.ts'
import { OrganizationOwnerSchema, OwnershipTransferSchema, type OrganizationOwner, type OwnershipTransfer } from '../src/schemas/organizations/owner.ts'
import { RoleSchema, type TogglRole } from '../src/schemas/organizations/roles.ts'
import { OrganizationSegmentationSchema, SegmentationInputSchema, type OrganizationSegmentation, type SegmentationInput } from '../src/schemas/organizations/segmentation.ts'
import { BillableRateSchema, ReportTotalsSchema, type BillableRate, type ReportTotals } from '../src/schemas/reports/common.ts'
import { DetailedCursorSchema, DetailedExportInputSchema, DetailedPdfExportInputSchema, DetailedReportInputSchema, DetailedRowSchema, DetailedTotalsInputSchema, type DetailedCursor, type DetailedExportInput, type DetailedPdfExportInput, type DetailedReportInput, type DetailedRow, type DetailedTotalsInput } from '../src/schemas/reports/detailed.ts'
import { ProjectUserSummarySchema, ReportRangeInputSchema, SummaryExportInputSchema, SummaryPdfExportInputSchema, SummaryReportInputSchema, SummaryReportSchema, type ProjectUserSummary, type ReportRangeInput, type SummaryExportInput, type SummaryPdfExportInput, type SummaryReport, type SummaryReportInput } from '../src/schemas/reports/summary.ts'
import { WeeklyExportInputSchema, WeeklyPdfExportInputSchema, WeeklyReportInputSchema, WeeklyRowSchema, type WeeklyExportInput, type WeeklyPdfExportInput, type WeeklyReportInput, type WeeklyRow } from '../src/schemas/reports/weekly.ts'
import { ClientFiltersSchema, ClientInputSchema, ClientRestoreSchema, ClientSchema, MyClientFiltersSchema, type ClientFilters, type ClientInput, type ClientRestore, type MyClientFilters, type TogglClient } from '../src/schemas/tracking/clients.ts'
import { BulkPatchResultSchema, type BulkPatchResult } from '../src/schemas/tracking/patch.ts'
import { MyProjectFiltersSchema, ProjectChangesSchema, ProjectDeletionSchema, ProjectFiltersSchema, ProjectInputSchema, ProjectSchema, type MyProjectFilters, type ProjectChanges, type ProjectDeletion, type ProjectFilters, type ProjectInput, type TogglProject } from '../src/schemas/tracking/projects.ts'
import { MyTagFiltersSchema, TagFiltersSchema, TagSchema, type MyTagFilters, type TagFilters, type TogglTag } from '../src/schemas/tracking/tags.ts'
import { MyTaskFiltersSchema, TaskChangesSchema, TaskFiltersSchema, TaskInputSchema, TaskPageSchema, TaskSchema, type MyTaskFilters, type TaskChanges, type TaskFilters, type TaskInput, type TaskPage, type TogglTask } from '../src/schemas/tracking/tasks.ts'
import { TimeEntryAddInputSchema, TimeEntryChangesSchema, TimeEntryStartInputSchema, type TimeEntryChanges, type TimeEntryInput, type TimeEntryStart } from '../src/schemas/tracking/time-entries.ts'
import { PreferenceChangesSchema, PreferencesSchema, UserChangesSchema, UserQuerySchema, UserSchema, UserWithRelatedDataSchema, type PreferenceChanges, type TogglPreferences, type TogglUser, type TogglUserWithRelatedData, type UserChanges, type UserQuery } from '../src/schemas/tracking/user.ts'
import { ListedWorkspaceSchema, MyWorkspaceFiltersSchema, TrackerConstraintsSchema, WorkspaceChangesSchema, WorkspaceMemberFiltersSchema, WorkspaceMemberSchema, type ListedWorkspace, type MyWorkspaceFilters, type TrackerConstraints, type WorkspaceChanges, type WorkspaceMember, type WorkspaceMemberFilters } from '../src/schemas/tracking/workspaces.ts'
import { WebhookLimitsSchema, WebhookStatusSchema, WebhookSubscriptionSchema, type WebhookLimits, type WebhookStatus, type WebhookSubscription } from '../src/schemas/webhooks/subscriptions.ts'

describe('the types the schemas infer', () => {
  it('a reply schema outputs its model', () => {
    expectTypeOf<v.InferOutput<typeof OrganizationGroupSchema>>().toEqualTypeOf<OrganizationGroup>()
    expectTypeOf<v.InferOutput<typeof GroupPatchResultSchema>>().toEqualTypeOf<GroupPatchResult>()
    expectTypeOf<v.InferOutput<typeof InvitationResultSchema>>().toEqualTypeOf<InvitationResult>()
    expectTypeOf<v.InferOutput<typeof OrganizationUserSchema>>().toEqualTypeOf<OrganizationUser>()
    expectTypeOf<v.InferOutput<typeof WorkspaceSchema>>().toEqualTypeOf<TogglWorkspace>()
    expectTypeOf<v.InferOutput<typeof WorkspaceStatisticsSchema>>().toEqualTypeOf<WorkspaceStatistics>()
    expectTypeOf<v.InferOutput<typeof WorkspaceUserSchema>>().toEqualTypeOf<WorkspaceUser>()
    expectTypeOf<v.InferOutput<typeof OrganizationSchema>>().toEqualTypeOf<TogglOrganization>()
    expectTypeOf<v.InferOutput<typeof CreatedOrganizationSchema>>().toEqualTypeOf<CreatedOrganization>()
    expectTypeOf<v.InferOutput<typeof OrganizationOwnerSchema>>().toEqualTypeOf<OrganizationOwner>()
    expectTypeOf<v.InferOutput<typeof OwnershipTransferSchema>>().toEqualTypeOf<OwnershipTransfer>()
    expectTypeOf<v.InferOutput<typeof RoleSchema>>().toEqualTypeOf<TogglRole>()
    expectTypeOf<v.InferOutput<typeof OrganizationSegmentationSchema>>().toEqualTypeOf<OrganizationSegmentation>()
    expectTypeOf<v.InferOutput<typeof ReportTotalsSchema>>().toEqualTypeOf<ReportTotals>()
    expectTypeOf<v.InferOutput<typeof BillableRateSchema>>().toEqualTypeOf<BillableRate>()
    expectTypeOf<v.InferOutput<typeof DetailedRowSchema>>().toEqualTypeOf<DetailedRow>()
    expectTypeOf<v.InferOutput<typeof DetailedCursorSchema>>().toEqualTypeOf<DetailedCursor>()
    expectTypeOf<v.InferOutput<typeof SummaryReportSchema>>().toEqualTypeOf<SummaryReport>()
    expectTypeOf<v.InferOutput<typeof ProjectUserSummarySchema>>().toEqualTypeOf<ProjectUserSummary>()
    expectTypeOf<v.InferOutput<typeof WeeklyRowSchema>>().toEqualTypeOf<WeeklyRow>()
    expectTypeOf<v.InferOutput<typeof ClientSchema>>().toEqualTypeOf<TogglClient>()
    expectTypeOf<v.InferOutput<typeof BulkPatchResultSchema>>().toEqualTypeOf<BulkPatchResult>()
    expectTypeOf<v.InferOutput<typeof ProjectSchema>>().toEqualTypeOf<TogglProject>()
    expectTypeOf<v.InferOutput<typeof TagSchema>>().toEqualTypeOf<TogglTag>()
    expectTypeOf<v.InferOutput<typeof TaskSchema>>().toEqualTypeOf<TogglTask>()
    expectTypeOf<v.InferOutput<typeof TaskPageSchema>>().toEqualTypeOf<TaskPage>()
    expectTypeOf<v.InferOutput<typeof UserSchema>>().toEqualTypeOf<TogglUser>()
    expectTypeOf<v.InferOutput<typeof UserWithRelatedDataSchema>>().toEqualTypeOf<TogglUserWithRelatedData>()
    expectTypeOf<v.InferOutput<typeof PreferencesSchema>>().toEqualTypeOf<TogglPreferences>()
    expectTypeOf<v.InferOutput<typeof ListedWorkspaceSchema>>().toEqualTypeOf<ListedWorkspace>()
    expectTypeOf<v.InferOutput<typeof TrackerConstraintsSchema>>().toEqualTypeOf<TrackerConstraints>()
    expectTypeOf<v.InferOutput<typeof WorkspaceMemberSchema>>().toEqualTypeOf<WorkspaceMember>()
    expectTypeOf<v.InferOutput<typeof WebhookSubscriptionSchema>>().toEqualTypeOf<WebhookSubscription>()
    expectTypeOf<v.InferOutput<typeof WebhookLimitsSchema>>().toEqualTypeOf<WebhookLimits>()
    expectTypeOf<v.InferOutput<typeof WebhookStatusSchema>>().toEqualTypeOf<WebhookStatus>()
  })

  it('a reply schema takes unknown data', () => {
    expectTypeOf<v.InferInput<typeof OrganizationGroupSchema>>().toEqualTypeOf<unknown>()
    expectTypeOf<v.InferInput<typeof GroupPatchResultSchema>>().toEqualTypeOf<unknown>()
    expectTypeOf<v.InferInput<typeof InvitationResultSchema>>().toEqualTypeOf<unknown>()
    expectTypeOf<v.InferInput<typeof OrganizationUserSchema>>().toEqualTypeOf<unknown>()
    expectTypeOf<v.InferInput<typeof WorkspaceSchema>>().toEqualTypeOf<unknown>()
    expectTypeOf<v.InferInput<typeof WorkspaceStatisticsSchema>>().toEqualTypeOf<unknown>()
    expectTypeOf<v.InferInput<typeof WorkspaceUserSchema>>().toEqualTypeOf<unknown>()
    expectTypeOf<v.InferInput<typeof OrganizationSchema>>().toEqualTypeOf<unknown>()
    expectTypeOf<v.InferInput<typeof CreatedOrganizationSchema>>().toEqualTypeOf<unknown>()
    expectTypeOf<v.InferInput<typeof OrganizationOwnerSchema>>().toEqualTypeOf<unknown>()
    expectTypeOf<v.InferInput<typeof OwnershipTransferSchema>>().toEqualTypeOf<unknown>()
    expectTypeOf<v.InferInput<typeof RoleSchema>>().toEqualTypeOf<unknown>()
    expectTypeOf<v.InferInput<typeof OrganizationSegmentationSchema>>().toEqualTypeOf<unknown>()
    expectTypeOf<v.InferInput<typeof ReportTotalsSchema>>().toEqualTypeOf<unknown>()
    expectTypeOf<v.InferInput<typeof BillableRateSchema>>().toEqualTypeOf<unknown>()
    expectTypeOf<v.InferInput<typeof DetailedRowSchema>>().toEqualTypeOf<unknown>()
    expectTypeOf<v.InferInput<typeof DetailedCursorSchema>>().toEqualTypeOf<unknown>()
    expectTypeOf<v.InferInput<typeof SummaryReportSchema>>().toEqualTypeOf<unknown>()
    expectTypeOf<v.InferInput<typeof ProjectUserSummarySchema>>().toEqualTypeOf<unknown>()
    expectTypeOf<v.InferInput<typeof WeeklyRowSchema>>().toEqualTypeOf<unknown>()
    expectTypeOf<v.InferInput<typeof ClientSchema>>().toEqualTypeOf<unknown>()
    expectTypeOf<v.InferInput<typeof BulkPatchResultSchema>>().toEqualTypeOf<unknown>()
    expectTypeOf<v.InferInput<typeof ProjectSchema>>().toEqualTypeOf<unknown>()
    expectTypeOf<v.InferInput<typeof TagSchema>>().toEqualTypeOf<unknown>()
    expectTypeOf<v.InferInput<typeof TaskSchema>>().toEqualTypeOf<unknown>()
    expectTypeOf<v.InferInput<typeof TaskPageSchema>>().toEqualTypeOf<unknown>()
    expectTypeOf<v.InferInput<typeof UserSchema>>().toEqualTypeOf<unknown>()
    expectTypeOf<v.InferInput<typeof UserWithRelatedDataSchema>>().toEqualTypeOf<unknown>()
    expectTypeOf<v.InferInput<typeof PreferencesSchema>>().toEqualTypeOf<unknown>()
    expectTypeOf<v.InferInput<typeof ListedWorkspaceSchema>>().toEqualTypeOf<unknown>()
    expectTypeOf<v.InferInput<typeof TrackerConstraintsSchema>>().toEqualTypeOf<unknown>()
    expectTypeOf<v.InferInput<typeof WorkspaceMemberSchema>>().toEqualTypeOf<unknown>()
    expectTypeOf<v.InferInput<typeof WebhookSubscriptionSchema>>().toEqualTypeOf<unknown>()
    expectTypeOf<v.InferInput<typeof WebhookLimitsSchema>>().toEqualTypeOf<unknown>()
    expectTypeOf<v.InferInput<typeof WebhookStatusSchema>>().toEqualTypeOf<unknown>()
  })

  it('a schema of what the caller sends takes its named input type', () => {
    expectTypeOf<v.InferInput<typeof InvitationInputSchema>>().toEqualTypeOf<InvitationInput>()
    expectTypeOf<v.InferInput<typeof WorkspaceInputSchema>>().toEqualTypeOf<WorkspaceInput>()
    expectTypeOf<v.InferInput<typeof WorkspaceUserFiltersSchema>>().toEqualTypeOf<WorkspaceUserFilters>()
    expectTypeOf<v.InferInput<typeof SegmentationInputSchema>>().toEqualTypeOf<SegmentationInput>()
    expectTypeOf<v.InferInput<typeof DetailedReportInputSchema>>().toEqualTypeOf<DetailedReportInput>()
    expectTypeOf<v.InferInput<typeof DetailedExportInputSchema>>().toEqualTypeOf<DetailedExportInput>()
    expectTypeOf<v.InferInput<typeof DetailedPdfExportInputSchema>>().toEqualTypeOf<DetailedPdfExportInput>()
    expectTypeOf<v.InferInput<typeof DetailedTotalsInputSchema>>().toEqualTypeOf<DetailedTotalsInput>()
    expectTypeOf<v.InferInput<typeof SummaryReportInputSchema>>().toEqualTypeOf<SummaryReportInput>()
    expectTypeOf<v.InferInput<typeof SummaryExportInputSchema>>().toEqualTypeOf<SummaryExportInput>()
    expectTypeOf<v.InferInput<typeof SummaryPdfExportInputSchema>>().toEqualTypeOf<SummaryPdfExportInput>()
    expectTypeOf<v.InferInput<typeof ReportRangeInputSchema>>().toEqualTypeOf<ReportRangeInput>()
    expectTypeOf<v.InferInput<typeof WeeklyReportInputSchema>>().toEqualTypeOf<WeeklyReportInput>()
    expectTypeOf<v.InferInput<typeof WeeklyExportInputSchema>>().toEqualTypeOf<WeeklyExportInput>()
    expectTypeOf<v.InferInput<typeof WeeklyPdfExportInputSchema>>().toEqualTypeOf<WeeklyPdfExportInput>()
    expectTypeOf<v.InferInput<typeof ClientInputSchema>>().toEqualTypeOf<ClientInput>()
    expectTypeOf<v.InferInput<typeof ClientFiltersSchema>>().toEqualTypeOf<ClientFilters>()
    expectTypeOf<v.InferInput<typeof ClientRestoreSchema>>().toEqualTypeOf<ClientRestore>()
    expectTypeOf<v.InferInput<typeof MyClientFiltersSchema>>().toEqualTypeOf<MyClientFilters>()
    expectTypeOf<v.InferInput<typeof ProjectInputSchema>>().toEqualTypeOf<ProjectInput>()
    expectTypeOf<v.InferInput<typeof ProjectChangesSchema>>().toEqualTypeOf<ProjectChanges>()
    expectTypeOf<v.InferInput<typeof ProjectFiltersSchema>>().toEqualTypeOf<ProjectFilters>()
    expectTypeOf<v.InferInput<typeof ProjectDeletionSchema>>().toEqualTypeOf<ProjectDeletion>()
    expectTypeOf<v.InferInput<typeof MyProjectFiltersSchema>>().toEqualTypeOf<MyProjectFilters>()
    expectTypeOf<v.InferInput<typeof TagFiltersSchema>>().toEqualTypeOf<TagFilters>()
    expectTypeOf<v.InferInput<typeof MyTagFiltersSchema>>().toEqualTypeOf<MyTagFilters>()
    expectTypeOf<v.InferInput<typeof TaskInputSchema>>().toEqualTypeOf<TaskInput>()
    expectTypeOf<v.InferInput<typeof TaskChangesSchema>>().toEqualTypeOf<TaskChanges>()
    expectTypeOf<v.InferInput<typeof TaskFiltersSchema>>().toEqualTypeOf<TaskFilters>()
    expectTypeOf<v.InferInput<typeof MyTaskFiltersSchema>>().toEqualTypeOf<MyTaskFilters>()
    expectTypeOf<v.InferInput<typeof TimeEntryStartInputSchema>>().toEqualTypeOf<TimeEntryStart>()
    expectTypeOf<v.InferInput<typeof TimeEntryAddInputSchema>>().toEqualTypeOf<TimeEntryInput>()
    expectTypeOf<v.InferInput<typeof TimeEntryChangesSchema>>().toEqualTypeOf<TimeEntryChanges>()
    expectTypeOf<v.InferInput<typeof UserQuerySchema>>().toEqualTypeOf<UserQuery>()
    expectTypeOf<v.InferInput<typeof UserChangesSchema>>().toEqualTypeOf<UserChanges>()
    expectTypeOf<v.InferInput<typeof PreferenceChangesSchema>>().toEqualTypeOf<PreferenceChanges>()
    expectTypeOf<v.InferInput<typeof MyWorkspaceFiltersSchema>>().toEqualTypeOf<MyWorkspaceFilters>()
    expectTypeOf<v.InferInput<typeof WorkspaceChangesSchema>>().toEqualTypeOf<WorkspaceChanges>()
    expectTypeOf<v.InferInput<typeof WorkspaceMemberFiltersSchema>>().toEqualTypeOf<WorkspaceMemberFilters>()
  })

  it('models keep Toggl’s fields, its nulls and the fields it adds later', () => {
    expectTypeOf<TogglOrganization['id']>().toEqualTypeOf<number>()
    expectTypeOf<TogglOrganization['pricing_plan_name']>().toEqualTypeOf<string | null | undefined>()
    expectTypeOf<TogglOrganization['a_field_toggl_adds_later']>().toEqualTypeOf<unknown>()
  })
})
