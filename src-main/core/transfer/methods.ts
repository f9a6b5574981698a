import type { Service } from '@contract';
import type { TransferJobs } from './jobs';

type TransferMethods = Pick<Service, 'export.start' | 'export.list' | 'export.delete' | 'import.start'>;

export const transferMethods = (jobs: TransferJobs): TransferMethods => ({
  'export.start': (input) => jobs.startExport(input),
  'export.list': () => ({ items: jobs.exports() }),
  'export.delete': ({ file }) => {
    jobs.deleteExport(file);
    return { deleted: true };
  },
  'import.start': (input) => jobs.startImport(input),
});
