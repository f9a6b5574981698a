import type { Service } from '@contract';
import type { TransferJobs } from './jobs';

type TransferMethods = Pick<Service, 'export.start' | 'import.start'>;

export const transferMethods = (jobs: TransferJobs): TransferMethods => ({
  'export.start': (input) => jobs.startExport(input),
  'import.start': (input) => jobs.startImport(input),
});
