import type { GraphqlDocument } from '../graphql-document.js';
import { ArtifactVersionsDocument } from './artifact-versions.js';
import { CreateReportDocument } from './create-report.js';
import { GetArtifactDocument } from './get-artifact.js';
import { GetProjectDocument } from './get-project.js';
import { GetReportDocument } from './get-report.js';
import { GetRunDocument } from './get-run.js';
import { GetSweepDocument } from './get-sweep.js';
import { ListProjectsDocument } from './list-projects.js';
import { ListReportsDocument } from './list-reports.js';
import { ListSweepsDocument } from './list-sweeps.js';
import { ProjectArtifactTypesDocument } from './project-artifact-types.js';
import {
  OrgRegistryCollectionsDocument,
  RegistryCollectionsDocument,
} from './registry-collections.js';
import { RunInputArtifactsDocument, RunOutputArtifactsDocument } from './run-artifacts.js';
import { RunEventsDocument } from './run-events.js';
import { RunFilesDocument } from './run-files.js';
import { RunIdentityDocument } from './run-identity.js';
import { RunSampledHistoryDocument } from './run-sampled-history.js';
import { SearchRunsDocument } from './search-runs.js';
import { UpdateRunDocument } from './update-run.js';
import { ViewerDocument } from './viewer.js';

/** Every GraphQL document the adapter can send; a test validates each against both schemas. */
export const WANDB_GRAPHQL_DOCUMENTS: readonly GraphqlDocument<unknown>[] = [
  ViewerDocument,
  ListProjectsDocument,
  GetProjectDocument,
  SearchRunsDocument,
  GetRunDocument,
  RunIdentityDocument,
  RunSampledHistoryDocument,
  RunEventsDocument,
  RunFilesDocument,
  RunOutputArtifactsDocument,
  RunInputArtifactsDocument,
  ProjectArtifactTypesDocument,
  ArtifactVersionsDocument,
  GetArtifactDocument,
  RegistryCollectionsDocument,
  OrgRegistryCollectionsDocument,
  ListSweepsDocument,
  GetSweepDocument,
  ListReportsDocument,
  GetReportDocument,
  UpdateRunDocument,
  CreateReportDocument,
];
